package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

import io.solvent.engine.model.ModelValidationException;

/**
 * Parameters of a Merton jump diffusion: geometric Brownian motion plus Poisson-arriving lognormal jumps.
 *
 * <p>Over one step of {@code dt = stepMs / YEAR_MS} years the log price moves by
 * <pre>
 *   (drift − volatility²/2 − jumpIntensity × κ) dt + volatility × √dt × Z + Σ_{i=1..N} J_i
 *   Z ~ N(0, 1),  N ~ Poisson(jumpIntensity × dt),  J_i ~ N(jumpMean, jumpStdDev²),
 *   κ = exp(jumpMean + jumpStdDev²/2) − 1
 * </pre>
 * so that the expected price grows at {@code drift}: E[S(t)] = S(0) e^{drift × t}.
 *
 * @param symbol        feed symbol of the events, such as {@code BTCUSDT}
 * @param initialPrice  price at the first instant, USD per unit, {@code > 0}
 * @param drift         annualised expected return μ, per year (0.05 = 5%/year), finite
 * @param volatility    annualised diffusion volatility σ, per √year (0.8 = 80%), {@code >= 0}
 * @param jumpIntensity expected jumps per year λ, {@code >= 0}; {@code λ × dt <= 50}
 * @param jumpMean      mean of a jump's log size (−0.1 ≈ a 9.5% fall), finite
 * @param jumpStdDev    standard deviation of a jump's log size, {@code >= 0}
 * @param timeline      the time grid
 * @param seed          seed of the random source
 * @param source        the events' source name, such as {@code synthetic}
 */
public record JumpDiffusionParameters(String symbol, double initialPrice, double drift, double volatility,
                                      double jumpIntensity, double jumpMean, double jumpStdDev, Timeline timeline,
                                      long seed, String source) {

    public JumpDiffusionParameters {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.positive("initialPrice", initialPrice);
        FieldChecks.finite("drift", drift);
        FieldChecks.nonNegative("volatility", volatility);
        FieldChecks.nonNegative("jumpIntensity", jumpIntensity);
        FieldChecks.finite("jumpMean", jumpMean);
        FieldChecks.nonNegative("jumpStdDev", jumpStdDev);
        FieldChecks.present("timeline", timeline);
        FieldChecks.nonEmpty("source", source);
        if (jumpIntensity * timeline.stepYears() > 50) {
            throw new ModelValidationException("jumpIntensity", "expected at most 50 expected jumps per step, was "
                    + jumpIntensity * timeline.stepYears() + " (use a shorter stepMs)");
        }
    }

    /**
     * @param symbol       feed symbol
     * @param initialPrice USD per unit
     * @param drift        annualised μ
     * @param volatility   annualised σ
     * @param timeline     the time grid
     * @param seed         seed
     * @return a plain geometric Brownian motion (no jumps), source {@code synthetic}
     */
    public static JumpDiffusionParameters gbm(String symbol, double initialPrice, double drift, double volatility,
                                              Timeline timeline, long seed) {
        return new JumpDiffusionParameters(symbol, initialPrice, drift, volatility, 0, 0, 0, timeline, seed,
                "synthetic");
    }

    /** @return κ = E[e^J] − 1, the mean relative jump, that the drift compensates */
    public double meanRelativeJump() {
        return StrictMath.exp(jumpMean + 0.5 * jumpStdDev * jumpStdDev) - 1.0;
    }
}
