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
    private StressGrid() {
    }

    /**
     * @param values each key's values, in order; every list non-empty
     * @return every combination, each a map from key to value in key order; one empty map for no keys
     * @throws IllegalArgumentException when a key has no value
     */
    public static List<Map<String, String>> combinations(Map<String, List<String>> values) {
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
