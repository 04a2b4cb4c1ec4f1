package coop.intercoop.hub.spreadsheet.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.platform.faces.WorkbookDownload;
import coop.intercoop.hub.spreadsheet.control.PipedSheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;

/**
 * The workbook of one report or export of a business component, described once for the API's download and the portal's
 * alike: its file name, its title, its columns and how its rows are written. The title is a text of the component's
 * bundle of titles in the reader's language; the file name does not depend on the language, so a file saved by a
 * Spanish and an English reader is the same file. The sheets are written in Spanish, the language the books and the
 * payroll are kept in. A component keeps its workbooks together as constants (accounting's {@code ReportWorkbooks},
 * payroll's {@code ReturnWorkbooks}).
 *
 * @param <R>
 *            what the workbook is written from: the report, or what streams its rows
 */
public final class Workbook<R> {

    /** How the rows of a workbook are written once its sheet is due. */
    @FunctionalInterface
    public interface Body<R> {
        void write(SheetWriter xlsx, List<Column> columns, R report);
    }

    /** How a workbook is written: on the caller's thread for a report of bounded size, or piped for a long list. */
    public enum Writing {
        /** The report is computed first and is short: written by the thread that computed it. */
        DIRECT,
        /**
         * Rows come from a streamed database read: written on another thread ({@link PipedSheetWriter}), so reading the
         * next rows overlaps writing the last ones.
         */
        PIPED
    }

    private final String titles;
    private final String title;
    private final List<Column> columns;
    private final Writing writing;
    private final BiFunction<Long, R, String> name;
    private final Function<R, Object[]> titleArguments;
    private final Body<R> body;

    /**
     * @param titles
     *            the base name of the component's bundle of titles (English; its {@code _es} the Spanish ones)
     * @param title
     *            the key of the title among {@code titles}
     * @param name
     *            the file name without its extension, from the organisation and the report
     * @param titleArguments
     *            the title's arguments, from the report
     */
    public Workbook(String titles, String title, List<Column> columns, Writing writing,
            BiFunction<Long, R, String> name, Function<R, Object[]> titleArguments, Body<R> body) {
        this.titles = titles;
        this.title = title;
        this.columns = List.copyOf(columns);
        this.writing = writing;
        this.name = name;
        this.titleArguments = titleArguments;
        this.body = body;
    }

    public String titles() {
        return titles;
    }

    public String titleKey() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The file name without its extension: the same in every language. */
    public String fileName(long org, R report) {
        return name.apply(org, report);
    }

    /** The title, in the workbook's properties, in the reader's language. */
    public String title(R report, Locale language) {
        return HubTexts.format(titles, language, title, titleArguments.apply(report));
    }

    /** The API's answer: an attachment named {@code <name>.xlsx}, written when the client reads it. */
    public Response download(long org, R report, Locale language) {
        StreamingOutput stream = out -> write(out, report, language);
        return Response.ok(stream, Xlsx.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, Xlsx.attachment(fileName(org, report))).build();
    }

    /** The portal's download: the same workbook, titled in the session's language, instead of the page. */
    public void send(long org, R report) throws IOException {
        Locale language = CDI.current().select(Texts.class).get().locale();
        WorkbookDownload.send(fileName(org, report), out -> write(out, report, language));
    }

    /** The workbook, with its title in its properties, written straight into {@code out} row by row. */
    public void write(OutputStream out, R report, Locale language) {
        try (SheetWriter xlsx = writing == Writing.PIPED ? new PipedSheetWriter(out, executor())
                : new SheetWriter(out)) {
            xlsx.title(title(report, language));
            body.write(xlsx, columns, report);
            xlsx.finish();
        }
    }

    /** The platform's default managed executor, which runs the piped writers. */
    private static ExecutorService executor() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("No managed executor for the spreadsheet writer", e);
        }
    }
}
