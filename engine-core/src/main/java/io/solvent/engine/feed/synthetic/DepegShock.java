package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

import io.solvent.engine.model.ModelValidationException;

/**
 * A stablecoin losing its peg: the multiplier slides linearly from 1 to {@code depegPrice} over {@code declineMs},
 * holds there for {@code holdMs}, then moves linearly to {@code recoveredPrice} over {@code recoveryMs} and stays.
 * Prices are fractions of the peg: laid on a constant path at the peg of 1 USD (a
 * {@link JumpDiffusionParameters#gbm gbm} with zero drift and volatility), the USD price is exactly
 * {@code depegPrice} during the hold and {@code recoveredPrice} after. With s = startMs, D, H, R the durations,
 * p = depegPrice, r = recoveredPrice:
 * <pre>
 *   t &lt; s                   1
 *   s ≤ t &lt; s+D             1 + (p − 1)(t − s) / D
 *   s+D ≤ t &lt; s+D+H         p
 *   s+D+H ≤ t &lt; s+D+H+R     p + (r − p)(t − s − D − H) / R
 *   t ≥ s+D+H+R              r
 * </pre>
 * USDC's March 2023 depeg is roughly p = 0.87 over a few hours, held over a weekend, recovered to 1.
 *
 * @param symbol         the feed symbol
 * @param startMs        start of the slide, ms since the Unix epoch, UTC
 * @param depegPrice     p, the low as a fraction of the peg, {@code > 0}
 * @param declineMs      D, duration of the slide, ms, {@code >= 0} (0: instant)
 * @param holdMs         H, time spent at p, ms, {@code >= 0}
 * @param recoveryMs     R, duration of the recovery, ms, {@code >= 0}
 * @param recoveredPrice r, the level after the recovery as a fraction of the peg, {@code > 0} (1: full recovery;
 *                       p: none)
 */
public record DepegShock(String symbol, long startMs, double depegPrice, long declineMs, long holdMs,
                         long recoveryMs, double recoveredPrice) implements Shock {

    public DepegShock {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.positive("depegPrice", depegPrice);
        FieldChecks.nonNegative("declineMs", declineMs);
        FieldChecks.nonNegative("holdMs", holdMs);
        FieldChecks.nonNegative("recoveryMs", recoveryMs);
        FieldChecks.positive("recoveredPrice", recoveredPrice);
        Shock.fits("recoveryMs", startMs, declineMs, holdMs, recoveryMs);
        if (depegPrice > 1e6 || recoveredPrice > 1e6) {
            throw new ModelValidationException(depegPrice > 1e6 ? "depegPrice" : "recoveredPrice",
                    "expected a fraction of the peg, was more than a million times it");
        }
    }

    @Override
    public double multiplier(long timeMs) {
        if (timeMs < startMs) {
            return 1.0;
        }
        long low = startMs + declineMs;
        if (timeMs < low) {
            return 1.0 + (depegPrice - 1.0) * (timeMs - startMs) / declineMs;
        }
        long rise = low + holdMs;
        if (timeMs < rise) {
            return depegPrice;
        }
        if (timeMs < rise + recoveryMs) {
            return depegPrice + (recoveredPrice - depegPrice) * (timeMs - rise) / recoveryMs;
        }
        return recoveredPrice;
    }
}
