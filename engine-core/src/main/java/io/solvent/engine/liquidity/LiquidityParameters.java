package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;

/**
 * One market's liquidity rules, besides its depth. The formulas are on {@link MarketLiquidity}.
 *
 * @param stressedDepthMultiplier factor on the book's depth while the market is stressed, a fraction,
 *                                {@code 0 < m <= 1} (0.2: a stressed book holds a fifth of its usual depth;
 *                                2025-10-10 saw Binance BTCUSDT bid depth within 5% fall by 90% and more)
 * @param cascadeFeedback         whether fills move the market's price (price impact with recovery)
 * @param impactHalfLifeMs        half-life of the price displacement a fill leaves, ms, {@code > 0}; ignored (but
 *                                still checked) when {@code cascadeFeedback} is off
 */
public record LiquidityParameters(double stressedDepthMultiplier, boolean cascadeFeedback, long impactHalfLifeMs) {

    public LiquidityParameters {
        if (!(stressedDepthMultiplier > 0 && stressedDepthMultiplier <= 1)) {
            throw new ModelValidationException("stressedDepthMultiplier",
                    "expected a fraction with 0 < stressedDepthMultiplier <= 1, was " + stressedDepthMultiplier);
        }
        if (impactHalfLifeMs <= 0) {
            throw new ModelValidationException("impactHalfLifeMs", "expected a half-life > 0 ms, was "
                    + impactHalfLifeMs);
        }
    }

    /** @return stressed depth 0.2 of normal, no cascade feedback (half-life 60 s, unused) */
    public static LiquidityParameters defaults() {
        return new LiquidityParameters(0.2, false, 60_000);
    }

    /** @param halfLifeMs ms @return a copy with cascade feedback on, recovering with that half-life */
    public LiquidityParameters withCascade(long halfLifeMs) {
        return new LiquidityParameters(stressedDepthMultiplier, true, halfLifeMs);
    }

    /** @param multiplier fraction @return a copy with that stressed depth multiplier */
    public LiquidityParameters withStressedDepthMultiplier(double multiplier) {
        return new LiquidityParameters(multiplier, cascadeFeedback, impactHalfLifeMs);
    }
}
