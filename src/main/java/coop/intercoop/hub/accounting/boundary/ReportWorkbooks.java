package coop.intercoop.hub.accounting.boundary;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.spreadsheet.control.PipedSheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;

/**
 * The accounting reports as xlsx downloads: the same figures as the JSON, one sheet per report, headers in Spanish as
 * the books are kept, streamed to the client as they are written.
 */
final class ReportWorkbooks {

    static final String XLSX = SheetWriter.MEDIA_TYPE;
    /** The language of these workbooks (their headers are Spanish): journals are named as the portal names them. */
    private static final java.util.Locale LANGUAGE = java.util.Locale.forLanguageTag("es");

    private ReportWorkbooks() {
    }

    /** Whether the {@code format} parameter asks for xlsx; anything but json or xlsx is refused. */
    static boolean xlsx(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("xlsx")) {
            return true;
        }
        throw new InvalidReportException("format", "report.format", format);
    }

    /** How a workbook is written: on the caller's thread for a report of bounded size, or piped for a long list. */
    enum Writing {
        /** The report is computed first and is short: written by the thread that computed it. */
        DIRECT,
        /**
         * Rows come from a streamed database read: written on another thread ({@link PipedSheetWriter}), so reading the
         * next rows overlaps writing the last ones.
         */
        PIPED
    }

    /**
     * An attachment named {@code <name>.xlsx} with the title in its properties, written by {@code body} when the client
     * reads it.
     */
    static Response download(String name, String title, Writing writing, Consumer<SheetWriter> body) {
        StreamingOutput stream = out -> write(out, title, writing, body);
        return Response.ok(stream, XLSX).header(HttpHeaders.CONTENT_DISPOSITION, SheetWriter.attachment(name)).build();
    }

    /** {@link #download(String, String, Writing, Consumer)} of a report of bounded size. */
    static Response download(String name, String title, Consumer<SheetWriter> body) {
        return download(name, title, Writing.DIRECT, body);
    }

    /**
     * The workbook with the title in its properties, written by {@code body} straight into {@code out} row by row; the
     * API and the portal share it.
     */
    static void write(OutputStream out, String title, Writing writing, Consumer<SheetWriter> body) {
        try (SheetWriter xlsx = writing == Writing.PIPED ? new PipedSheetWriter(out, executor())
                : new SheetWriter(out)) {
            xlsx.title(title);
            body.accept(xlsx);
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

    private static final List<Column> BALANCE = List.of(Column.text("Cuenta"), Column.text("Nombre", 50),
            Column.amount("Debe"), Column.amount("Haber"), Column.amount("Saldo deudor"),
            Column.amount("Saldo acreedor"));

    /** The file name of an organisation's trial balance. */
    static String trialBalanceName(long org, TrialBalance tb) {
        return dated("sumas-y-saldos-" + org + "-nivel-" + tb.level(), tb.date());
    }

    /** The title of a trial balance: its dates, level and the entries it leaves out. */
    static String trialBalanceTitle(TrialBalance tb) {
        return "Balance de sumas y saldos del " + shown(tb.from()) + " al " + shown(tb.date()) + ", nivel " + tb.level()
                + (tb.excluded().closing() ? ", sin asientos de cierre" : "")
                + (tb.excluded().opening() ? ", sin asiento de apertura" : "");
    }

    static void trialBalance(SheetWriter xlsx, TrialBalance tb) {
        xlsx.sheet("Sumas y saldos", BALANCE);
        trialBalanceRows(xlsx, tb.rows(), tb.totals());
    }

    private static void trialBalanceRows(SheetWriter xlsx, List<TrialBalance.Row> rows, TrialBalance.Totals totals) {
        for (TrialBalance.Row row : rows) {
            xlsx.row(row.code(), row.name(), row.debit(), row.credit(), row.balanceDebit(), row.balanceCredit());
        }
        xlsx.totals("Total", null, totals.debit(), totals.credit(), totals.balanceDebit(), totals.balanceCredit());
    }

    static final List<Column> LEDGER = List.of(Column.date("Fecha"), Column.integer("Asiento"), Column.text("Diario"),
            Column.text("Cuenta"), Column.text("Concepto", 50), Column.amount("Debe"), Column.amount("Haber"),
            Column.amount("Saldo"));

    static void ledgerLine(SheetWriter xlsx, Reports.LedgerLine line) {
        xlsx.row(line.date(), line.number(), line.journal().label(LANGUAGE), line.account(),
                line.text() == null ? line.description() : line.description() + " - " + line.text(), line.debit(),
                line.credit(), line.balance());
    }

    static final List<Column> JOURNAL = List.of(Column.integer("Asiento"), Column.date("Fecha"), Column.text("Diario"),
            Column.text("Descripción", 40), Column.text("Documento"), Column.integer("Línea"), Column.text("Cuenta"),
            Column.text("Nombre", 40), Column.amount("Debe"), Column.amount("Haber"), Column.text("Texto", 30));

    /**
     * The journal sheet: every line of the range as
     * {@link Reports#journal(LocalDate, LocalDate, java.util.function.Consumer)} streams it, then the debit and credit
     * totals.
     */
    static void journal(SheetWriter xlsx, Reports reports, LocalDate from, LocalDate to) {
        xlsx.sheet("Diario", JOURNAL);
        BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO };
        reports.journal(from, to, line -> {
            xlsx.row(line.number(), line.date(), line.journal().label(LANGUAGE), line.description(), line.document(),
                    line.line(), line.account(), line.accountName(), line.debit(), line.credit(), line.text());
            sums[0] = sums[0].add(line.debit());
            sums[1] = sums[1].add(line.credit());
        });
        xlsx.totals(null, null, null, "Total", null, null, null, null, sums[0], sums[1]);
    }

    /**
     * The ledger sheet of the range {@code head} describes: the opening balance, every line with its running balance as
     * {@link Reports} streams them, then the totals and the closing balance.
     */
    static void ledger(SheetWriter xlsx, Reports reports, Reports.LedgerPage head) {
        xlsx.sheet("Mayor " + head.account(), LEDGER);
        xlsx.row(head.from(), null, null, head.account(), "Saldo anterior", null, null, head.opening());
        Reports.LedgerPage all = reports.ledger(head.account(), head.from(), head.to(), line -> ledgerLine(xlsx, line));
        xlsx.totals(head.to(), null, null, head.account(), "Total y saldo final", all.debit(), all.credit(),
                all.closing());
    }

    static final List<Column> ENTRIES = List.of(Column.integer("Ejercicio"), Column.integer("Asiento"),
            Column.date("Fecha"), Column.text("Diario"), Column.text("Descripción", 50), Column.text("Documento"),
            Column.amount("Importe"), Column.text("Anulación"), Column.text("Registrado por"));

    /**
     * The entries list: one row per entry matching the filter, as {@link Entries#stream} reads them, then the total.
     */
    static void entries(SheetWriter xlsx, Entries entries, Entries.Filter filter) {
        xlsx.sheet("Asientos", ENTRIES);
        BigDecimal[] total = { BigDecimal.ZERO };
        entries.stream(filter, entry -> {
            xlsx.row(entry.fiscalYear(), entry.number(), entry.date(), entry.journal().label(LANGUAGE),
                    entry.description(), entry.document(), entry.total(),
                    entry.reversedBy() != null ? "anulado" : entry.reverses() != null ? "anulación" : null,
                    entry.postedBy());
            total[0] = total[0].add(entry.total());
        });
        xlsx.totals(null, null, null, null, "Total", null, total[0]);
    }

    static void statement(SheetWriter xlsx, String sheet, Reports.StatementReport report) {
        xlsx.sheet(sheet, List.of(Column.text("Código"), Column.text("Concepto", 70), Column.amount("Importe")));
        for (Statement.Amount line : report.lines()) {
            Object[] row = { line.code(), "  ".repeat(line.level()) + line.caption(), line.amount() };
            if (line.level() <= 1) {
                xlsx.boldRow(row);
            } else {
                xlsx.row(row);
            }
        }
    }

    static void grant(SheetWriter xlsx, Reports.GrantExecution grant) {
        xlsx.sheet("Subvención", List.of(Column.text("Cuenta"), Column.text("Nombre", 50), Column.amount("Presupuesto"),
                Column.amount("Ejecutado"), Column.amount("Pendiente")));
        for (Reports.GrantLine line : grant.lines()) {
            xlsx.row(line.account(), line.name(), line.budget(), line.actual(), line.remaining());
        }
        xlsx.totals("Total", grant.name(), grant.budget(), grant.actual(), grant.remaining());
        xlsx.totals("Concedido", grant.funder(), grant.awarded(), null, null);
        xlsx.totals("Fuera de presupuesto", null, null, grant.outsideBudget(), null);
        xlsx.totals("Ingresos de la subvención", null, null, grant.income(), null);
    }

    /** The file name of a consolidated trial balance. */
    static String consolidatedName(Reports.Consolidated tb) {
        return dated("sumas-y-saldos-consolidado-nivel-" + tb.level(), tb.date());
    }

    /** The title of a consolidated trial balance; {@code over} says which organisations it sums. */
    static String consolidatedTitle(Reports.Consolidated tb, String over) {
        return "Balance de sumas y saldos consolidado a " + shown(tb.date()) + ", nivel " + tb.level() + ", " + over;
    }

    /**
     * The consolidated sheet, under title rows that say what it is: the date and level, the consortium if any, each
     * organisation summed by name and tax id with the dates its figures cover, and the members left out.
     *
     * @param consortium
     *            the consortium summed, or null for organisations of the caller's
     * @param summed
     *            the organisations summed, as {@code tb} lists them
     */
    static void consolidated(SheetWriter xlsx, Reports.Consolidated tb, String consortium,
            List<ConsortiumConsolidation.Party> summed, List<ConsortiumConsolidation.Party> leftOut) {
        List<String> heading = new ArrayList<>();
        heading.add("Balance de sumas y saldos consolidado a " + shown(tb.date()) + ", nivel " + tb.level());
        if (consortium != null) {
            heading.add("Consorcio: " + consortium);
        }
        heading.add("Organizaciones sumadas:");
        for (Reports.Span span : tb.periods()) {
            ConsortiumConsolidation.Party party = summed.stream().filter(p -> p.id() == span.organisation()).findFirst()
                    .orElseThrow();
            heading.add(
                    ConsortiumConsolidation.named(party) + ", del " + shown(span.from()) + " al " + shown(span.to()));
        }
        if (!leftOut.isEmpty()) {
            heading.add("Sin incluir (usted no lleva ni audita su contabilidad): "
                    + ConsortiumConsolidation.names(leftOut));
        }
        xlsx.sheet("Consolidado", heading, BALANCE);
        trialBalanceRows(xlsx, tb.rows(), tb.totals());
    }

    /** The file name of an entries list: the organisation and the dates the filter has. */
    static String entriesName(long org, Entries.Filter filter) {
        return "asientos-" + org + (filter.from() == null ? "" : "-desde-" + filter.from())
                + (filter.to() == null ? "" : "-hasta-" + filter.to());
    }

    /** A date as the books show it: 31/03/2025. */
    static String shown(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    static String dated(String what, LocalDate... dates) {
        StringBuilder name = new StringBuilder(what);
        for (LocalDate date : dates) {
            name.append('-').append(date);
        }
        return name.toString();
    }
}
