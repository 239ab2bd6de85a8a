package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.PriceEvent;

/**
 * How a bar (open, high, low, close) becomes price events: four ticks, in the order a price most plausibly took
 * inside the bar — the open, then the extreme nearer the open, then the other extreme, then the close — so that the
 * bar's wick reaches the engine. All four carry the bar's <b>open</b> time: the exact moments inside the bar are
 * unknown, and stamping them at the open keeps every event inside the bar, never in the next one, and makes the
 * timestamps of the lows and highs the bar's own label. When the open is exactly as far from the high as from the
 * low, the low comes first (the pessimistic order for long positions, which dominate crash liquidations).
 */
public final class BarReplay {

    private BarReplay() {
    }

    /**
     * Writes the four ticks of a bar into {@code out[0..3]}.
     *
     * @param openTimeMs the bar's open time, milliseconds since the Unix epoch, UTC
     * @param symbol     the feed symbol
     * @param open       opening price, {@code low <= open <= high}, per unit
     * @param high       highest price, per unit
     * @param low        lowest price, {@code > 0}, per unit
     * @param close      closing price, {@code low <= close <= high}, per unit
     * @param source     where the bar came from
     * @param out        at least four slots
     */
    public static void fourTicks(long openTimeMs, String symbol, double open, double high, double low, double close,
                                 String source, PriceEvent[] out) {
        boolean lowFirst = open - low <= high - open;
        out[0] = PriceEvent.of(openTimeMs, symbol, open, source);
        out[1] = PriceEvent.of(openTimeMs, symbol, lowFirst ? low : high, source);
        out[2] = PriceEvent.of(openTimeMs, symbol, lowFirst ? high : low, source);
        out[3] = PriceEvent.of(openTimeMs, symbol, close, source);
    }
}
