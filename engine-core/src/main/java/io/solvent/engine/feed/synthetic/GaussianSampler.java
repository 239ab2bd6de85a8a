package io.solvent.engine.feed.synthetic;

import java.util.SplittableRandom;

/**
 * Seeded uniforms, normals and Poisson counts whose values depend only on the seed and the order of the calls —
 * never on the JDK's own Gaussian algorithm, which may change between releases.
 *
 * <ul>
 *   <li>Uniforms: {@link SplittableRandom#nextDouble()}, in [0, 1).</li>
 *   <li>Normals: Box–Muller on two uniforms u1, u2: {@code r = sqrt(−2 ln(1 − u1))}, {@code θ = 2π u2}; the first
 *       call returns {@code r cos θ}, the second {@code r sin θ} (the pair is consumed in that order), all through
 *       {@link StrictMath}. {@code 1 − u1} lies in (0, 1], so the logarithm is finite.</li>
 *   <li>Poisson counts: inversion of the cumulative distribution with one uniform per draw.</li>
 * </ul>
 * Not thread-safe; one sampler per path.
 */
public final class GaussianSampler {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    /** @param seed the seed; the same seed gives the same sequence on any machine */
    public GaussianSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return a uniform number in [0, 1) */
    public double nextUniform() {
        return random.nextDouble();
    }

    /** @return a standard normal number (mean 0, standard deviation 1) */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = 2.0 * StrictMath.PI * u2;
        spare = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }

    /**
     * Draws a Poisson count by inverting its cumulative distribution with one uniform u: the smallest n with
     * {@code P(N <= n) > u}. Exact for the small means of per-step jump arrivals; the caller keeps
     * {@code mean <= 50} (see {@link JumpDiffusionParameters}).
     *
     * @param mean the expected count, {@code >= 0}
     * @return a count {@code >= 0}
     */
    public int nextPoisson(double mean) {
        double u = random.nextDouble();
        if (mean == 0) {
            return 0;
        }
        double p = StrictMath.exp(-mean);
        double cdf = p;
        int n = 0;
        while (u >= cdf && p > 0) {
            n++;
            p *= mean / n;
            cdf += p;
        }
        return n;
    }
}
