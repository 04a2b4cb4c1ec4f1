package coop.intercoop.hub.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityKeysTest {

    /** The key 00 01 … 1f that the openssl commands of these tests use. */
    static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsCreatedWithOneRandom256BitKeyReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("keys").resolve("integrity.keys");
        IntegrityKeys keys = new IntegrityKeys(file);
        assertEquals(1, keys.currentId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(1, lines.size());
        assertTrue(Pattern.matches("1=[0-9a-f]{64}", lines.get(0)), lines.get(0));
        String first = lines.get(0);
        IntegrityKeys other = new IntegrityKeys(dir.resolve("other.keys"));
        assertEquals(1, other.currentId());
        assertNotEquals(first.substring(2), Files.readAllLines(other.file()).stream().filter(l -> l.startsWith("1="))
                .findFirst().orElseThrow().substring(2), "each hub draws its own key");
        assertEquals(first, Files.readAllLines(file).stream().filter(l -> l.startsWith("1=")).findFirst().orElseThrow(),
                "a second start reads the key, it does not draw another");
        assertEquals(1, new IntegrityKeys(file).currentId());
    }

    /** Expected value: {@code printf '%s' 'Intercoop' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY}. */
    @Test
    void theKeyOfTheFileComputesHmacSha256() throws IOException {
        Path file = dir.resolve("integrity.keys");
        Files.writeString(file, "# comment\n1=" + KEY + "\n");
        IntegrityKeys keys = new IntegrityKeys(file);
        assertEquals(OPENSSL_INTERCOOP, keys.current().hex("Intercoop"));
        assertEquals(OPENSSL_INTERCOOP, keys.current().hex("Intercoop"), "the same again");
    }

    private static final String OPENSSL_INTERCOOP = "6233f7a78f4a461e8b67e368dbb962c50ed6913fe0bf557f3cb8ad0a0f2e40ed";

    @Test
    void rotationAddsANewCurrentKeyAndKeepsTheOldOnesForVerification() throws IOException {
        Path file = dir.resolve("integrity.keys");
        Files.writeString(file, "1=" + KEY + "\n");
        IntegrityKeys keys = new IntegrityKeys(file);
        String keyedWithOne = keys.current().hex("entry");
        assertEquals(2, keys.rotate());
        assertEquals(2, keys.currentId());
        assertNotEquals(keyedWithOne, keys.current().hex("entry"));
        assertEquals(keyedWithOne, new IntegrityKeys.Keyed(1, keys.mac(1).orElseThrow()).hex("entry"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        IntegrityKeys afterRestart = new IntegrityKeys(file);
        assertEquals(2, afterRestart.currentId());
        assertEquals(keyedWithOne, new IntegrityKeys.Keyed(1, afterRestart.mac(1).orElseThrow()).hex("entry"));
        assertTrue(afterRestart.mac(3).isEmpty());
    }

    @Test
    void aKeyIdThisNodeDoesNotKnowIsReadAgainFromTheFile() throws IOException {
        Path file = dir.resolve("integrity.keys");
        Files.writeString(file, "1=" + KEY + "\n");
        IntegrityKeys node = new IntegrityKeys(file);
        assertEquals(1, node.currentId());
        new IntegrityKeys(file).rotate();
        assertTrue(node.mac(2).isPresent(), "rotated by another node");
    }

    @Test
    void aMalformedKeyFileIsRefusedNamingTheLine() throws IOException {
        Path file = dir.resolve("integrity.keys");
        Files.writeString(file, "1=" + KEY + "\n2=abcd\n", StandardCharsets.UTF_8);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new IntegrityKeys(file).currentId());
        assertTrue(refused.getMessage().startsWith("Line 2 of the integrity key file"), refused.getMessage());
        Files.writeString(file, "1=" + KEY + "\n1=" + KEY + "\n", StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> new IntegrityKeys(file).currentId());
    }
}
