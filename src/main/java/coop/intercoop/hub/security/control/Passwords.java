package coop.intercoop.hub.security.control;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Password hashes with the platform's PBKDF2 ({@link Pbkdf2PasswordHash}): HMAC-SHA-256, 600,000 iterations, 32-byte
 * salt and key, as OWASP's Password Storage Cheat Sheet recommends for PBKDF2-HMAC-SHA256. The encoded hash names
 * algorithm and iterations, so raising the figures later still verifies the old hashes.
 */
@ApplicationScoped
public class Passwords {

    public static final int ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    public static final Map<String, String> PARAMETERS = Map.of( //
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256", //
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS), //
            "Pbkdf2PasswordHash.SaltSizeBytes", "32", //
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    private Pbkdf2PasswordHash hash;
    /** Verified against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private String decoy;

    protected Passwords() {
    }

    @Inject
    public Passwords(Pbkdf2PasswordHash hash) {
        this.hash = hash;
        hash.initialize(PARAMETERS);
    }

    /**
     * @throws WeakPasswordException
     *             when the password is shorter than {@value #MIN_LENGTH} characters
     */
    public String hash(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPasswordException(MIN_LENGTH);
        }
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String encoded) {
        if (password == null) {
            return false;
        }
        if (encoded == null) {
            hash.verify(password.toCharArray(), decoy());
            return false;
        }
        return hash.verify(password.toCharArray(), encoded);
    }

    private synchronized String decoy() {
        if (decoy == null) {
            decoy = hash.generate("decoy-password-never-matches".toCharArray());
        }
        return decoy;
    }
}
