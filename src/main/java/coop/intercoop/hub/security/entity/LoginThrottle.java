package coop.intercoop.hub.security.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins for one name. From the {@value #FREE_FAILURES}th failure on, each further failure blocks the name for
 * twice as long as the one before ({@link #BASE_DELAY}, doubling, at most {@link #MAX_DELAY}), whatever the password of
 * the next attempt. Kept in the database so every hub node sees the same count.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration BASE_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofHours(1);

    @Id
    private String username;

    private int failures;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected LoginThrottle() {
    }

    public LoginThrottle(String username) {
        this.username = username;
    }

    public boolean isBlockedAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    public void failedAt(Instant now) {
        failures++;
        lastFailureAt = now;
        if (failures >= FREE_FAILURES) {
            blockedUntil = now.plus(delayAfter(failures));
        }
    }

    public static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = BASE_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    public String getUsername() {
        return username;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getBlockedUntil() {
        return blockedUntil;
    }
}
