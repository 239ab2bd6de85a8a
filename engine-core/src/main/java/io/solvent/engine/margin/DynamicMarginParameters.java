package io.solvent.engine.margin;

import io.solvent.engine.model.FieldChecks;
import io.solvent.engine.model.ModelValidationException;

/**
 * Dynamic (volatility-scaled) margin: the margin requirements scaled by a multiplier that grows with the realized
 * volatility of the market's price. These are the parameters a scenario gives; the scaling itself is the engine's.
 *
 * @param enabled             whether the requirements are scaled at all ({@code false}: the static model)
 * @param halfLifeMs          half-life of the exponentially weighted moving average (EWMA) of the realized variance
 *                            of price returns, ms, {@code > 0} (default 3 600 000: one hour)
 * @param referenceVolatility the annualised volatility at which the multiplier is 1, a fraction per √year,
 *                            finite and {@code > 0} (default 0.8: 80%)
 * @param maxMultiplier       the largest multiplier on the requirements, finite and {@code >= 1} (default 3.0)
 * @param step                the quantization step of the multiplier (it moves in whole steps, so requirements do
 *                            not change on every tick), finite and {@code > 0} (default 0.05)
 */
public record DynamicMarginParameters(boolean enabled, long halfLifeMs, double referenceVolatility,
                                      double maxMultiplier, double step) {

    /** Default EWMA half-life: one hour, ms. */
    public static final long DEFAULT_HALF_LIFE_MS = 3_600_000L;
    /** Default reference annualised volatility, a fraction. */
    public static final double DEFAULT_REFERENCE_VOLATILITY = 0.8;
    /** Default largest multiplier. */
    public static final double DEFAULT_MAX_MULTIPLIER = 3.0;
    /** Default quantization step of the multiplier. */
    public static final double DEFAULT_STEP = 0.05;

    /** Dynamic margin off, with the default parameters (what a scenario without a {@code dynamicMargin} block gets). */
    public static final DynamicMarginParameters DISABLED = new DynamicMarginParameters(false, DEFAULT_HALF_LIFE_MS,
            DEFAULT_REFERENCE_VOLATILITY, DEFAULT_MAX_MULTIPLIER, DEFAULT_STEP);

    /**
     * @throws ModelValidationException naming the field when a value is out of range
     */
    public DynamicMarginParameters {
        if (halfLifeMs <= 0) {
            throw new ModelValidationException("halfLifeMs", "expected a half-life > 0 ms, was " + halfLifeMs);
        }
        FieldChecks.positive("referenceVolatility", referenceVolatility);
        FieldChecks.finite("maxMultiplier", maxMultiplier);
        if (maxMultiplier < 1) {
            throw new ModelValidationException("maxMultiplier", "expected a multiplier >= 1, was " + maxMultiplier);
        }
        FieldChecks.positive("step", step);
    }

    /** @param on whether dynamic margin applies @return a copy with that switch */
    public DynamicMarginParameters withEnabled(boolean on) {
        return new DynamicMarginParameters(on, halfLifeMs, referenceVolatility, maxMultiplier, step);
    }
}
