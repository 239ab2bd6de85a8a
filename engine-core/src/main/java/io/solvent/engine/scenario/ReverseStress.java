package io.solvent.engine.scenario;

import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.feed.synthetic.Shock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reverse stress: the smallest uniform instant price drop that empties the insurance fund (its balance reaches
 * zero: it could not pay a bankruptcy in full). Every mapped feed symbol falls by the same fraction at the same
 * moment; the drop is found by bisection on {@code [0, maxDrop]} to {@value #TOLERANCE}, assuming that a larger
 * drop never leaves the fund better off (the runs at both ends are checked and reported).
 */
public final class ReverseStress {
    /** The bisection stops when the bracket is this narrow (a fraction of the price). */
    public static final double TOLERANCE = 1e-4;

    private ReverseStress() {
    }

    /**
     * One trial.
     *
     * @param drop          the uniform drop tried, a fraction of the price
     * @param fundMinimumUsd the lowest fund balance the run reached, USD
     * @param emptied       whether that is zero
     */
    public record Trial(double drop, double fundMinimumUsd, boolean emptied) {
    }

    /**
     * @param emptiesAt the smallest drop found that empties the fund, or NaN when even the largest does not
     * @param survives  the largest drop found that does not, or NaN when even no drop empties it
     * @param trials    every run, in order
     */
    public record Outcome(double emptiesAt, double survives, List<Trial> trials) {
    }

    /**
     * @param scenario the scenario
     * @param atMs     when the drop happens, ms since the Unix epoch, UTC
     * @param drop     the fraction every mapped symbol falls by
     * @return the scenario with the drop added to its shocks
     */
    public static Scenario shocked(Scenario scenario, long atMs, double drop) {
        List<Shock> shocks = new ArrayList<>(scenario.shocks());
        for (String symbol : scenario.symbols().keySet().stream().sorted().toList()) {
            shocks.add(new InstantShock(symbol, atMs, drop));
        }
        return scenario.withName(scenario.name() + " with a uniform drop of " + drop).withShocks(shocks);
    }

    /**
     * @param fundMinimumAtDrop runs the scenario with a drop and returns the fund's minimum balance, USD
     * @param maxDrop           the largest drop to try, {@code (0, 1)}
     * @return the smallest emptying drop and the runs that show it
     */
    public static Outcome search(Function<Double, Double> fundMinimumAtDrop, double maxDrop) {
        List<Trial> trials = new ArrayList<>();
        Trial none = trial(fundMinimumAtDrop, 0, trials);
        if (none.emptied()) {
            return new Outcome(0, Double.NaN, trials);
        }
        Trial most = trial(fundMinimumAtDrop, maxDrop, trials);
        if (!most.emptied()) {
            return new Outcome(Double.NaN, maxDrop, trials);
        }
        double lo = 0;
        double hi = maxDrop;
        while (hi - lo > TOLERANCE) {
            double mid = lo + (hi - lo) / 2;
            if (trial(fundMinimumAtDrop, mid, trials).emptied()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new Outcome(hi, lo, trials);
    }

    private static Trial trial(Function<Double, Double> run, double drop, List<Trial> trials) {
        double minimum = run.apply(drop);
        Trial t = new Trial(drop, minimum, minimum <= 0);
        trials.add(t);
        return t;
    }
}
