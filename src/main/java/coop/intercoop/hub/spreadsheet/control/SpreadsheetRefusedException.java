package coop.intercoop.hub.spreadsheet.control;

import coop.intercoop.hub.platform.HubException;

/** A file the spreadsheet pipeline does not read, saying what the file is and why it is refused. */
public class SpreadsheetRefusedException extends HubException {

    private static final long serialVersionUID = 1L;

    public SpreadsheetRefusedException(String message) {
        super(Kind.INVALID, "file", message);
    }
}
