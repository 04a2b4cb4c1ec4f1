package coop.intercoop.hub.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.security.entity.LoginThrottle;
import coop.intercoop.hub.security.entity.User;

/**
 * Checks passwords, counting failures per name in {@link LoginThrottle}: a login, and the current password a signed-in
 * user gives to change it, count against the same name under the same rule, so a stolen session cannot guess the
 * password faster than the login form can. Callers declare their transaction with {@code dontRollbackOn =
 * {LoginRefusedException.class, WrongPasswordException.class}}, so a refusal still records its failure.
 */
@Dependent
public class Logins {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    public User authenticate(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        LoginThrottle throttle = unlessBlocked(name, now, "login.throttled");
        User user = users.byUsername(name).orElse(null);
        boolean valid = passwords.verify(password, user == null ? null : user.getPasswordHash());
        if (!valid || !user.isActive()) {
            throttle = failed(throttle, name, now);
            audit.recordAs(name, null, "login.failed", "user", name,
                    "failure " + throttle.getFailures() + (user != null && !user.isActive() ? ", user inactive" : ""));
            throw LoginRefusedException.wrongCredentials();
        }
        succeeded(throttle);
        audit.recordAs(name, null, "login", "user", String.valueOf(user.getId()), null);
        return user;
    }

    /**
     * The password of a signed-in user, asked again before a change of credentials.
     *
     * @throws LoginRefusedException
     *             (throttled) while the name is blocked, whatever the password
     * @throws WrongPasswordException
     *             when it is not the user's password
     */
    public void confirm(User user, String password) {
        String name = user.getUsername();
        Instant now = Instant.now();
        LoginThrottle throttle = unlessBlocked(name, now, "password.throttled");
        if (!passwords.verify(password, user.getPasswordHash())) {
            throttle = failed(throttle, name, now);
            audit.recordAs(name, null, "password.wrong", "user", String.valueOf(user.getId()),
                    "failure " + throttle.getFailures());
            throw new WrongPasswordException();
        }
        succeeded(throttle);
    }

    /** The name's throttle, locked for this transaction (null when it has no failures); refuses a blocked name. */
    private LoginThrottle unlessBlocked(String name, Instant now, String action) {
        LoginThrottle throttle = em.find(LoginThrottle.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null && throttle.isBlockedAt(now)) {
            audit.recordAs(name, null, action, "user", name, null);
            throw LoginRefusedException.throttled(Duration.between(now, throttle.getBlockedUntil()));
        }
        return throttle;
    }

    private LoginThrottle failed(LoginThrottle throttle, String name, Instant now) {
        LoginThrottle counted = throttle;
        if (counted == null) {
            counted = new LoginThrottle(name);
            em.persist(counted);
        }
        counted.failedAt(now);
        return counted;
    }

    private void succeeded(LoginThrottle throttle) {
        if (throttle != null) {
            em.remove(throttle);
        }
    }
}
