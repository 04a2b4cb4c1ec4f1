package coop.intercoop.hub.platform;

/**
 * A refusal of the request's form rather than of a business rule, written in the API's own texts
 * ({@code problems.properties}). The field is the text's first argument.
 */
public abstract class ApiRefusal extends HubException {

    private static final long serialVersionUID = 1L;

    protected ApiRefusal(Kind kind, String field, String key, Object... arguments) {
        super(kind, field, key, withField(field, arguments));
    }

    @Override
    protected String bundle() {
        return ApiTexts.BUNDLE;
    }

    private static Object[] withField(String field, Object[] arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = field;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }
}
