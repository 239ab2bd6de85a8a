package io.solvent.app.stress;

import io.solvent.engine.scenario.MonteCarlo;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.RunSummary;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a stress analysis started from the console gives: a grid's rows, the reverse stress answer, or the Monte Carlo
 * distribution. Each says whether it is complete or what is left of a cancelled run ({@link #cancelled()}): a
 * cancelled grid keeps the cells that finished (each exactly its run), a cancelled Monte Carlo keeps paths
 * {@code 0..k-1}, the longest unbroken prefix that finished (exactly a {@code k}-path run with the same seed), a
 * cancelled reverse search keeps its trials and the bracket found so far.
 */
public sealed interface StressResult {

    /** @return whether the analysis was cancelled before it ended (this is then what was done so far) */
    boolean cancelled();

    /** @return one line that says what this is, complete or partial, with its units */
    String label();

    /**
     * One run's figures, as a row of {@code stress.csv}.
     *
     * @param index                  the cell's index in grid order (the path's, the trial's)
     * @param set                    the values set for it, key to value as written
     * @param ticks                  price events processed
     * @param liquidations           liquidations
     * @param liquidatedNotionalUsd  notional liquidated, USD
     * @param bankruptcies           bankruptcies
     * @param badDebtUsd             bad debt, USD
     * @param fundEndUsd             the insurance fund at the end, USD
     * @param fundMinimumUsd         its lowest balance, USD
     * @param deleveragingFills      deleveraging fills
     * @param deleveragedNotionalUsd notional deleveraged, USD
     * @param deficitUsd             deficit left on the books, USD
     * @param liquidatorFeesUsd      fees paid to liquidators, USD
     * @param maxLedgerImbalance     the largest ledger imbalance seen, relative
     * @param fundStartUsd           the fund's opening balance, USD
     * @param stateHash              the run's state hash
     */
    record RunRow(int index, Map<String, String> set, long ticks, long liquidations, double liquidatedNotionalUsd,
                  long bankruptcies, double badDebtUsd, double fundEndUsd, double fundMinimumUsd,
                  long deleveragingFills, double deleveragedNotionalUsd, double deficitUsd, double liquidatorFeesUsd,
                  double maxLedgerImbalance, double fundStartUsd, String stateHash) {
        public RunRow {
            set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
        }

        /** @param index the index @param set the values @param r the run @return its row */
        static RunRow of(int index, Map<String, String> set, ReplayRunner.Result r) {
            RunSummary s = r.summary();
            return new RunRow(index, set, r.ticks(), s.liquidations(), s.liquidatedNotionalUsd(), s.bankruptcies(),
                    s.badDebtUsd(), s.fundEndUsd(), s.fundMinimumUsd(), s.deleveragingFills(),
                    s.deleveragedNotionalUsd(), s.deficitUsd(), s.liquidatorFeesUsd(), s.maxLedgerImbalance(),
                    r.fundStartUsd(), r.stateHash());
        }

        /** @return the fund's largest fall below its opening balance, USD */
        public double fundLossUsd() {
            return fundStartUsd - fundMinimumUsd;
        }
    }

    /**
     * A stress grid.
     *
     * @param keys     the grid's keys, in order (the last varies fastest)
     * @param rows     the finished cells, in grid order (every cell unless cancelled)
     * @param planned  the grid's size
     * @param forkAtMs when every cell forked from the original run, ms since the Unix epoch, UTC; null when each ran
     *                 under its values from the start
     * @param cancelled whether the grid was cancelled
     */
    record GridResult(List<String> keys, List<RunRow> rows, int planned, Long forkAtMs, boolean cancelled)
            implements StressResult {
        public GridResult {
            keys = List.copyOf(keys);
            rows = List.copyOf(rows);
        }

        @Override
        public String label() {
            String fork = forkAtMs == null ? "each cell from the start"
                    : "forked at " + io.solvent.app.viewmodel.Format.time(forkAtMs);
            return (cancelled ? "Partial grid (cancelled): " + rows.size() + " of " + planned + " runs finished"
                    : rows.size() < planned ? "Grid under way: " + rows.size() + " of " + planned + " runs finished"
                    : "Grid: " + planned + " runs") + ", " + fork;
        }
    }

    /**
     * The reverse stress search: the smallest uniform instant drop of every mapped price that empties the fund.
     *
     * @param shockAtMs when the drop happens, ms since the Unix epoch, UTC
     * @param maxDrop   the largest drop tried, a fraction
     * @param emptiesAt the smallest drop found that empties the fund, a fraction; NaN when even the largest does not
     *                  (or, cancelled, when no trial has yet)
     * @param survives  the largest drop found that does not, a fraction; NaN when even none does not (the scenario
     *                  empties the fund by itself)
     * @param trials    every run, in order
     * @param run       the run at {@code emptiesAt}: the one that shows the fund emptied; null when none did
     * @param cancelled whether the search was cancelled (the bracket is then the one found so far)
     */
    record ReverseResult(long shockAtMs, double maxDrop, double emptiesAt, double survives,
                         List<ReverseStress.Trial> trials, RunRow run, boolean cancelled) implements StressResult {
        public ReverseResult {
            trials = List.copyOf(trials);
        }

        /** @return whether the scenario empties the fund with no added drop at all */
        public boolean emptiedWithoutDrop() {
            return emptiesAt == 0 && Double.isNaN(survives);
        }

        @Override
        public String label() {
            String head = cancelled ? "Partial reverse stress (cancelled after " + trials.size() + " runs): " : "";
            if (emptiedWithoutDrop()) {
                return head + "the scenario empties the fund without any added drop";
            }
            if (Double.isNaN(emptiesAt)) {
                return head + (cancelled ? "no drop tried so far empties the fund"
                        : "the fund survives even a " + io.solvent.app.viewmodel.Format.percent(maxDrop) + " drop ("
                                + trials.size() + " runs)");
            }
            return head + String.format(java.util.Locale.ROOT, "a uniform drop of %.3f%% at %s empties the fund"
                    + " (%.3f%% does not; %d runs)", 100 * emptiesAt, io.solvent.app.viewmodel.Format.time(shockAtMs),
                    100 * survives, trials.size());
        }
    }

    /**
     * VaR and expected shortfall at one confidence level.
     *
     * @param level       the confidence level, such as 0.95
     * @param varUsd      the loss not exceeded in {@code level} of the paths, USD
     * @param esUsd       the mean of the losses at or beyond it, USD
     * @param pathsInTail the paths they rest on
     * @param reliable    whether that is at least {@link MonteCarlo#RELIABLE_TAIL_PATHS}
     */
    record TailLevel(double level, double varUsd, double esUsd, int pathsInTail, boolean reliable) {
    }

    /**
     * A loss distribution's summary.
     *
     * @param lossesUsd one loss per path, in path order, USD
     * @param meanUsd   their mean, USD
     * @param maxUsd    their largest, USD
     * @param levels    VaR and ES at 95% and 99%
     */
    record Tail(double[] lossesUsd, double meanUsd, double maxUsd, List<TailLevel> levels) {
        /** @param losses one loss per path, USD, at least one @return its tail figures, as montecarlo.json's */
        static Tail of(double[] losses) {
            List<TailLevel> levels = Arrays.stream(MonteCarlo.LEVELS).mapToObj(level -> {
                double[] v = MonteCarlo.valueAtRiskAndShortfall(losses, level);
                int tail = MonteCarlo.pathsInTail(losses.length, level);
                return new TailLevel(level, v[0], v[1], tail, tail >= MonteCarlo.RELIABLE_TAIL_PATHS);
            }).toList();
            return new Tail(losses.clone(), Arrays.stream(losses).average().orElse(0),
                    Arrays.stream(losses).max().orElse(0), levels);
        }

        /** @param level 0.95 or 0.99 @return its figures */
        public TailLevel at(double level) {
            return levels.stream().filter(l -> l.level() == level).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no level " + level));
        }
    }

    /**
     * A Monte Carlo run.
     *
     * @param planned   the paths asked for
     * @param seed      the seed of path 0 (path i uses seed + i)
     * @param symbols   the calibrated symbols
     * @param volatility each one's annualised volatility
     * @param paths     the paths kept, in path order (0..k-1)
     * @param badDebt   the bad debt per path, USD, and its tail
     * @param fundLoss  the fund loss per path (opening − lowest balance), USD, and its tail
     * @param cancelled whether the run was cancelled (the paths are then 0..k-1, those that finished without a gap)
     */
    record MonteCarloResult(int planned, long seed, List<String> symbols, double[] volatility, List<RunRow> paths,
                            Tail badDebt, Tail fundLoss, boolean cancelled) implements StressResult {
        public MonteCarloResult {
            symbols = List.copyOf(symbols);
            paths = List.copyOf(paths);
        }

        /** @return whether a level's VaR and ES rest on fewer than {@link MonteCarlo#RELIABLE_TAIL_PATHS} paths */
        public boolean thinTail() {
            return badDebt.levels().stream().anyMatch(l -> !l.reliable());
        }

        @Override
        public String label() {
            return (cancelled ? "Partial Monte Carlo (cancelled): paths 0–" + (paths.size() - 1) + ", " + paths.size()
                    + " of " + planned : paths.size() < planned ? "Monte Carlo under way: paths 0–" + (paths.size() - 1)
                    + ", " + paths.size() + " of " + planned : "Monte Carlo: " + paths.size() + " paths")
                    + ", seed " + seed
                    + (thinTail() ? " · thin tail: the 99% figures rest on " + badDebt.at(0.99).pathsInTail()
                    + " path(s); " + io.solvent.app.viewmodel.Format.count(MonteCarlo.pathsFor(0.99))
                    + " paths put " + MonteCarlo.RELIABLE_TAIL_PATHS + " in the tail" : "");
        }
    }
}
