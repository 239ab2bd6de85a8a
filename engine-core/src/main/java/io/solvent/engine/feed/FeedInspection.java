package io.solvent.engine.feed;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a feed holds, series by series: the check a risk analyst makes before replaying it ({@code solvent feed
 * inspect}). Each map is keyed by feed symbol, in symbol order.
 *
 * @param prices       price series (ticks, bar ticks, trades)
 * @param depth        order-book depth series
 * @param liquidations the venue's own liquidations
 */
public record FeedInspection(SortedMap<String, Series> prices, SortedMap<String, Series> depth,
                             SortedMap<String, Series> liquidations) {

    public FeedInspection {
        prices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        depth = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(depth));
        liquidations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(liquidations));
    }

    /**
     * A price (or liquidation price) and when it was seen.
     *
     * @param price       per unit, in the feed's quote currency (USD)
     * @param timestampMs milliseconds since the Unix epoch, UTC
     */
    public record PricePoint(double price, long timestampMs) {
    }

    /**
     * A hole in a series: no event strictly between the two moments.
     *
     * @param fromMs the last event before the hole, ms since the Unix epoch, UTC
     * @param toMs   the first event after it, ms since the Unix epoch, UTC
     */
    public record Gap(long fromMs, long toMs) {
    }

    /**
     * One series.
     *
     * @param symbol          the feed symbol
     * @param asset           the asset the symbol map gives it, or null when no map was given
     * @param events          how many events (for bars, four per bar)
     * @param firstMs         the first event's time, ms since the Unix epoch, UTC
     * @param lastMs          the last event's time, ms since the Unix epoch, UTC
     * @param min             the lowest price and its first moment; null for depth
     * @param max             the highest price and its first moment; null for depth
     * @param usualSpacingMs  the median of the differences between consecutive distinct timestamps (the lower
     *                        median for an even count), ms; 0 with fewer than two distinct timestamps
     * @param gaps            the holes longer than twice the usual spacing, in time order; null where gaps mean
     *                        nothing (liquidations)
     */
    public record Series(String symbol, String asset, long events, long firstMs, long lastMs, PricePoint min,
                         PricePoint max, long usualSpacingMs, List<Gap> gaps) {
        public Series {
            Objects.requireNonNull(symbol, "symbol");
            gaps = gaps == null ? null : List.copyOf(gaps);
        }
    }
}
