package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {

    @Test
    void aKeyIsNewOnceAndThenKnownThroughManyGrowths() {
        KeyFingerprints keys = new KeyFingerprints();
        for (int i = 0; i < 300_000; i++) {
            assertTrue(keys.add("7\u0000E" + i), "E" + i);
        }
        assertEquals(300_000, keys.size());
        for (int i = 0; i < 300_000; i += 997) {
            assertFalse(keys.add("7\u0000E" + i), "E" + i);
        }
        assertTrue(keys.add("8\u0000E0"), "the same key of another organisation is another entry");
        assertEquals(300_001, keys.size());
    }

    @Test
    void fingerprintsTellApartKeysThatDifferLittle() {
        assertNotEquals(KeyFingerprints.fingerprint("1\u0000A-10"), KeyFingerprints.fingerprint("1\u0000A-01"));
        assertNotEquals(KeyFingerprints.fingerprint("1\u0000Ñ"), KeyFingerprints.fingerprint("1\u0000N"));
        assertNotEquals(0, KeyFingerprints.fingerprint(""));
    }
}
