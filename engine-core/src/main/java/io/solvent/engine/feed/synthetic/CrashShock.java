package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

import io.solvent.engine.model.ModelValidationException;

/**
 * A crash of {@code drop} over {@code crashMs}, then a recovery of the fraction {@code recovery} of the loss over
 * {@code recoveryMs}, after which the level holds. The multiplier m(t), piecewise linear in time, with
 * s = startMs, T = crashMs, U = recoveryMs, X = drop, Y = recovery:
 * <pre>
 *   t &lt; s               1
 *   s ≤ t &lt; s+T         1 − X (t − s) / T
 *   s+T ≤ t &lt; s+T+U     (1 − X) + X Y (t − s − T) / U
 *   t ≥ s+T+U            (1 − X) + X Y
 * </pre>
 * So at exactly s+T the price is the bottom, {@code base × (1 − X)}, and from s+T+U on it is
 * {@code base × (1 − X + X Y)}. With T = 0 the fall is instant at s; with U = 0 the recovery is instant at s+T.
 * Example: drop 0.4, recovery 0.5 on a base of 100 → bottom 60, then 80.
 *
 * @param symbol     the feed symbol
 * @param startMs    start of the fall, ms since the Unix epoch, UTC
 * @param drop       X, the fall at the bottom as a fraction of the price, {@code 0 <= X < 1}
 * @param crashMs    T, duration of the fall, ms, {@code >= 0}
 * @param recovery   Y, the fraction of the fall recovered, {@code 0..1}
 * @param recoveryMs U, duration of the recovery, ms, {@code >= 0}
 */
public record CrashShock(String symbol, long startMs, double drop, long crashMs, double recovery, long recoveryMs)
        implements Shock {

    public CrashShock {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.finite("drop", drop);
        if (drop < 0 || drop >= 1) {
            throw new ModelValidationException("drop", "expected a fraction 0 <= drop < 1, was " + drop);
        }
        FieldChecks.nonNegative("crashMs", crashMs);
        FieldChecks.between("recovery", recovery, 0, 1);
        FieldChecks.nonNegative("recoveryMs", recoveryMs);
        Shock.fits("recoveryMs", startMs, crashMs, recoveryMs);
    }

    /**
     * @param symbol          the feed symbol
     * @param startMs         start of the fall, ms since the Unix epoch, UTC
     * @param drop            the fall, fraction
     * @param crashMinutes    duration of the fall, minutes
     * @param recovery        the fraction of the fall recovered
     * @param recoveryMinutes duration of the recovery, minutes
     * @return the shock with its durations in ms
     */
    public static CrashShock ofMinutes(String symbol, long startMs, double drop, long crashMinutes, double recovery,
                                       long recoveryMinutes) {
        return new CrashShock(symbol, startMs, drop, crashMinutes * 60_000L, recovery, recoveryMinutes * 60_000L);
    }

    @Override
    public double multiplier(long timeMs) {
        if (timeMs < startMs) {
            return 1.0;
        }
        long bottomAt = startMs + crashMs;
        if (timeMs < bottomAt) {
            return 1.0 - drop * (timeMs - startMs) / crashMs;
        }
        double bottom = 1.0 - drop;
        if (timeMs < bottomAt + recoveryMs) {
            return bottom + drop * recovery * (timeMs - bottomAt) / recoveryMs;
        }
        return bottom + drop * recovery;
    }
}
