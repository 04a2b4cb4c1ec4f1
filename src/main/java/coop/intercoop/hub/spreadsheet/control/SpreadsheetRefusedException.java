package coop.intercoop.hub.spreadsheet.control;

import java.util.Locale;

import coop.intercoop.hub.platform.HubException;

/**
 * A file the spreadsheet pipeline does not read, saying what the file is and why it is refused. The refusal is a text
 * of the component's bundle ({@link ImportTexts#SPREADSHEET}): its message is the English wording, and
 * {@link #in(Locale)} words it in the language of the person who sent the file.
 */
public class SpreadsheetRefusedException extends HubException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Object[] arguments;

    /** A refusal worded by the text {@code key} of the spreadsheet bundle with these arguments. */
    public SpreadsheetRefusedException(String key, Object... arguments) {
        this(Locale.ENGLISH, key, arguments);
    }

    private SpreadsheetRefusedException(Locale language, String key, Object... arguments) {
        super(Kind.INVALID, "file", ImportTexts.format(ImportTexts.SPREADSHEET, language, key, arguments));
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** The refusal worded in {@code language} (Spanish unless English is asked for, as every import text). */
    public String message(Locale language) {
        return ImportTexts.format(ImportTexts.SPREADSHEET, language, key, arguments);
    }

    /** The same refusal, its message worded in {@code language}. */
    public SpreadsheetRefusedException in(Locale language) {
        return new SpreadsheetRefusedException(language, key, arguments);
    }
}
