package coop.intercoop.hub.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MACs of audit events and anchor lines are HMAC-SHA256 of the documented texts. Expected values computed
 * independently: {@code printf '%s' "$TEXT" | openssl dgst -sha256 -mac HMAC -macopt hexkey:0001…1f}.
 */
class AuditChainTest {

    @TempDir
    Path dir;

    private IntegrityKeys.Keyed key() throws IOException {
        Path file = dir.resolve("integrity.keys");
        Files.writeString(file, "3=" + IntegrityKeysTest.KEY + "\n");
        return new IntegrityKeys(file).current();
    }

    private static AuditChain.Event login() {
        return new AuditChain.Event(Instant.parse("2026-12-06T08:00:00.123456Z"), "admin", null, "login", "user", "7",
                null);
    }

    @Test
    void anEventsMacIsTheHmacOfItsLengthPrefixedFields() throws IOException {
        String text = AuditChain.text(3, null, 0, 1, login());
        assertEquals("11:ICH-AUDIT-1;1:3;0:;1:0;1:1;27:2026-12-06T08:00:00.123456Z;5:admin;0:;5:login;4:user;1:7;0:;",
                text);
        assertEquals("0e3dbb8df94f523c8d980e9ce3a3a1676913920817fe9daf07d23dd8eb7d4db8", key().hex(text));
    }

    @Test
    void changingAnEventsDetailOrItsLinkChangesItsMac() throws IOException {
        IntegrityKeys.Keyed key = key();
        AuditChain.Event e = login();
        String mac = key.hex(AuditChain.text(3, null, 0, 1, e));
        assertNotEquals(mac, key.hex(AuditChain.text(3, null, 0, 1, new AuditChain.Event(e.at(), e.actor(), e.orgId(),
                e.action(), e.objectType(), e.objectId(), "failure 1"))));
        assertNotEquals(mac, key.hex(AuditChain.text(3, "0".repeat(64), 0, 1, e)));
        assertNotEquals(mac, key.hex(AuditChain.text(3, null, 0, 2, e)));
        assertNotEquals(mac, key.hex(AuditChain.text(3, null, 5, 1, e)));
    }

    @Test
    void anAnchorLineEndsWithTheHmacOfWhatPrecedesIt() throws IOException {
        String line = Anchors.line(key(),
                new Anchors.Anchor("ledger", 42, 1234, "b".repeat(64), Instant.parse("2026-12-06T08:00:00Z"), 3));
        assertEquals("ICH-ANCHOR-1 ledger 42 1234 " + "b".repeat(64) + " 2026-12-06T08:00:00Z 3 "
                + "baba43da4772816783a94f0ed8206235e8d4a79efe9b1e511a250f9eebfedc30", line);
    }
}
