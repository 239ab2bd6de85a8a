package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

/**
 * A frozen oracle: the symbol's source emits nothing from {@code fromMs} (inclusive) to {@code toMs} (exclusive),
 * so that an oracle model downstream sees the last price age and turn stale. Every event of the symbol in the
 * interval is dropped (prices, depth and venue liquidations alike); prices are not changed.
 *
 * @param symbol the feed symbol
 * @param fromMs first silent instant, ms since the Unix epoch, UTC
 * @param toMs   first instant after the silence, ms since the Unix epoch, UTC, {@code >= fromMs}
 */
public record FrozenFeedShock(String symbol, long fromMs, long toMs) implements Shock {

    public FrozenFeedShock {
        FieldChecks.nonEmpty("symbol", symbol);
        if (toMs < fromMs) {
            throw new io.solvent.engine.model.ModelValidationException("toMs",
                    "expected toMs >= fromMs (" + fromMs + "), was " + toMs);
        }
    }

    @Override
    public double multiplier(long timeMs) {
        return 1.0;
    }

    @Override
    public boolean silences(long timeMs) {
        return timeMs >= fromMs && timeMs < toMs;
    }
}
