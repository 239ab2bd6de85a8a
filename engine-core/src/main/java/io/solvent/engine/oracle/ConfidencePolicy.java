package io.solvent.engine.oracle;

/** What the oracle does with an update whose {@code confidence / price} exceeds the limit (Pyth consumers). */
public enum ConfidencePolicy {
    /** Drop the update, as Drift (TooUncertain: conf/price &gt; 2% × tier multiplier) and Mango (conf filter) do. */
    REJECT,
    /**
     * Accept the update but flag it wide: {@link AssetOracle#conservativePrice(int)} then returns
     * {@code price − confidence} for a long exposure and {@code price + confidence} for a short one.
     */
    WIDEN
}
