package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import coop.intercoop.hub.spreadsheet.control.SheetWriter;

/**
 * A report's spreadsheet downloaded from a portal page: the same workbook as the API's {@code format=xlsx}, written to
 * the response of a non-ajax request instead of the page. The API takes bearer tokens only, so the portal cannot link
 * to it.
 */
final class WorkbookDownload {

    private WorkbookDownload() {
    }

    static void send(String name, String title, Consumer<SheetWriter> body) throws IOException {
        send(name, title, ReportWorkbooks.Writing.DIRECT, body);
    }

    static void send(String name, String title, ReportWorkbooks.Writing writing, Consumer<SheetWriter> body)
            throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(ReportWorkbooks.XLSX);
        external.setResponseHeader("Content-Disposition", SheetWriter.attachment(name));
        ReportWorkbooks.write(external.getResponseOutputStream(), title, writing, body);
        faces.responseComplete();
    }
}
