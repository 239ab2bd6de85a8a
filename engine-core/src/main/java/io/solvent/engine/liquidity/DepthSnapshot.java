package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;

/**
 * Both sides of a market's book at one moment.
 *
 * @param timestampMs from when this book applies, ms since the Unix epoch, UTC
 * @param bids        the bid side, consumed by {@link TradeSide#SELL}
 * @param asks        the ask side, consumed by {@link TradeSide#BUY}
 */
public record DepthSnapshot(long timestampMs, DepthCurve bids, DepthCurve asks) {

    public DepthSnapshot {
        if (bids == null) {
            throw new ModelValidationException("bids", "expected a depth curve, was missing");
        }
        if (asks == null) {
            throw new ModelValidationException("asks", "expected a depth curve, was missing");
        }
    }

    /**
     * @param timestampMs ms since the Unix epoch, UTC
     * @param both        the curve of either side
     * @return a symmetric book
     */
    public static DepthSnapshot symmetric(long timestampMs, DepthCurve both) {
        return new DepthSnapshot(timestampMs, both, both);
    }

    /** @param side the trade's side @return the side of the book it consumes: bids for a sale, asks for a purchase */
    public DepthCurve consumedBy(TradeSide side) {
        return side == TradeSide.SELL ? bids : asks;
    }
}
