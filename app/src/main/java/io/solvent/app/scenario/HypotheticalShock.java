package io.solvent.app.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A hypothetical shock an operator adds to a scenario, in the operator's terms (a move in percent, durations), and how
 * the scenario file (format 1) expresses it: {@link ShockBuilder} turns each into the file's shocks or fields.
 * Moves are signed fractions of the price ({@code −0.3} is a fall of 30%); times are ms since the Unix epoch (UTC);
 * durations are ms.
 */
public sealed interface HypotheticalShock {

    /** @return the kind's name as the builder lists it */
    String kind();

    /** @return how the scenario file expresses it, in one sentence */
    String expressedAs();

    /** @return what it does, in words with units */
    String summary();

    /** The kinds, in the order the builder offers them. */
    List<String> KINDS = List.of(InstantMove.KIND, CrashWithRecovery.KIND, CorrelatedMove.KIND, StablecoinDepeg.KIND,
            OracleFreeze.KIND, OracleLag.KIND, LiquidityDrought.KIND);

    /**
     * @param kind one of {@link #KINDS}
     * @return how that kind is expressed in the file
     */
    static String expressedAs(String kind) {
        return switch (kind) {
            case InstantMove.KIND -> InstantMove.EXPRESSED;
            case CrashWithRecovery.KIND -> CrashWithRecovery.EXPRESSED;
            case CorrelatedMove.KIND -> CorrelatedMove.EXPRESSED;
            case StablecoinDepeg.KIND -> StablecoinDepeg.EXPRESSED;
            case OracleFreeze.KIND -> OracleFreeze.EXPRESSED;
            case OracleLag.KIND -> OracleLag.EXPRESSED;
            case LiquidityDrought.KIND -> LiquidityDrought.EXPRESSED;
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /**
     * A gap: from {@code atMs} on, every price of the symbol is multiplied by {@code 1 + move}.
     *
     * @param symbol a feed symbol the scenario prices an asset with
     * @param atMs   when, ms since the Unix epoch, UTC
     * @param move   the move, a fraction in (−1, 1): −0.3 is −30%
     */
    record InstantMove(String symbol, long atMs, double move) implements HypotheticalShock {
        static final String KIND = "Instant move";
        static final String EXPRESSED = "one \"instant\" shock: every later price of the symbol × (1 + move)";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return symbol + " " + pct(move) + " at " + io.solvent.app.viewmodel.Format.time(atMs);
        }
    }

    /**
     * A fall over time, then a recovery of part of it.
     *
     * @param symbol     a feed symbol the scenario prices an asset with
     * @param startMs    start of the fall, ms since the Unix epoch, UTC
     * @param move       the fall at the bottom, a fraction in (−1, 0]: −0.4 is −40%
     * @param crashMs    how long the fall takes, ms, {@code >= 0} (0: instant)
     * @param recovery   the fraction of the fall recovered afterwards, 0..1
     * @param recoveryMs how long the recovery takes, ms, {@code >= 0}
     */
    record CrashWithRecovery(String symbol, long startMs, double move, long crashMs, double recovery, long recoveryMs)
            implements HypotheticalShock {
        static final String KIND = "Crash with recovery";
        static final String EXPRESSED = "one \"crash\" shock: a linear fall over its duration, then a linear"
                + " recovery of a fraction of the loss, after which the level holds";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return symbol + " " + pct(move) + " over " + io.solvent.app.viewmodel.Format.duration(crashMs)
                    + ", " + pct(recovery).replace("+", "") + " back over "
                    + io.solvent.app.viewmodel.Format.duration(recoveryMs);
        }
    }

    /**
     * Several symbols falling together: the lead by {@code move}, each other by {@code correlation × move}, all
     * starting at once and taking as long (a one-factor model).
     *
     * @param lead        the feed symbol that moves by the full move
     * @param others      the other feed symbols, each moving by correlation × move
     * @param startMs     start, ms since the Unix epoch, UTC
     * @param move        the lead's fall, a fraction in (−1, 0]
     * @param overMs      how long the fall takes, ms, {@code >= 0} (0: instant)
     * @param correlation the others' share of the lead's move, 0..1
     */
    record CorrelatedMove(String lead, List<String> others, long startMs, double move, long overMs,
                          double correlation) implements HypotheticalShock {
        static final String KIND = "Correlated moves";
        static final String EXPRESSED = "one shock per symbol at the same time (\"instant\", or \"crash\" over a"
                + " duration): the lead moves by the move, every other by correlation × move";

        public CorrelatedMove {
            Objects.requireNonNull(lead, "lead");
            others = List.copyOf(others);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return lead + " " + pct(move) + ", " + String.join(", ", others) + " " + pct(correlation * move) + " (ρ "
                    + String.format(java.util.Locale.ROOT, "%.2f", correlation) + ") over "
                    + io.solvent.app.viewmodel.Format.duration(overMs);
        }
    }

