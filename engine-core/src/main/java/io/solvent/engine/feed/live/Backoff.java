package io.solvent.engine.feed.live;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter between reconnection attempts: attempt {@code n} (0 for the first retry) waits
 * {@code c·(1 − jitter) + c·jitter·u} milliseconds, where {@code c = min(maxMs, initialMs·factor^n)} and {@code u}
 * is drawn uniformly from [0, 1) by an injected source, so that tests are deterministic and many clients do not
 * reconnect in step.
 *
 * @param initialMs the ceiling of the first wait, ms, {@code >= 0}
 * @param maxMs     the largest ceiling, ms, {@code >= initialMs}
 * @param factor    growth per attempt, {@code >= 1}
 * @param jitter    the fraction of the ceiling that is random, in [0, 1]
 */
public record Backoff(long initialMs, long maxMs, double factor, double jitter) {

    /** 500 ms doubling to 30 s, half of it random: 250–500 ms, 0.5–1 s, 1–2 s, ... 15–30 s. */
    public static final Backoff DEFAULT = new Backoff(500, 30_000, 2.0, 0.5);

    public Backoff {
        if (initialMs < 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("need 0 <= initialMs <= maxMs, was " + initialMs + ", " + maxMs);
        }
        if (!(factor >= 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be >= 1, was " + factor);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
        }
    }

    /**
     * @param attempt the number of failed attempts since the last successful session, {@code >= 0}
     * @param uniform draws from [0, 1)
     * @return the wait before the next attempt, ms
     */
    public long delayMs(int attempt, DoubleSupplier uniform) {
        double ceiling = initialMs;
        for (int k = 0; k < attempt && ceiling < maxMs; k++) {
            ceiling *= factor;
        }
        ceiling = Math.min(ceiling, maxMs);
        double u = uniform.getAsDouble();
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("the jitter source must draw from [0, 1), drew " + u);
        }
        return Math.round(ceiling * (1 - jitter) + ceiling * jitter * u);
    }
}
