package coop.intercoop.hub.platform;

/** A query or path parameter the API cannot take as it is, named in the caller's language. */
public class InvalidParameterException extends ApiRefusal {

    private static final long serialVersionUID = 1L;

    private InvalidParameterException(String parameter, String key, Object... arguments) {
        super(Kind.INVALID, parameter, key, arguments);
    }

    /** Refuses a text parameter longer than {@code max} characters (the column it is stored in). */
    public static String atMost(String value, int max, String parameter) {
        if (value != null && value.length() > max) {
            throw new InvalidParameterException(parameter, "param.tooLong", max);
        }
        return value;
    }

    /**
     * Refuses a date parameter that does not read as {@code YYYY-MM-DD} ({@link DateParameters}); the parameter is null
     * when the JAX-RS runtime names it ({@link Problems}).
     */
    static InvalidParameterException notADate(String text, String parameter) {
        return new InvalidParameterException(parameter, "date.invalid", text);
    }
}
