package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;

/**
 * A regime-switching geometric Brownian motion as a feed: one {@link PriceEvent} per instant, the first at the
 * initial price in the chain's initial regime. Per step, random numbers are drawn in this order: one uniform (the
 * regime transition), then one normal (the return in the new regime). Formula on
 * {@link RegimeSwitchingParameters}.
 */
public final class RegimeSwitchingGenerator implements FeedReader {
    private final RegimeSwitchingParameters p;
    private final GaussianSampler sampler;
    private final double[] drift = new double[2];
    private final double[] scale = new double[2];
    private Regime regime;
    private double logReturn;
    private int next;
    private boolean closed;

    /** @param parameters the process and its time grid */
    public RegimeSwitchingGenerator(RegimeSwitchingParameters parameters) {
        this.p = parameters;
        this.sampler = new GaussianSampler(parameters.seed());
        double dt = parameters.timeline().stepYears();
        double sqrtDt = StrictMath.sqrt(dt);
        drift[Regime.CALM.ordinal()] = (p.calmDrift() - 0.5 * p.calmVolatility() * p.calmVolatility()) * dt;
        scale[Regime.CALM.ordinal()] = p.calmVolatility() * sqrtDt;
        drift[Regime.STRESSED.ordinal()] = (p.stressedDrift() - 0.5 * p.stressedVolatility()
                * p.stressedVolatility()) * dt;
        scale[Regime.STRESSED.ordinal()] = p.stressedVolatility() * sqrtDt;
        this.regime = parameters.chain().initial();
    }

    @Override
    public PriceEvent next() {
        if (closed || next >= p.timeline().count()) {
            return null;
        }
        if (next > 0) {
            regime = p.chain().step(regime, sampler.nextUniform());
            int r = regime.ordinal();
            logReturn += drift[r] + scale[r] * sampler.nextGaussian();
        }
        long t = p.timeline().timeMs(next++);
        return new PriceEvent(t, p.symbol(), p.initialPrice() * StrictMath.exp(logReturn), Double.NaN, p.source());
    }

    /** @return the regime of the step whose event {@link #next()} returned last (the initial one before any) */
    public Regime regime() {
        return regime;
    }

    @Override
    public void close() {
        closed = true;
    }
}