    /**
     * A stablecoin losing its peg: its price slides to {@code low} (USD per coin), holds, then recovers to
     * {@code recoveredTo}.
     *
     * @param target      the stablecoin's feed symbol, or the settlement asset (such as USDC), which the builder
     *                    then gives a constant 1 USD feed to depeg
     * @param startMs     start of the slide, ms since the Unix epoch, UTC
     * @param low         the low, USD per coin, in (0, 1)
     * @param declineMs   how long the slide takes, ms, {@code >= 0}
     * @param holdMs      time at the low, ms, {@code >= 0}
     * @param recoveryMs  how long the recovery takes, ms, {@code >= 0}
     * @param recoveredTo the level after, USD per coin, in (0, 1] (the low: no recovery)
     */
    record StablecoinDepeg(String target, long startMs, double low, long declineMs, long holdMs, long recoveryMs,
                           double recoveredTo) implements HypotheticalShock {
        static final String KIND = "Stablecoin depeg";
        static final String EXPRESSED = "one \"depeg\" shock on the coin's feed; a settlement asset without a feed"
                + " first gets a constant 1 USD synthetic feed (mapped to it) for the shock to move";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return target + " to $" + String.format(java.util.Locale.ROOT, "%.4f", low) + " over "
                    + io.solvent.app.viewmodel.Format.duration(declineMs) + ", held "
                    + io.solvent.app.viewmodel.Format.duration(holdMs) + ", back to $"
                    + String.format(java.util.Locale.ROOT, "%.4f", recoveredTo);
        }
    }

    /**
     * An oracle that stops updating: the symbol's source is silent from {@code fromMs} to {@code toMs}.
     *
     * @param symbol a feed symbol the scenario prices an asset with
     * @param fromMs first silent instant, ms since the Unix epoch, UTC
     * @param toMs   first instant after the silence, ms since the Unix epoch, UTC, {@code > fromMs}
     */
    record OracleFreeze(String symbol, long fromMs, long toMs) implements HypotheticalShock {
        static final String KIND = "Oracle freeze";
        static final String EXPRESSED = "one \"freeze\" shock: the symbol's source is silent, so the oracle keeps"
                + " its last price (or pauses, by its staleness policy) until the source speaks again";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return symbol + " silent " + io.solvent.app.viewmodel.Format.time(fromMs) + " for "
                    + io.solvent.app.viewmodel.Format.duration(toMs - fromMs);
        }
    }

    /**
     * An oracle that publishes late, for every symbol and the whole scenario.
     *
     * @param latencyMs the delay between a feed price and its publication, ms, {@code >= 0}
     */
    record OracleLag(long latencyMs) implements HypotheticalShock {
        static final String KIND = "Oracle lag";
        static final String EXPRESSED = "the scenario's oracle.latencyMs: every symbol, the whole scenario (the"
                + " format has no per-interval latency)";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return "oracle publishes " + io.solvent.app.viewmodel.Format.duration(latencyMs) + " late";
        }
    }

    /**
     * Thin books: every market's depth scaled down, and the stressed regime thinner still.
     *
     * @param depthFactor             the factor on every market's depth (the scenario-wide
     *                                {@code depthPerPercentUsd}, each market's own, each recorded book's scale), in
     *                                (0, 1]
     * @param stressedDepthMultiplier the depth left in the stressed regime, a fraction in (0, 1]
     */
    record LiquidityDrought(double depthFactor, double stressedDepthMultiplier) implements HypotheticalShock {
        static final String KIND = "Liquidity drought";
        static final String EXPRESSED = "the scenario's liquidity: depthPerPercentUsd (and every market's own depth)"
                + " × factor, and stressedDepthMultiplier; the whole scenario (depth has no time window in the"
                + " format)";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String expressedAs() {
            return EXPRESSED;
        }

        @Override
        public String summary() {
            return "depth × " + String.format(java.util.Locale.ROOT, "%.2f", depthFactor) + ", stressed × "
                    + String.format(java.util.Locale.ROOT, "%.2f", stressedDepthMultiplier);
        }
    }

    private static String pct(double f) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * f).replace('-', '−');
    }
}
