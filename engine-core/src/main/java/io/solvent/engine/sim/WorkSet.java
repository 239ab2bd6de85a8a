package io.solvent.engine.sim;

import java.util.Arrays;

/**
 * A set of sub-account indexes that remembers the order they were added in: a flag per sub-account and a list,
 * cleared in O(members). The engine's work lists — candidates, sub-accounts touched, capped, marked, pending — are
 * each one. Allocation-free once grown; single-threaded.
 */
final class WorkSet {
    private final boolean[] member;
    private int[] list = new int[16];
    private int size;

    /** @param universe the number of sub-accounts */
    WorkSet(int universe) {
        member = new boolean[Math.max(1, universe)];
    }

    /** A copy: the same members in the same order. */
    WorkSet(WorkSet o) {
        member = o.member.clone();
        list = o.list.clone();
        size = o.size;
    }

    /** @return whether it was added (false: already a member) */
    boolean add(int sub) {
        if (member[sub]) {
            return false;
        }
        member[sub] = true;
        if (size == list.length) {
            list = Arrays.copyOf(list, 2 * size);
        }
        list[size++] = sub;
        return true;
    }

    boolean contains(int sub) {
        return member[sub];
    }

    int size() {
        return size;
    }

    /** @param i position in the order added @return the member there */
    int get(int i) {
        return list[i];
    }

    /** Keeps the members that pass, in order (the others leave the set). */
    void retain(java.util.function.IntPredicate keep) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int s = list[i];
            if (keep.test(s)) {
                list[kept++] = s;
            } else {
                member[s] = false;
            }
        }
        size = kept;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            member[list[i]] = false;
        }
        size = 0;
    }
}
