package io.solvent.engine.population;

import io.solvent.engine.model.Market;

/**
 * A market of the population's universe with what the generator draws for it.
 *
 * @param market       the market as it is written to the book (tiers, fee, positive-PnL weight)
 * @param price        the underlying's price written to the book, USD per unit
 * @param weight       relative frequency with which a position is opened on this market (any positive scale)
 * @param longShare    probability that a position on this market is long, a fraction
 * @param dailyVol     the underlying's daily volatility, a fraction of the price per √day; entry prices are drawn
 *                     around the price with {@code dailyVol × √holdingDays}
 * @param sizeDecimals decimals of the market's lot size (Hyperliquid's {@code szDecimals}): sizes are multiples
 *                     of {@code 10^-sizeDecimals} units
 */
public record PopulationMarket(Market market, double price, double weight, double longShare, double dailyVol,
                               int sizeDecimals) {

    public PopulationMarket {
        if (!(price > 0) || !(weight > 0) || !(longShare >= 0 && longShare <= 1) || !(dailyVol >= 0)
                || sizeDecimals < 0 || sizeDecimals > 9) {
            throw new IllegalArgumentException("invalid population market " + market.symbol());
        }
    }

    /** @return the market's symbol */
    public String symbol() {
        return market.symbol();
    }
}
