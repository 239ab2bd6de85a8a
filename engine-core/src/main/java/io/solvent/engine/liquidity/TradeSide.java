package io.solvent.engine.liquidity;

/**
 * The direction of a closing trade, which decides the side of the book it consumes and the sign of its slippage and
 * price impact.
 */
public enum TradeSide {
    /** Sells into the bids (closes a long, or sells collateral): fills at or below the reference price. */
    SELL(-1),
    /** Buys from the asks (closes a short, or buys back debt): fills at or above the reference price. */
    BUY(+1);

    private final int sign;

    TradeSide(int sign) {
        this.sign = sign;
    }

    /** @return −1 for {@link #SELL}, +1 for {@link #BUY}: the direction the trade pushes the price */
    public int sign() {
        return sign;
    }

    /**
     * @param size a position size, units of the asset (positive long, negative short)
     * @return the side of the trade that closes it: {@link #SELL} for a long, {@link #BUY} for a short
     * @throws IllegalArgumentException for a size of zero or NaN
     */
    public static TradeSide closing(double size) {
        if (size > 0) {
            return SELL;
        }
        if (size < 0) {
            return BUY;
        }
        throw new IllegalArgumentException("a position of size " + size + " has nothing to close");
    }
}
