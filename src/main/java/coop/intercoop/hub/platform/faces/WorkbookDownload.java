package coop.intercoop.hub.platform.faces;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import coop.intercoop.hub.platform.Xlsx;

/**
 * A workbook downloaded from a portal page: written to the response of a non-ajax request instead of the page. The API
 * takes bearer tokens only, so the portal cannot link to the API's download; a page's action calls this with what the
 * API writes.
 */
public final class WorkbookDownload {

    /** What writes the workbook. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private WorkbookDownload() {
    }

    /** Sends the workbook as {@code <name>.xlsx} and completes the response, so the page is not rendered. */
    public static void send(String name, Body body) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(Xlsx.MEDIA_TYPE);
        external.setResponseHeader("Content-Disposition", Xlsx.attachment(name));
        body.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }
}
