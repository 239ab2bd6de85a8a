package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;

/**
 * One market's liquidity rules, besides its depth. The formulas are on {@link MarketLiquidity}.
 *
 * @param stressedDepthMultiplier factor on the book's depth while the market is stressed, a fraction,
 *                                {@code 0 < m <= 1} (0.2: a stressed book holds a fifth of its usual depth;
 *                                2025-10-10 saw Binance BTCUSDT bid depth within 5% fall by 90% and more); 1 turns
 *                                the stressed regime off
 * @param cascadeFeedback         whether the book that fills consume moves the price the accounts see (cascade
 *                                feedback); off, fills still consume the book, but accounts see the oracle price
 * @param impactHalfLifeMs        half-life of the book's recovery after fills consume it, ms, {@code > 0}: the
 *                                consumed notional decays by half every half-life
 * @param stressedMove            the stressed regime's trigger: a market is stressed while its oracle price lies at
 *                                least this far (a fraction, {@code > 0}: 0.05 is 5%) from its moving reference
 *                                price, above or below
 * @param stressedHalfLifeMs      half-life of that moving reference (an exponentially weighted average of the
 *                                oracle price), ms, {@code > 0}: the longer, the slower the reference follows a fall
 */
public record LiquidityParameters(double stressedDepthMultiplier, boolean cascadeFeedback, long impactHalfLifeMs,
                                  double stressedMove, long stressedHalfLifeMs) {

    /** Default {@link #stressedMove()}: 5%. */
    public static final double DEFAULT_STRESSED_MOVE = 0.05;
    /** Default {@link #stressedHalfLifeMs()}: ten minutes. */
    public static final long DEFAULT_STRESSED_HALF_LIFE_MS = 600_000;

    public LiquidityParameters {
        if (!(stressedDepthMultiplier > 0 && stressedDepthMultiplier <= 1)) {
            throw new ModelValidationException("stressedDepthMultiplier",
                    "expected a fraction with 0 < stressedDepthMultiplier <= 1, was " + stressedDepthMultiplier);
        }
        if (impactHalfLifeMs <= 0) {
            throw new ModelValidationException("impactHalfLifeMs", "expected a half-life > 0 ms, was "
                    + impactHalfLifeMs);
        }
        if (!(stressedMove > 0) || !Double.isFinite(stressedMove)) {
            throw new ModelValidationException("stressedMove", "expected a finite fraction > 0, was " + stressedMove);
        }
        if (stressedHalfLifeMs <= 0) {
            throw new ModelValidationException("stressedHalfLifeMs", "expected a half-life > 0 ms, was "
                    + stressedHalfLifeMs);
        }
    }

    /**
     * The rules with the default stressed trigger ({@value #DEFAULT_STRESSED_MOVE} from a reference of half-life
     * {@value #DEFAULT_STRESSED_HALF_LIFE_MS} ms).
     *
     * @param stressedDepthMultiplier see the record
     * @param cascadeFeedback         see the record
     * @param impactHalfLifeMs        see the record
     */
    public LiquidityParameters(double stressedDepthMultiplier, boolean cascadeFeedback, long impactHalfLifeMs) {
        this(stressedDepthMultiplier, cascadeFeedback, impactHalfLifeMs, DEFAULT_STRESSED_MOVE,
                DEFAULT_STRESSED_HALF_LIFE_MS);
    }

    /** @return stressed depth 0.2 of normal, no cascade feedback, book recovery half-life 60 s, default trigger */
    public static LiquidityParameters defaults() {
        return new LiquidityParameters(0.2, false, 60_000);
    }

    /** @param halfLifeMs ms @return a copy with cascade feedback on, the book recovering with that half-life */
    public LiquidityParameters withCascade(long halfLifeMs) {
        return new LiquidityParameters(stressedDepthMultiplier, true, halfLifeMs, stressedMove, stressedHalfLifeMs);
    }

    /** @param multiplier fraction @return a copy with that stressed depth multiplier */
    public LiquidityParameters withStressedDepthMultiplier(double multiplier) {
        return new LiquidityParameters(multiplier, cascadeFeedback, impactHalfLifeMs, stressedMove,
                stressedHalfLifeMs);
    }

    /**
     * @param move       the trigger distance, a fraction
     * @param halfLifeMs the reference's half-life, ms
     * @return a copy with that stressed trigger
     */
    public LiquidityParameters withStressTrigger(double move, long halfLifeMs) {
        return new LiquidityParameters(stressedDepthMultiplier, cascadeFeedback, impactHalfLifeMs, move, halfLifeMs);
    }
}
