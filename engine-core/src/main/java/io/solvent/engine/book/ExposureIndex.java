package io.solvent.engine.book;

import java.util.Arrays;

/**
 * For each key (an asset or a market), the sub-accounts exposed to it, ascending, in compressed rows: the
 * sub-accounts of key {@code k} are {@code members[start[k] .. start[k+1])}.
 */
public final class ExposureIndex {
    private final int[] start;
    private final int[] members;

    private ExposureIndex(int[] start, int[] members) {
        this.start = start;
        this.members = members;
    }

    /**
     * Builds the index from (key, sub-account) pairs given in ascending sub-account order; a pair given twice counts
     * once.
     *
     * @param keyCount number of keys
     * @param keys     key of each pair
     * @param subs     sub-account of each pair, non-decreasing
     * @param pairs    number of pairs used from the arrays
     * @return the index
     */
    static ExposureIndex of(int keyCount, int[] keys, int[] subs, int pairs) {
        int[] count = new int[keyCount + 1];
        int[] lastSeen = new int[keyCount];
        Arrays.fill(lastSeen, -1);
        for (int p = 0; p < pairs; p++) {
            if (lastSeen[keys[p]] != subs[p]) {
                lastSeen[keys[p]] = subs[p];
                count[keys[p] + 1]++;
            }
        }
        for (int k = 0; k < keyCount; k++) {
            count[k + 1] += count[k];
        }
        int[] start = count.clone();
        int[] fill = Arrays.copyOf(count, keyCount);
        int[] members = new int[count[keyCount]];
        Arrays.fill(lastSeen, -1);
        for (int p = 0; p < pairs; p++) {
            if (lastSeen[keys[p]] != subs[p]) {
                lastSeen[keys[p]] = subs[p];
                members[fill[keys[p]]++] = subs[p];
            }
        }
        return new ExposureIndex(start, members);
    }

    /**
     * @param key dense index of the asset or market
     * @return how many sub-accounts are exposed to it
     */
    public int count(int key) {
        return start[key + 1] - start[key];
    }

    /**
     * @param key dense index of the asset or market
     * @param i   0 .. {@link #count(int)} − 1
     * @return the i-th exposed sub-account, ascending
     */
    public int member(int key, int i) {
        return members[start[key] + i];
    }

    /** @return the position of key {@code key}'s first pair in the compressed rows (pair ids are positions) */
    int start(int key) {
        return start[key];
    }

    /** @return the number of (key, sub-account) pairs */
    int pairs() {
        return members.length;
    }

    /** @return the number of keys */
    int keys() {
        return start.length - 1;
    }

    /** @return the sub-account of a pair */
    int memberAt(int pair) {
        return members[pair];
    }
}
