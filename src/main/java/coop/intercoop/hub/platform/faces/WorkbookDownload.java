package coop.intercoop.hub.platform.faces;

import java.io.IOException;

import coop.intercoop.hub.platform.Xlsx;

/** A workbook downloaded from a portal page ({@link FileDownload}), named {@code <name>.xlsx}. */
public final class WorkbookDownload {

    private WorkbookDownload() {
    }

    /** Sends the workbook as {@code <name>.xlsx} and completes the response, so the page is not rendered. */
    public static void send(String name, FileDownload.Body body) throws IOException {
        FileDownload.send(Xlsx.attachment(name), Xlsx.MEDIA_TYPE, body);
    }
}
