package coop.intercoop.hub.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs against Soteria's real PBKDF2, as Payara provides it. Its encoded form is
 * {@code algorithm:iterations:base64(salt):base64(key)}. At 600,000 iterations a hash takes a noticeable fraction of a
 * second, so one hash made up front serves the tests that only read it.
 */
class PasswordsTest {

    private static final String PASSWORD = "correct horse battery";

    private static Passwords passwords;
    private static String encoded;

    @BeforeAll
    static void hashOnce() {
        passwords = new Passwords(new Pbkdf2PasswordHashImpl(), Passwords.ITERATIONS);
        encoded = passwords.hash(PASSWORD);
    }

    private static String[] parts(String hash) {
        String[] parts = hash.split(":");
        assertEquals(4, parts.length, hash);
        return parts;
    }

    @Test
    void passwordHashNamesPbkdf2WithHmacSha256() {
        assertEquals("PBKDF2WithHmacSHA256", parts(encoded)[0]);
    }

    @Test
    void passwordHashUses600000Iterations() {
        assertEquals(600_000, Integer.parseInt(parts(encoded)[1]));
    }

    @Test
    void aTestDeploymentsFewerIterationsAreNamedInItsHashesAndTheOldHashesStillVerify() {
        Passwords fewer = new Passwords(new Pbkdf2PasswordHashImpl(), Passwords.MIN_ITERATIONS);
        String quick = fewer.hash(PASSWORD);
        assertEquals(Passwords.MIN_ITERATIONS, Integer.parseInt(parts(quick)[1]));
        assertTrue(fewer.verify(PASSWORD, quick));
        assertTrue(fewer.verify(PASSWORD, encoded), "a hash of 600,000 iterations is verified with its own figure");
        assertFalse(fewer.verify("wrong horse battery", encoded));
    }

    @Test
    void fewerIterationsThanTheFloorAreRefusedAtStart() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> new Passwords(new Pbkdf2PasswordHashImpl(), Passwords.MIN_ITERATIONS - 1));
        assertTrue(refused.getMessage().contains("hub.passwords.iterations"), refused.getMessage());
    }

    @Test
    void passwordHashHasA32ByteSalt() {
        assertEquals(32, Base64.getDecoder().decode(parts(encoded)[2]).length);
    }

    @Test
    void passwordHashHasA32ByteKey() {
        assertEquals(32, Base64.getDecoder().decode(parts(encoded)[3]).length);
    }

    @Test
    void hashingTheSamePasswordTwiceGivesDifferentHashes() {
        String again = passwords.hash(PASSWORD);
        assertNotEquals(parts(encoded)[2], parts(again)[2], "salt");
        assertNotEquals(encoded, again);
    }

    @Test
    void verifyAcceptsTheRightPassword() {
        assertTrue(passwords.verify(PASSWORD, encoded));
    }

    @Test
    void verifyRefusesAWrongPassword() {
        assertFalse(passwords.verify("correct horse battery!", encoded));
    }

    @Test
    void verifyRefusesANullPassword() {
        assertFalse(passwords.verify(null, encoded));
    }

    @Test
    void passwordOf11CharactersIsRefusedAsWeak() {
        WeakPasswordException e = assertThrows(WeakPasswordException.class, () -> passwords.hash("elevenchars"));
        assertEquals("password", e.field());
    }

    @Test
    void passwordOf12CharactersIsAccepted() {
        assertTrue(passwords.verify("twelve chars", passwords.hash("twelve chars")));
    }

    @Test
    void passwordLengthCountsCharactersNotUtf16Units() {
        // six emoji (U+1F600) are twelve UTF-16 units but six characters
        String sixEmoji = "\uD83D\uDE00".repeat(6);
        assertEquals(12, sixEmoji.length());
        assertThrows(WeakPasswordException.class, () -> passwords.hash(sixEmoji));
    }

    @Test
    void nullPasswordIsRefusedAsWeak() {
        assertThrows(WeakPasswordException.class, () -> passwords.hash(null));
    }

    @Test
    void verifyWithoutAStoredHashReturnsFalse() {
        assertFalse(passwords.verify("decoy-password-never-matches", null));
    }

    @Test
    void verifyWithoutAStoredHashStillRunsPbkdf2() {
        CountingHash counting = new CountingHash();
        Passwords withCounter = new Passwords(counting, Passwords.ITERATIONS);
        assertFalse(withCounter.verify(PASSWORD, null));
        assertEquals(1, counting.verifications, "a missing user must cost one PBKDF2 verification");
    }

    /** The real hash, counting verifications, to see that the decoy path does the work a real check does. */
    private static final class CountingHash implements Pbkdf2PasswordHash {
        private final Pbkdf2PasswordHash real = new Pbkdf2PasswordHashImpl();
        int verifications;

        @Override
        public void initialize(Map<String, String> parameters) {
            real.initialize(parameters);
        }

        @Override
        public String generate(char[] password) {
            return real.generate(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            verifications++;
            return real.verify(password, hashedPassword);
        }
    }
}
