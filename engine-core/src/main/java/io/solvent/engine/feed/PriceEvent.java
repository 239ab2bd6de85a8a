package io.solvent.engine.feed;

/**
 * A price observation.
 *
 * @param timestampMs milliseconds since the Unix epoch, UTC
 * @param symbol      the feed symbol, such as {@code BTCUSDT}
 * @param price       price per unit, finite and {@code > 0}
 * @param confidence  one-sigma uncertainty of the price, in the price's unit, {@code >= 0}; NaN when the source
 *                    gives none
 * @param source      where it came from
 */
public record PriceEvent(long timestampMs, String symbol, double price, double confidence, String source)
        implements FeedEvent {

    public PriceEvent {
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, was " + price);
        }
        if (!Double.isNaN(confidence) && !(confidence >= 0 && Double.isFinite(confidence))) {
            throw new IllegalArgumentException("confidence must be finite and >= 0, or NaN for none, was "
                    + confidence);
        }
    }

    /**
     * @param timestampMs milliseconds since the Unix epoch, UTC
     * @param symbol      the feed symbol
     * @param price       price per unit
     * @param source      where it came from
     * @return a price without confidence
     */
    public static PriceEvent of(long timestampMs, String symbol, double price, String source) {
        return new PriceEvent(timestampMs, symbol, price, Double.NaN, source);
    }

    /** @return whether the source gave a confidence interval */
    public boolean hasConfidence() {
        return !Double.isNaN(confidence);
    }
}
