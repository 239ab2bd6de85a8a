package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

/**
 * An instant, permanent move at {@code atMs}: every price of the symbol at or after that time is multiplied by
 * {@code 1 − drop}; earlier prices are untouched. A drop of 0.3 is a −30% gap; a negative drop is a rise
 * (−1.0 doubles the price).
 *
 * @param symbol the feed symbol
 * @param atMs   time of the move, ms since the Unix epoch, UTC; the event at exactly this time is moved
 * @param drop   the fall as a fraction of the price, {@code < 1}
 */
public record InstantShock(String symbol, long atMs, double drop) implements Shock {

    public InstantShock {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.finite("drop", drop);
        if (!(drop < 1)) {
            throw new io.solvent.engine.model.ModelValidationException("drop",
                    "expected a fraction < 1 (a price stays > 0), was " + drop);
        }
    }

    @Override
    public double multiplier(long timeMs) {
        return timeMs < atMs ? 1.0 : 1.0 - drop;
    }
}
