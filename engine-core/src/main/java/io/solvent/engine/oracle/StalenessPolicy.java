package io.solvent.engine.oracle;

/**
 * What a stale price means for liquidations. The oracle only exposes the state
 * ({@link AssetOracle#status()}, {@link AssetOracle#liquidationsAllowed()}); the simulation applies it.
 */
public enum StalenessPolicy {
    /**
     * Keep liquidating at the last published price. Drift: its {@code Liquidate} action rejects only NonPositive
     * and TooVolatile oracles, not StaleForMargin ones.
     */
    KEEP_LAST,
    /**
     * No liquidations while the price is stale (an oracle pause or kill switch; Chainlink consumers that revert when
     * {@code block.timestamp − updatedAt} exceeds their limit).
     */
    PAUSE
}
