package coop.intercoop.hub.platform;

import java.util.Locale;

/**
 * A request body that is not exactly the JSON its endpoint takes: malformed, not UTF-8, with content after the value, a
 * duplicate key, or a value of another type than the field's. Names the field (a path such as {@code lines[2].debit})
 * when there is one, and says what is wrong in the caller's language.
 */
public class InvalidJsonException extends ApiRefusal {

    private static final long serialVersionUID = 1L;

    /**
     * @param key
     *            the text in {@code problems.properties}, given the field as its first argument
     */
    public InvalidJsonException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }

    @Override
    public String title(Locale language) {
        return ApiTexts.format(language, "title.body");
    }
}
