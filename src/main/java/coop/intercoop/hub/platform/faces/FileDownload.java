package coop.intercoop.hub.platform.faces;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/**
 * A file downloaded from a portal page: written to the response of a non-ajax request instead of the page. The API
 * takes bearer tokens only, so the portal cannot link to the API's download; a page's action calls this with what the
 * API writes.
 */
public final class FileDownload {

    /** What writes the file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private FileDownload() {
    }

    /**
     * Sends the file with its type and Content-Disposition and completes the response, so the page is not rendered.
     */
    public static void send(String contentDisposition, String mediaType, Body body) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(mediaType);
        external.setResponseHeader("Content-Disposition", contentDisposition);
        body.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** A Content-Disposition of a download named {@code name}, with a name any browser and file system take. */
    public static String attachment(String name) {
        return "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }
}
