package io.solvent.engine.feed.synthetic;

import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;

import java.util.List;

/**
 * Correlated regime-switching paths for several assets as one feed: at each instant one {@link PriceEvent} per
 * symbol, in the order of {@code symbols} (so the stream stays in non-decreasing time order). The first instant
 * carries the initial prices. Per step, random numbers are drawn in this order: one uniform (the regime
 * transition), then one normal per symbol in index order; they are correlated with the regime's Cholesky factor.
 * Formula on {@link CorrelatedPathParameters}.
 */
public final class CorrelatedPathGenerator implements FeedReader {
    private final CorrelatedPathParameters p;
    private final GaussianSampler sampler;
    private final List<String> symbols;
    private final int n;
    private final double[] initial;
    private final double[][] drift = new double[2][];
    private final double[][] scale = new double[2][];
    private final double[][][] factor = new double[2][][];
    private final double[] z;
    private final double[] logReturn;
    private Regime regime;
    private int instant;
    private int symbol;
    private boolean closed;

    /** @param parameters the processes, their correlation and the time grid */
    public CorrelatedPathGenerator(CorrelatedPathParameters parameters) {
        this.p = parameters;
        this.sampler = new GaussianSampler(parameters.seed());
        this.symbols = parameters.symbols();
        this.n = symbols.size();
        this.initial = parameters.initialPrices();
        double dt = parameters.timeline().stepYears();
        double sqrtDt = StrictMath.sqrt(dt);
        double[] mu = parameters.drifts();
        double[][] vols = {parameters.calmVolatilities(), parameters.stressedVolatilities()};
        for (int r = 0; r < 2; r++) {
            drift[r] = new double[n];
            scale[r] = new double[n];
            for (int i = 0; i < n; i++) {
                drift[r][i] = (mu[i] - 0.5 * vols[r][i] * vols[r][i]) * dt;
                scale[r][i] = vols[r][i] * sqrtDt;
            }
        }
        factor[Regime.CALM.ordinal()] = CholeskyCalculator.lower(parameters.calmCorrelation(), "calmCorrelation");
        factor[Regime.STRESSED.ordinal()] = CholeskyCalculator.lower(parameters.stressedCorrelation(),
                "stressedCorrelation");
        this.z = new double[n];
        this.logReturn = new double[n];
        this.regime = parameters.chain().initial();
    }

    @Override
    public PriceEvent next() {
        if (closed || instant >= p.timeline().count()) {
            return null;
        }
        if (symbol == 0 && instant > 0) {
            step();
        }
        int i = symbol;
        PriceEvent e = new PriceEvent(p.timeline().timeMs(instant), symbols.get(i),
                initial[i] * StrictMath.exp(logReturn[i]), Double.NaN, p.source());
        if (++symbol == n) {
            symbol = 0;
            instant++;
        }
        return e;
    }

    private void step() {
        regime = p.chain().step(regime, sampler.nextUniform());
        int r = regime.ordinal();
        for (int i = 0; i < n; i++) {
            z[i] = sampler.nextGaussian();
        }
        double[][] l = factor[r];
        for (int i = 0; i < n; i++) {
            double x = 0;
            for (int k = 0; k <= i; k++) {
                x += l[i][k] * z[k];
            }
            logReturn[i] += drift[r][i] + scale[r][i] * x;
        }
    }

    /** @return the regime of the instant whose events {@link #next()} is returning (the initial one at first) */
    public Regime regime() {
        return regime;
    }

    @Override
    public void close() {
        closed = true;
    }
}
