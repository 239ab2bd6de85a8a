package io.solvent.engine.sim.view;

import java.util.List;

/**
 * Every open position of one market at one moment, for a reader that needs the whole side (a deleveraging queue).
 *
 * @param market  dense index of the market
 * @param symbol  its symbol
 * @param markUsd its underlying's price as the book values it now, USD per unit
 * @param holders one per sub-account holding a non-zero position (its first in the market, as deleveraging takes
 *                it), by ascending dense index
 */
public record MarketHolders(int market, String symbol, double markUsd, List<MarketHolder> holders) {

    public MarketHolders {
        holders = List.copyOf(holders);
    }
}
