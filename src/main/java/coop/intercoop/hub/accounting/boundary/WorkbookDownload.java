package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;

/**
 * A report's spreadsheet downloaded from a portal page: the same workbook as the API's {@code format=xlsx}, titled in
 * the session's language, written to the response of a non-ajax request instead of the page. The API takes bearer
 * tokens only, so the portal cannot link to it.
 */
final class WorkbookDownload {

    private WorkbookDownload() {
    }

    static <R> void send(ReportWorkbook<R> workbook, long org, R report) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(SheetWriter.MEDIA_TYPE);
        external.setResponseHeader("Content-Disposition", SheetWriter.attachment(workbook.fileName(org, report)));
        workbook.write(external.getResponseOutputStream(), report, CDI.current().select(Texts.class).get().locale());
        faces.responseComplete();
    }
}
