package coop.intercoop.hub.platform;

/**
 * A refusal a person can act on. Each component names its own failures ({@code PeriodLockedException},
 * {@code InvalidTaxIdException}, ...) as subclasses; {@link Problems} maps them once to RFC 9457 problem details.
 */
public abstract class HubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; decides the HTTP status. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), THROTTLED(429);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String field;

    protected HubException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** How long until trying again makes sense, or null. */
    public java.time.Duration retryAfter() {
        return null;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }
}
