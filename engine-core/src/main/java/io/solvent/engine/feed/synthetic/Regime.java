package io.solvent.engine.feed.synthetic;

/** The market state a regime-switching path is in. */
public enum Regime {
    /** ordinary volatility and correlation */
    CALM,
    /** crash: higher volatility, correlations rising towards one */
    STRESSED
}
