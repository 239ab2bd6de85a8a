package io.solvent.engine.oracle;

/** How the mark price is formed from the published oracle (index) price and the venue prices. */
public enum MarkMethod {
    /** mark = the published oracle price (dYdX v4 and Drift value positions at the oracle). */
    INDEX,
    /**
     * mark = index + EMA(premium), premium = own venue price − index (Binance-style: index plus a moving average of
     * the basis).
     */
    INDEX_PLUS_PREMIUM_EMA,
    /**
     * mark = median(index + EMA(premium), each venue price) (Hyperliquid: median of oracle + 150 s EMA of
     * mid − oracle, the book's price, and external perp mids).
     */
    MEDIAN
}
