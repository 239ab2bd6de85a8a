package io.solvent.engine.margin;

import java.util.Arrays;

/**
 * Volatility-scaled margin (the seed's "dynamic margin requirements" and "volatility-adjusted haircuts"), measured
 * from the prices the engine sees, as SPAN 2 scales its VaR by the volatility regime.
 *
 * <p>Per asset, an exponentially weighted realized variance rate: on each price {@code P} at {@code t} after
 * {@code P'} at {@code t' < t},
 * <pre>
 *   r = ln(P / P'),  Δ = (t − t') in years of 365.25 days,  λ = 2^(−(t − t') / halfLife)
 *   v ← λ·v + (1 − λ)·r² / Δ                  (annualised variance; v starts at referenceVolatility²)
 *   σ = √v,  raw = min(maxMultiplier, max(1, σ / referenceVolatility))
 *   multiplier = 1 + step · ⌊(raw − 1) / step⌋   (quantized down, so requirements change in steps, not every tick)
 * </pre>
 * A price at the same time as the previous one is remembered but adds no variance until time has passed. The
 * multiplier never goes below 1: calm markets never lower the requirement below the book's own parameters.
 *
 * <p>The multiplier scales, for markets on the asset, every maintenance and initial margin fraction (the tiered
 * requirement), and for balances of the asset, the haircut: an asset weight {@code w} becomes
 * {@code max(0, 1 − (1 − w)·m)} and a liability weight {@code w} becomes {@code 1 + (w − 1)·m}. Deterministic
 * (StrictMath), allocation-free, single-threaded.
 */
public final class DynamicMarginCalculator {
    private static final double MS_PER_YEAR = 365.25 * 86_400_000.0;

    private final long halfLifeMs;
    private final double referenceVolatility;
    private final double maxMultiplier;
    private final double step;
    private final double[] variance;
    private final double[] lastPrice;
    private final long[] lastTimeMs;
    private final double[] multiplier;

    /**
     * @param assets              number of assets (dense indexes 0..assets−1)
     * @param halfLifeMs          half-life of the variance's exponential weighting, ms, {@code > 0}
     * @param referenceVolatility the annualised volatility at which the multiplier is 1, {@code > 0}
     * @param maxMultiplier       the largest multiplier, {@code >= 1}
     * @param step                the multiplier's quantization step, {@code > 0}
     */
    public DynamicMarginCalculator(int assets, long halfLifeMs, double referenceVolatility, double maxMultiplier,
                                   double step) {
        if (halfLifeMs <= 0 || !(referenceVolatility > 0) || !(maxMultiplier >= 1) || !(step > 0)
                || !Double.isFinite(referenceVolatility) || !Double.isFinite(maxMultiplier) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("expected halfLifeMs > 0, referenceVolatility > 0, maxMultiplier >= 1,"
                    + " step > 0; were " + halfLifeMs + ", " + referenceVolatility + ", " + maxMultiplier + ", " + step);
        }
        this.halfLifeMs = halfLifeMs;
        this.referenceVolatility = referenceVolatility;
        this.maxMultiplier = maxMultiplier;
        this.step = step;
        this.variance = new double[assets];
        this.lastPrice = new double[assets];
        this.lastTimeMs = new long[assets];
        this.multiplier = new double[assets];
        Arrays.fill(variance, referenceVolatility * referenceVolatility);
        Arrays.fill(lastTimeMs, Long.MIN_VALUE);
        Arrays.fill(multiplier, 1.0);
    }

    private DynamicMarginCalculator(DynamicMarginCalculator o) {
        this.halfLifeMs = o.halfLifeMs;
        this.referenceVolatility = o.referenceVolatility;
        this.maxMultiplier = o.maxMultiplier;
        this.step = o.step;
        this.variance = o.variance.clone();
        this.lastPrice = o.lastPrice.clone();
        this.lastTimeMs = o.lastTimeMs.clone();
        this.multiplier = o.multiplier.clone();
    }

    /** @return an independent copy in the same state (for snapshots and forks) */
    public DynamicMarginCalculator copy() {
        return new DynamicMarginCalculator(this);
    }

    /**
     * Takes one price of an asset.
     *
     * @param asset  dense index
     * @param timeMs ms since the Unix epoch, UTC, not before the asset's previous price
     * @param price  USD per unit, {@code > 0}
     * @return whether the asset's multiplier changed
     */
    public boolean observe(int asset, long timeMs, double price) {
        long last = lastTimeMs[asset];
        if (last == Long.MIN_VALUE) {
            lastTimeMs[asset] = timeMs;
            lastPrice[asset] = price;
            return false;
        }
        long dt = timeMs - last;
        if (dt <= 0) {
            return false; // no time has passed: the move is counted once time has
        }
        double r = StrictMath.log(price / lastPrice[asset]);
        double lambda = StrictMath.pow(2.0, -(double) dt / halfLifeMs);
        variance[asset] = lambda * variance[asset] + (1 - lambda) * r * r / (dt / MS_PER_YEAR);
        lastTimeMs[asset] = timeMs;
        lastPrice[asset] = price;
        double raw = Math.min(maxMultiplier, Math.max(1, StrictMath.sqrt(variance[asset]) / referenceVolatility));
        double m = Math.min(maxMultiplier, 1 + step * Math.floor((raw - 1) / step));
        if (m == multiplier[asset]) {
            return false;
        }
        multiplier[asset] = m;
        return true;
    }

    /**
     * @param asset dense index
     * @return the asset's margin multiplier, {@code >= 1}
     */
    public double multiplier(int asset) {
        return multiplier[asset];
    }

    /**
     * @param asset dense index
     * @return the asset's measured annualised volatility, a fraction (0.8 = 80%)
     */
    public double volatility(int asset) {
        return StrictMath.sqrt(variance[asset]);
    }
}
