package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;

/**
 * A Merton jump-diffusion path (geometric Brownian motion with Poisson lognormal jumps) as a feed: one
 * {@link PriceEvent} per instant of the {@link Timeline}, the first at the initial price. The formula is on
 * {@link JumpDiffusionParameters}. Per step, random numbers are drawn in this order: one normal Z (diffusion), one
 * uniform (the jump count N), then N normals (the jump sizes).
 *
 * <p>The price is {@code initialPrice × exp(X_k)} where X_k is the accumulated log return, so a path with zero
 * volatility, drift and jumps stays exactly at the initial price.
 */
public final class JumpDiffusionGenerator implements FeedReader {
    private final JumpDiffusionParameters p;
    private final GaussianSampler sampler;
    private final double diffusionDrift;
    private final double diffusionScale;
    private final double jumpRate;
    private double logReturn;
    private int next;
    private long jumps;
    private boolean closed;

    /** @param parameters the process and its time grid */
    public JumpDiffusionGenerator(JumpDiffusionParameters parameters) {
        this.p = parameters;
        this.sampler = new GaussianSampler(parameters.seed());
        double dt = parameters.timeline().stepYears();
        this.diffusionDrift = (p.drift() - 0.5 * p.volatility() * p.volatility()
                - p.jumpIntensity() * p.meanRelativeJump()) * dt;
        this.diffusionScale = p.volatility() * StrictMath.sqrt(dt);
        this.jumpRate = p.jumpIntensity() * dt;
    }

    @Override
    public PriceEvent next() {
        if (closed || next >= p.timeline().count()) {
            return null;
        }
        if (next > 0) {
            double z = sampler.nextGaussian();
            double step = diffusionDrift + diffusionScale * z;
            int n = sampler.nextPoisson(jumpRate);
            for (int i = 0; i < n; i++) {
                step += p.jumpMean() + p.jumpStdDev() * sampler.nextGaussian();
            }
            jumps += n;
            logReturn += step;
        }
        long t = p.timeline().timeMs(next++);
        return new PriceEvent(t, p.symbol(), p.initialPrice() * StrictMath.exp(logReturn), Double.NaN, p.source());
    }

    /** @return the number of jumps drawn so far (a diagnostic: its rate is {@code jumpIntensity} per year) */
    public long jumps() {
        return jumps;
    }

    @Override
    public void close() {
        closed = true;
    }
}
