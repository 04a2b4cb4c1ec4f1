package coop.intercoop.hub.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserTest {

    private static User user() {
        return new User("Ana", "Ana Pérez", null, "hash-1", false);
    }

    @Test
    void aNewPasswordMovesTheCredentialsVersionOnSoOlderSessionsEnd() {
        User user = user();
        int before = user.getCredentialsVersion();
        user.changePasswordHash("hash-2");
        assertEquals(before + 1, user.getCredentialsVersion());
        assertEquals("hash-2", user.getPasswordHash());
    }

    @Test
    void describingTheUserLeavesTheSessionsAlone() {
        User user = user();
        user.describe("Ana Pérez Gil", "ana@example.org");
        user.activate(true);
        assertEquals(0, user.getCredentialsVersion());
    }
}
