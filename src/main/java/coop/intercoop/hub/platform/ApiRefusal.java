package coop.intercoop.hub.platform;

import java.util.Locale;

/**
 * A refusal of the request's form rather than of a business rule, written in the API's own texts
 * ({@code problems.properties}) so that it reaches the caller in their language. The field is the text's first
 * argument.
 */
public abstract class ApiRefusal extends HubException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Object[] arguments;

    protected ApiRefusal(Kind kind, String field, String key, Object... arguments) {
        super(kind, field, ApiTexts.format(Locale.ENGLISH, key, withField(field, arguments)));
        this.key = key;
        this.arguments = withField(field, arguments);
    }

    /** The refusal in the given language. */
    public String message(Locale language) {
        return ApiTexts.format(language, key, arguments);
    }

    /** The problem's title in the given language. */
    public String title(Locale language) {
        return Problems.titleOf(kind().status, language);
    }

    private static Object[] withField(String field, Object[] arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = field;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }
}
