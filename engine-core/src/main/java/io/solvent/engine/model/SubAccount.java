package io.solvent.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit of margining: balances and positions that back each other.
 *
 * @param id        unique within its account
 * @param mode      cross (every balance backs every position) or isolated (at most one position)
 * @param balances  asset symbol to amount in units of that asset, negative when borrowed; iteration order is the
 *                  order of the file
 * @param positions perpetual positions, in file order
 */
public record SubAccount(String id, MarginMode mode, Map<String, Double> balances, List<Position> positions) {

    public SubAccount {
        FieldChecks.nonEmpty("id", id);
        if (mode == null) {
            throw new ModelValidationException("mode", "expected 'cross' or 'isolated'");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : balances.entrySet()) {
            FieldChecks.finite("balances." + e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        balances = Collections.unmodifiableMap(copy);
        positions = List.copyOf(positions);
        if (mode == MarginMode.ISOLATED && positions.size() > 1) {
            throw new ModelValidationException("positions",
                    "expected at most one position in an isolated sub-account, found " + positions.size());
        }
    }
}
