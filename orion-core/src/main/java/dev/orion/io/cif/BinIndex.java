package dev.orion.io.cif;

import java.util.Arrays;

/**
 * Open-addressing map from a grid-bin key to the newest entry of that bin (entries chain to older
 * ones in arrays of their owner). {@link #clear()} is O(1) (slots are stamped with a generation),
 * so one small table serves every site in turn.
 */
final class BinIndex {
    private long[] keys;
    private int[] heads;
    private int[] stamps;
    private int generation = 1;
    private int size;

    /** @param expectedEntries how many bins are expected to be filled; more only makes the table grow */
    BinIndex(int expectedEntries) {
        // A power of two at least twice the entries: push keeps the table at most half full.
        int capacity = Integer.highestOneBit(Math.max(8, expectedEntries) * 2) * 2;
        keys = new long[capacity];
        heads = new int[capacity];
        stamps = new int[capacity];
    }

    int head(long key) {
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; stamps[slot] == generation; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return heads[slot];
            }
        }
        return -1;
    }

    /** Makes {@code entry} the head of its bin and returns the previous head (or -1). */
    int push(long key, int entry) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (stamps[slot] == generation) {
            if (keys[slot] == key) {
                int previous = heads[slot];
                heads[slot] = entry;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        stamps[slot] = generation;
        keys[slot] = key;
        heads[slot] = entry;
        size++;
        return -1;
    }

    void clear() {
        size = 0;
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            generation = 1;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        int[] oldStamps = stamps;
        keys = new long[oldKeys.length * 2];
        heads = new int[keys.length];
        stamps = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldStamps[i] == generation) {
                int slot = hash(oldKeys[i]) & mask;
                while (stamps[slot] == generation) {
                    slot = (slot + 1) & mask;
                }
                stamps[slot] = generation;
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
            }
        }
    }

    private static int hash(long key) {
        // MurmurHash3's 64-bit finaliser: linear probing needs well-mixed low bits.
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
