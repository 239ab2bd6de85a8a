package io.solvent.engine.sim.view;

import java.util.List;

/**
 * A histogram over sub-accounts: how many fall in each bin, and their notional.
 *
 * @param name        what is counted, such as {@code health factor}
 * @param unit        the unit of the edges, such as {@code ×} or {@code %}
 * @param edges       the bins' lower edges, ascending; bin i is {@code [edges[i], edges[i+1])}, the last unbounded
 * @param counts      sub-accounts per bin
 * @param notionalUsd Σ notional of their positions per bin, USD
 * @param excluded    sub-accounts not counted (no liabilities: nothing to liquidate)
 */
public record Distribution(String name, String unit, List<Double> edges, List<Integer> counts,
                           List<Double> notionalUsd, int excluded) {
    public Distribution {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        notionalUsd = List.copyOf(notionalUsd);
        if (edges.size() != counts.size() || counts.size() != notionalUsd.size()) {
            throw new IllegalArgumentException("expected as many edges as counts and notionals");
        }
    }
}
