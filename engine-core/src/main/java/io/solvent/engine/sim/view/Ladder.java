package io.solvent.engine.sim.view;

import java.util.List;

/**
 * A market's liquidation ladder: the notional of its positions that becomes liquidatable at each price level of its
 * underlying (every other price held), on an absolute price scale — longs below the price, shorts above.
 *
 * @param market            the market's symbol
 * @param asset             its underlying's symbol
 * @param priceUsd          the underlying's price now, USD per unit
 * @param levelsUsd         the levels' lower edges, USD per unit, ascending; level i is {@code [levels[i],
 *                          levels[i+1])}
 * @param longNotionalUsd   notional of long positions whose liquidation price is in each level, USD
 * @param shortNotionalUsd  notional of short positions whose liquidation price is in each level, USD
 * @param liquidatableUsd   notional of positions of sub-accounts liquidatable already, USD
 * @param beyondUsd         notional of positions whose liquidation price is outside the levels (or that have none), USD
 * @param longOpenUsd       the market's open interest on the long side at the price now, USD
 * @param shortOpenUsd      the market's open interest on the short side at the price now, USD (positive)
 */
public record Ladder(String market, String asset, double priceUsd, List<Double> levelsUsd,
                     List<Double> longNotionalUsd, List<Double> shortNotionalUsd, double liquidatableUsd,
                     double beyondUsd, double longOpenUsd, double shortOpenUsd) {
    public Ladder {
        levelsUsd = List.copyOf(levelsUsd);
        longNotionalUsd = List.copyOf(longNotionalUsd);
        shortNotionalUsd = List.copyOf(shortNotionalUsd);
    }

    /** @return the users' net delta in this market, long minus short open interest, USD (the venue's counterparty —
     *          a liquidity pool, a backstop, the market makers — holds the opposite) */
    public double netDeltaUsd() {
        return longOpenUsd - shortOpenUsd;
    }
}
