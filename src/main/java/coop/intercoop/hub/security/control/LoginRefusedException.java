package coop.intercoop.hub.security.control;

import java.time.Duration;

import coop.intercoop.hub.platform.HubException;

/**
 * A login that did not succeed: wrong name or password, an inactive user, or a name blocked after failures (of logins
 * and of password confirmations alike).
 */
public class LoginRefusedException extends HubException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    private LoginRefusedException(Kind kind, String key, Duration retryAfter) {
        super(kind, null, key, retryAfter == null ? null : new Object[] { Math.max(1, retryAfter.toSeconds()) });
        this.retryAfter = retryAfter;
    }

    public static LoginRefusedException wrongCredentials() {
        return new LoginRefusedException(Kind.UNAUTHENTICATED, "login.wrong", null);
    }

    public static LoginRefusedException throttled(Duration retryAfter) {
        return new LoginRefusedException(Kind.THROTTLED, "login.throttled", retryAfter);
    }

    /** How long the name stays blocked, or null when it is not blocked. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
