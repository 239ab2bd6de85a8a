package io.solvent.engine.scenario;

import io.solvent.engine.feed.synthetic.CorrelatedPathParameters;
import io.solvent.engine.feed.synthetic.Regime;
import io.solvent.engine.feed.synthetic.RegimeChain;
import io.solvent.engine.feed.synthetic.Timeline;

import java.util.Arrays;
import java.util.List;

/**
 * Monte Carlo stress: N seeded paths calibrated to a recorded window's volatility and correlation, each replacing
 * the scenario's feeds, and the tail statistics of their losses (VaR and expected shortfall, as Chaos Labs and
 * Gauntlet report them). Path {@code i} uses seed {@code seed + i}: the whole run is reproducible from its seed.
 */
public final class MonteCarlo {
    private MonteCarlo() {
    }

    /**
     * @param base        the scenario (book, models, policies; its feeds are replaced)
     * @param calibration the measured volatility and correlation; its symbols must be mapped by the scenario
     * @param startMs     the paths' first instant, ms since the Unix epoch, UTC
     * @param seed        the seed of path 0
     * @param path        the path's index
     * @return the scenario of path {@code path}: the calibrated paths, driftless, starting at the book's prices
     */
    public static Scenario path(Scenario base, Calibration calibration, long startMs, long seed, int path) {
        List<String> symbols = calibration.symbols();
        double[] initial = new double[symbols.size()];
        for (int i = 0; i < initial.length; i++) {
            String asset = base.symbols().get(symbols.get(i));
            if (asset == null) {
                throw new IllegalArgumentException("the scenario does not map " + symbols.get(i) + " to an asset");
            }
            initial[i] = base.book().prices().of(asset);
        }
        CorrelatedPathParameters p = new CorrelatedPathParameters(symbols, initial, new double[initial.length],
                calibration.volatility(), calibration.volatility(), calibration.correlation(),
                calibration.correlation(), RegimeChain.fixed(Regime.CALM),
                new Timeline(startMs, calibration.stepMs(), calibration.steps()), seed + path, "monte-carlo");
        return base.withName(base.name() + " — path " + path).withFeeds(List.of(new Scenario.CorrelatedFeed(p)))
                .withSeed(seed + path);
    }

    /** The confidence levels reported: 95% and 99%. */
    public static final double[] LEVELS = {0.95, 0.99};

    /**
     * Fewer paths than this at or beyond a level's quantile make its VaR and expected shortfall a statement about a
     * handful of draws: reports flag them ({@link #pathsInTail}).
     */
    public static final int RELIABLE_TAIL_PATHS = 10;

    /**
     * @param paths the number of paths, {@code >= 1}
     * @param level the confidence level
     * @return how many paths lie at or beyond the {@code level} quantile that {@link #valueAtRiskAndShortfall} uses
     *         ({@code N − ⌈level·N⌉ + 1}): the draws the VaR and expected shortfall rest on
     */
    public static int pathsInTail(int paths, double level) {
        return paths - Math.max(0, (int) Math.ceil(level * paths) - 1);
    }

    /**
     * @param level the confidence level
     * @return the fewest paths that put {@link #RELIABLE_TAIL_PATHS} in the tail beyond {@code level}
     */
    public static int pathsFor(double level) {
        int n = 1;
        while (pathsInTail(n, level) < RELIABLE_TAIL_PATHS) {
            n++;
        }
        return n;
    }

    /**
     * Value at risk and expected shortfall of a loss distribution, by the empirical quantile.
     *
     * @param losses one loss per path, USD
     * @param level  the confidence level, such as 0.95 or 0.99
     * @return {VaR, ES}: the loss not exceeded in {@code level} of the paths (the ⌈level·N⌉-th smallest) and the
     *         mean of the losses at or beyond it, USD
     */
    public static double[] valueAtRiskAndShortfall(double[] losses, double level) {
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        int k = Math.max(0, (int) Math.ceil(level * sorted.length) - 1);
        double tail = 0;
        for (int i = k; i < sorted.length; i++) {
            tail += sorted[i];
        }
        return new double[] {sorted[k], tail / (sorted.length - k)};
    }
}
