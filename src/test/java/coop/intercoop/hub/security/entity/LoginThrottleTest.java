package coop.intercoop.hub.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** Fails {@code count} times, one second apart from {@link #T0}; returns the time of the last failure. */
    private static Instant fail(LoginThrottle throttle, int count) {
        Instant at = T0;
        for (int i = 0; i < count; i++) {
            at = T0.plusSeconds(i);
            throttle.failedAt(at);
        }
        return at;
    }

    @Test
    void fourFailuresDoNotBlock() {
        LoginThrottle throttle = new LoginThrottle("ana");
        Instant last = fail(throttle, 4);
        assertEquals(4, throttle.getFailures());
        assertNull(throttle.getBlockedUntil());
        assertFalse(throttle.isBlockedAt(last));
    }

    @Test
    void fifthFailureBlocksFor30Seconds() {
        LoginThrottle throttle = new LoginThrottle("ana");
        Instant last = fail(throttle, 5);
        assertEquals(last.plusSeconds(30), throttle.getBlockedUntil());
    }

    @Test
    void sixthFailureBlocksFor60Seconds() {
        LoginThrottle throttle = new LoginThrottle("ana");
        Instant last = fail(throttle, 6);
        assertEquals(last.plusSeconds(60), throttle.getBlockedUntil());
    }

    @Test
    void eachFurtherFailureDoublesTheDelay() {
        for (int failures = LoginThrottle.FREE_FAILURES; failures < 11; failures++) {
            assertEquals(LoginThrottle.delayAfter(failures).multipliedBy(2), LoginThrottle.delayAfter(failures + 1),
                    "after " + failures + " failures");
        }
        assertEquals(Duration.ofSeconds(30 * 64), LoginThrottle.delayAfter(11));
    }

    @Test
    void delayIsCappedAtOneHour() {
        // the twelfth failure would give 30 s x 2^7 = 3,840 s
        assertEquals(Duration.ofHours(1), LoginThrottle.delayAfter(12));
        assertEquals(Duration.ofHours(1), LoginThrottle.delayAfter(1_000));
        assertEquals(Duration.ofHours(1), LoginThrottle.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void manyFailuresBlockForOneHourFromTheLast() {
        LoginThrottle throttle = new LoginThrottle("ana");
        Instant last = fail(throttle, 40);
        assertEquals(last.plus(Duration.ofHours(1)), throttle.getBlockedUntil());
    }

    @Test
    void failuresBelowTheThresholdHaveNoDelay() {
        for (int failures = 0; failures < LoginThrottle.FREE_FAILURES; failures++) {
            assertEquals(Duration.ZERO, LoginThrottle.delayAfter(failures));
        }
    }

    @Test
    void isBlockedJustBeforeBlockedUntil() {
        LoginThrottle throttle = new LoginThrottle("ana");
        fail(throttle, 5);
        assertTrue(throttle.isBlockedAt(throttle.getBlockedUntil().minusMillis(1)));
    }

    @Test
    void isNotBlockedAtBlockedUntil() {
        LoginThrottle throttle = new LoginThrottle("ana");
        fail(throttle, 5);
        assertFalse(throttle.isBlockedAt(throttle.getBlockedUntil()));
    }

    @Test
    void isNotBlockedAfterBlockedUntil() {
        LoginThrottle throttle = new LoginThrottle("ana");
        fail(throttle, 5);
        assertFalse(throttle.isBlockedAt(throttle.getBlockedUntil().plusSeconds(1)));
    }

    @Test
    void newThrottleIsNotBlocked() {
        assertFalse(new LoginThrottle("ana").isBlockedAt(T0));
    }
}
