package coop.intercoop.hub.accounting.control;

import java.nio.charset.StandardCharsets;

/**
 * A set of text keys kept as 64-bit fingerprints in one open-addressing table of longs: about 16 bytes a key, where a
 * set of strings takes about 100. A streaming journal import remembers here the key of every entry it has completed —
 * half a million for a million-line workbook — to notice a key that comes back. Two keys with the same fingerprint
 * (odds of about one in 10^8 for a million keys) only make the import run again in two passes.
 */
final class KeyFingerprints {

    /**
     * The table is kept in segments of at most 32,768 slots (256 KiB): a single array of a million slots (8 MiB), and
     * each array it grows through past 512 KiB, would be a humongous object for G1 at the hub's heap sizes, and each
     * such allocation during an import started a concurrent marking cycle of its own.
     */
    private static final int SEGMENT_BITS = 15;
    private static final int SEGMENT_MASK = (1 << SEGMENT_BITS) - 1;

    private long[][] slots = table(1 << 12);
    private int capacity = 1 << 12;
    private int size;

    /** Adds the key; answers {@code false} if it (or one with the same fingerprint) was there already. */
    boolean add(String key) {
        if (size * 2 >= capacity) {
            grow();
        }
        return insert(slots, capacity, fingerprint(key));
    }

    int size() {
        return size;
    }

    private static long[][] table(int capacity) {
        long[][] table = new long[Math.max(1, capacity >>> SEGMENT_BITS)][];
        for (int i = 0; i < table.length; i++) {
            table[i] = new long[Math.min(capacity, 1 << SEGMENT_BITS)];
        }
        return table;
    }

    private boolean insert(long[][] table, int tableCapacity, long fingerprint) {
        int mask = tableCapacity - 1;
        for (int i = spread(fingerprint) & mask;; i = (i + 1) & mask) {
            long[] segment = table[i >>> SEGMENT_BITS];
            int slot = i & SEGMENT_MASK;
            if (segment[slot] == 0) {
                segment[slot] = fingerprint;
                size++;
                return true;
            }
            if (segment[slot] == fingerprint) {
                return false;
            }
        }
    }

    private void grow() {
        long[][] old = slots;
        capacity *= 2;
        slots = table(capacity);
        size = 0;
        for (long[] segment : old) {
            for (long fingerprint : segment) {
                if (fingerprint != 0) {
                    insert(slots, capacity, fingerprint);
                }
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
