package coop.intercoop.hub.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofDays(30));

    private static ApiToken token() {
        return new ApiToken(7, "ci", "0".repeat(64), false, CREATED, EXPIRES);
    }

    @Test
    void tokenIsUsableBeforeExpiry() {
        assertTrue(token().isUsableAt(EXPIRES.minusSeconds(1)));
    }

    @Test
    void tokenIsNotUsableAtExpiry() {
        assertFalse(token().isUsableAt(EXPIRES));
    }

    @Test
    void tokenIsNotUsableAfterExpiry() {
        assertFalse(token().isUsableAt(EXPIRES.plusSeconds(1)));
    }

    @Test
    void revokedTokenIsNotUsable() {
        ApiToken token = token();
        token.revoke(CREATED.plusSeconds(60));
        assertFalse(token.isUsableAt(CREATED.plusSeconds(120)));
    }

    @Test
    void revokingTwiceKeepsTheFirstTime() {
        ApiToken token = token();
        Instant first = CREATED.plusSeconds(60);
        token.revoke(first);
        token.revoke(first.plusSeconds(60));
        assertEquals(first, token.getRevokedAt());
    }

    @Test
    void unusedTokenHasNoLastUse() {
        assertNull(token().getLastUsedAt());
    }

    @Test
    void firstUseIsRecorded() {
        ApiToken token = token();
        Instant use = CREATED.plusSeconds(10);
        token.usedAt(use);
        assertEquals(use, token.getLastUsedAt());
    }

    @Test
    void useWithinFiveMinutesOfTheRecordedOneIsNotRecorded() {
        ApiToken token = token();
        Instant first = CREATED.plusSeconds(10);
        token.usedAt(first);
        token.usedAt(first.plusSeconds(60));
        token.usedAt(first.plus(Duration.ofMinutes(5)));
        assertEquals(first, token.getLastUsedAt());
    }

    @Test
    void useMoreThanFiveMinutesAfterTheRecordedOneIsRecorded() {
        ApiToken token = token();
        Instant first = CREATED.plusSeconds(10);
        token.usedAt(first);
        Instant later = first.plus(Duration.ofMinutes(5)).plusSeconds(1);
        token.usedAt(later);
        assertEquals(later, token.getLastUsedAt());
    }
}
