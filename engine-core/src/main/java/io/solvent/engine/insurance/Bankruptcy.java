package io.solvent.engine.insurance;

/**
 * A sub-account whose equity ended negative: the bad debt to cover, and the position it concerns.
 *
 * @param subAccount dense index of the bankrupt sub-account
 * @param market     dense index of the market whose position went bankrupt (candidates come from this market)
 * @param fundKey    key of the insurance fund backing that market (also the deficit book that takes what no one
 *                   covers)
 * @param size       signed size of the bankrupt position, units of the underlying (+ long, − short): the quantity
 *                   ranked ADL matches against the opposite side; either the position still open (the venue hands
 *                   it over at the bankruptcy price, as Binance and dYdX do) or, when the simulation already closed it
 *                   against the market, the size it closed. 0 when unknown (ranked ADL then cannot trade and the
 *                   shortfall goes to deficit)
 * @param markPrice  the market's mark (oracle) price at the bankruptcy, USD per unit, {@code > 0}
 * @param deficitUsd the bad debt, USD: minus the sub-account's equity, finite and {@code >= 0}
 */
public record Bankruptcy(int subAccount, int market, int fundKey, double size, double markPrice, double deficitUsd) {

    public Bankruptcy {
        if (subAccount < 0 || market < 0 || fundKey < 0) {
            throw new IllegalArgumentException("indices must be >= 0, were subAccount " + subAccount + ", market "
                    + market + ", fundKey " + fundKey);
        }
        if (!Double.isFinite(size)) {
            throw new IllegalArgumentException("size must be finite, was " + size);
        }
        if (!(markPrice > 0) || !Double.isFinite(markPrice)) {
            throw new IllegalArgumentException("markPrice must be finite and > 0, was " + markPrice);
        }
        if (!(deficitUsd >= 0) || !Double.isFinite(deficitUsd)) {
            throw new IllegalArgumentException("deficitUsd must be finite and >= 0, was " + deficitUsd);
        }
    }
}
