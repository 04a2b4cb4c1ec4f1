package coop.intercoop.hub.security.control;

import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes with the platform's PBKDF2 ({@link Pbkdf2PasswordHash}): HMAC-SHA-256, 600,000 iterations, 32-byte
 * salt and key, as OWASP's Password Storage Cheat Sheet recommends for PBKDF2-HMAC-SHA256. The encoded hash names
 * algorithm and iterations, so raising the figures later still verifies the old hashes.
 * <p>
 * {@code hub.passwords.iterations} lowers the iterations of new hashes for a test deployment, where hundreds of users
 * are created and signed in and the hashing would be most of the run's time; a hub that starts below
 * {@value #ITERATIONS} says so in its log. Every hash, old or new, is verified with the iterations it names.
 */
@ApplicationScoped
public class Passwords {

    public static final int ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    /** The fewest iterations a test deployment may set: the Jakarta Security specification's floor for PBKDF2. */
    public static final int MIN_ITERATIONS = 1_024;
    private static final Logger LOG = Logger.getLogger(Passwords.class.getName());

    private Pbkdf2PasswordHash hash;
    /** Verified against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private String decoy;

    protected Passwords() {
    }

    @Inject
    public Passwords(Pbkdf2PasswordHash hash,
            @ConfigProperty(name = "hub.passwords.iterations", defaultValue = "" + ITERATIONS) int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException(
                    "hub.passwords.iterations is " + iterations + ", fewer than " + MIN_ITERATIONS + " iterations");
        }
        if (iterations < ITERATIONS) {
            LOG.warning(() -> "hub.passwords.iterations is " + iterations + ": new password hashes are weaker than the "
                    + ITERATIONS + " iterations OWASP recommends; set it only for a test deployment");
        }
        this.hash = hash;
        hash.initialize(parameters(iterations));
    }

    /** The platform's PBKDF2 parameters for hashes of {@code iterations}. */
    private static Map<String, String> parameters(int iterations) {
        return Map.of( //
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256", //
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations), //
                "Pbkdf2PasswordHash.SaltSizeBytes", "32", //
                "Pbkdf2PasswordHash.KeySizeBytes", "32");
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
