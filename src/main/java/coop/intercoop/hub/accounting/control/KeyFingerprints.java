package coop.intercoop.hub.accounting.control;

import java.nio.charset.StandardCharsets;

/**
 * A set of text keys kept as 64-bit fingerprints in one open-addressing table of longs: about 16 bytes a key, where a
 * set of strings takes about 100. A streaming journal import remembers here the key of every entry it has completed —
 * half a million for a million-line workbook — to notice a key that comes back. Two keys with the same fingerprint
 * (odds of about one in 10^8 for a million keys) only make the import run again in two passes.
 */
final class KeyFingerprints {

    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds the key; answers {@code false} if it (or one with the same fingerprint) was there already. */
    boolean add(String key) {
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, fingerprint(key));
    }

    int size() {
        return size;
    }

    private boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        for (int i = spread(fingerprint) & mask;; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = fingerprint;
                size++;
                return true;
            }
            if (table[i] == fingerprint) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                insert(slots, fingerprint);
            }
        }
    }

    /** FNV-1a over the key's UTF-8 bytes; never 0, which marks an empty slot. */
    static long fingerprint(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }

    /** The slot to start from: the fingerprint's bits mixed (the finaliser of MurmurHash3). */
    private static int spread(long fingerprint) {
        long h = fingerprint;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }
}
