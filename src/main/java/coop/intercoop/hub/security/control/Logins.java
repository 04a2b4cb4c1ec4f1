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
 * Checks a name and password, counting failures per name in {@link LoginThrottle}. Callers declare their transaction
 * with {@code dontRollbackOn = LoginRefusedException.class}, so a refused login still records its failure.
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
        LoginThrottle throttle = em.find(LoginThrottle.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null && throttle.isBlockedAt(now)) {
            audit.recordAs(name, null, "login.throttled", "user", name, null);
            throw LoginRefusedException.throttled(Duration.between(now, throttle.getBlockedUntil()));
        }
        User user = users.byUsername(name).orElse(null);
        boolean valid = passwords.verify(password, user == null ? null : user.getPasswordHash());
        if (!valid || !user.isActive()) {
            if (throttle == null) {
                throttle = new LoginThrottle(name);
                em.persist(throttle);
            }
            throttle.failedAt(now);
            audit.recordAs(name, null, "login.failed", "user", name,
                    "failure " + throttle.getFailures() + (user != null && !user.isActive() ? ", user inactive" : ""));
            throw LoginRefusedException.wrongCredentials();
        }
        if (throttle != null) {
            em.remove(throttle);
        }
        audit.recordAs(name, null, "login", "user", String.valueOf(user.getId()), null);
        return user;
    }
}
