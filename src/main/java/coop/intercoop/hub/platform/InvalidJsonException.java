package coop.intercoop.hub.platform;

import java.util.Locale;

/**
 * A request body that is not exactly the JSON its endpoint takes: malformed, not UTF-8, with content after the value, a
 * duplicate key, or a value of another type than the field's. Names the field (a path such as {@code lines[2].debit})
 * when there is one, and says what is wrong in the caller's language.
 */
public class InvalidJsonException extends HubException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Object[] arguments;

    /**
     * @param key
     *            the text in {@code problems.properties}, given the field as its first argument
     */
    public InvalidJsonException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, ApiTexts.format(Locale.ENGLISH, key, withField(field, arguments)));
        this.key = key;
        this.arguments = withField(field, arguments);
    }

    /** The refusal in the given language. */
    public String message(Locale language) {
        return ApiTexts.format(language, key, arguments);
    }

    private static Object[] withField(String field, Object[] arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = field;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }
}
