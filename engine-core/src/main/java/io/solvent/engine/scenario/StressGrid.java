package io.solvent.engine.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combinations of a stress grid: every choice of one value per key, keys in the order given, the last key
 * varying fastest.
 */
public final class StressGrid {
    /**
     * The most cells one grid takes. Each cell is a whole replay and its result is held until the grid is written,
     * so a grid beyond this is refused before anything is built (the same bound as a Monte Carlo run's paths).
     */
    public static final int MAX_CELLS = 100_000;

    private StressGrid() {
    }

    /**
     * @param values each key's values
     * @return the number of combinations, the product of the value counts; {@link Long#MAX_VALUE} when that
     *         product does not fit in a long
     */
    public static long cellCount(Map<String, List<String>> values) {
        long n = 1;
        for (List<String> v : values.values()) {
            if (v.isEmpty()) {
                return 0;
            }
            if (n > Long.MAX_VALUE / v.size()) {
                return Long.MAX_VALUE;
            }
            n *= v.size();
        }
        return n;
    }

    /**
     * @param values each key's values
     * @return {@code null} when the grid has at most {@link #MAX_CELLS} cells, else one line saying how many it has
     *         ("at least" when the count does not fit in a long) and the bound
     */
    public static String tooLarge(Map<String, List<String>> values) {
        long n = cellCount(values);
        if (n <= MAX_CELLS) {
            return null;
        }
        StringBuilder sizes = new StringBuilder();
        for (List<String> v : values.values()) {
            sizes.append(sizes.isEmpty() ? "" : " × ").append(v.size());
        }
        return (n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.format(java.util.Locale.ROOT, "%,d", n))
                + " cells (" + sizes + " values) is more than one grid takes (at most "
                + String.format(java.util.Locale.ROOT, "%,d", MAX_CELLS) + "; each cell is a whole replay)";
    }

    /**
     * @param values each key's values, in order; every list non-empty
     * @return every combination, each a map from key to value in key order; one empty map for no keys
     * @throws IllegalArgumentException when a key has no value, or the grid has more than {@link #MAX_CELLS}
     *         cells (nothing is built then)
     */
    public static List<Map<String, String>> combinations(Map<String, List<String>> values) {
        String large = tooLarge(values);
        if (large != null) {
            throw new IllegalArgumentException(large);
        }
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("no value for " + e.getKey());
            }
            List<Map<String, String>> next = new ArrayList<>(out.size() * e.getValue().size());
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out.stream().map(java.util.Collections::unmodifiableMap).toList();
    }
}
