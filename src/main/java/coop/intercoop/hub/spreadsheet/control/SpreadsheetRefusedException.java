package coop.intercoop.hub.spreadsheet.control;

import coop.intercoop.hub.platform.HubException;

/**
 * A file the spreadsheet pipeline does not read, saying what the file is and why it is refused: a text of the
 * component's bundle ({@link ImportTexts#SPREADSHEET}), worded in the reader's language like every refusal.
 */
public class SpreadsheetRefusedException extends HubException {

    private static final long serialVersionUID = 1L;

    /** A refusal worded by the text {@code key} of the spreadsheet bundle with these arguments. */
    public SpreadsheetRefusedException(String key, Object... arguments) {
        super(Kind.INVALID, "file", key, arguments);
    }

    @Override
    protected String bundle() {
        return ImportTexts.SPREADSHEET;
    }
}
