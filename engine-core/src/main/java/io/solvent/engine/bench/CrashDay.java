package io.solvent.engine.bench;

import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;
import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.loop.Pacer;
import io.solvent.engine.sim.view.AccountQuery;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.SnapshotKeeper;

import java.util.List;

/**
 * The recorded 2025-10-10 day as a replay workload: the shipped scenario {@code assets/scenarios/2025-10-10.json}
 * (docs/fidelity.md: one price per asset from the recordings beside the project, 21:00–24:00 UTC, the recorded BTC
 * book scaled to every market, Hyperliquid's ADL ranking) over a generated population of a chosen size in place of
 * its own 100,000 accounts — the day whose figures docs/fidelity.md compares with Hyperliquid's, not a merge of every
 * file (whose interleaved venues once liquidated 98% of the volume at the first tick).
 */
public final class CrashDay {
    /** The scenario's file name, in {@code assets/scenarios/}. */
    public static final String SCENARIO = "2025-10-10.json";
    /** Where {@link #fork} snapshots: 2025-10-10 21:10 UTC, just before the cascade, ms since the epoch. */
    public static final long FORK_AT_MS = 1_760_130_600_000L;
    /** How long a fork re-simulates: one hour (to 22:10 UTC), ms. */
    public static final long FORK_SPAN_MS = 3_600_000L;
    /** The fork's parameter change: a liquidation buffer of 5 % instead of the default's 2 %, partial closes of half. */
    public static final LiquidationParameters FORK_LIQUIDATION = new LiquidationParameters(0.05, 0.5, 1.0, 0.5);

    private final Scenario day;

    private CrashDay(Scenario day) {
        this.day = day;
    }

    /**
     * @param shipped the 2025-10-10 scenario as read ({@code io.CrashDayReader} reads it, or says why it cannot)
     * @return the day
     */
    public static CrashDay of(Scenario shipped) {
        return new CrashDay(shipped);
    }

    /** @return the scenario as shipped, over its own population */
    public Scenario shipped() {
        return day;
    }

    /** @return the markets of the scenario's book */
    public List<String> markets() {
        return day.book().markets().stream().map(Market::symbol).toList();
    }

    /**
     * @param population a book of the standard universe on {@link #markets()}
     * @return the day over that population
     */
    public Scenario scenario(Book population) {
        return day.withBook(population, null).withName(day.name() + " over " + population.accounts().size()
                + " accounts");
    }

    /**
     * @param scenario a scenario of this day
     * @return the same scenario under {@link #FORK_LIQUIDATION}
     */
    public static Scenario forked(Scenario scenario) {
        return scenario.withName(scenario.name() + " (fork)").withLiquidation(FORK_LIQUIDATION);
    }

    /** A sink that keeps only what the benchmarks need: the simulated time reached and the liquidations. */
    public static final class Clockwork implements ReplaySink {
        private long firstMs = Long.MIN_VALUE;
        private long lastMs = Long.MIN_VALUE;
        private long liquidations;

        @Override
        public void event(SimulationEvent event, String account, String subaccount, String market) {
            if (event.kind() == SimulationEvent.Kind.LIQUIDATION) {
                liquidations++;
            }
        }

        @Override
        public void metrics(MetricsRow row) {
            if (firstMs == Long.MIN_VALUE) {
                firstMs = row.timeMs();
            }
            lastMs = row.timeMs();
        }

        /** @return simulated time of the first metrics row, ms since the epoch; MIN_VALUE before any */
        public long firstMs() {
            return firstMs;
        }

        /** @return simulated time of the latest metrics row (at most a simulated second behind), ms */
        public long lastMs() {
            return lastMs;
        }

        /** @return liquidations seen */
        public long liquidations() {
            return liquidations;
        }
    }

    /**
     * Runs the whole day.
     *
     * @param scenario a scenario of this day
     * @param sink     receives the rows
     * @return the result
     */
    public static ReplayRunner.Result replay(Scenario scenario, Clockwork sink) {
        return ReplayRunner.run(scenario, sink);
    }

    /**
     * Runs the whole day through the engine loop as the console does: a page of the riskiest sub-accounts and the
     * riskiest one in full asked for, played as fast as possible with every view published at 20 Hz (the risk pass
     * within its budget). The caller times it; the loop keeps one snapshot only (at the start), so that what is timed
     * beside the plain replay is the views.
     *
     * @param scenario a scenario of this day
     * @param pacer    the wall clock the loop paces its publications by
     * @return the last view, at the end
     * @throws InterruptedException when interrupted while waiting for the end
     */
    public static EngineView viewedReplay(Scenario scenario, Pacer pacer) throws InterruptedException {
        EngineLoop.Options options = EngineLoop.Options.of(pacer)
                .withSnapshots(new SnapshotKeeper.Cadence(Long.MAX_VALUE / 4, 2));
        try (EngineLoop loop = EngineLoop.start(scenario, options)) {
            EngineView asked = loop.submit(new EngineCommand.QueryAccounts(AccountQuery.riskiest(50))).join();
            if (asked.accounts() != null && !asked.accounts().rows().isEmpty()) {
                var first = asked.accounts().rows().getFirst();
                loop.submit(new EngineCommand.ShowAccount(first.account(), first.subAccount())).join();
            }
            loop.submit(EngineCommand.Play.FASTEST).join();
            while (true) {
                EngineView v = loop.latest();
                if (v.state() == EngineView.State.ENDED || v.state() == EngineView.State.ERROR) {
                    return v;
                }
                Thread.sleep(5);
            }
        }
    }

    /**
     * Replays up to {@link #FORK_AT_MS} and snapshots there.
     *
     * @param scenario a scenario of this day
     * @return the snapshot
     */
    public static Replay.Snapshot snapshotAtForkTime(Scenario scenario) {
        Clockwork sink = new Clockwork();
        try (Replay r = Replay.start(scenario, sink)) {
            while (r.nextTimeMs() <= FORK_AT_MS && r.step()) {
                // to 21:10
            }
            return r.snapshot();
        }
    }

    /**
     * A fork: from the snapshot, the day under {@link #FORK_LIQUIDATION} for {@link #FORK_SPAN_MS}.
     *
     * @param scenario the scenario the snapshot was taken in
     * @param snapshot the snapshot
     * @return the fork's sink (its liquidations)
     */
    public static Clockwork fork(Scenario scenario, Replay.Snapshot snapshot) {
        Clockwork sink = new Clockwork();
        long until = snapshot.lastTime() + FORK_SPAN_MS;
        try (Replay r = Replay.fork(snapshot, forked(scenario).parameters(), sink)) {
            while (r.step() && (sink.lastMs() == Long.MIN_VALUE || sink.lastMs() < until)) {
                // one hour of the day
            }
        }
        return sink;
    }
}
