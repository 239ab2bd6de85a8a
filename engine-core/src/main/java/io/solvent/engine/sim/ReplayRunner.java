package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.recorded.RecordedFeedOptions;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFormat;
import io.solvent.engine.feed.synthetic.CorrelatedPathGenerator;
import io.solvent.engine.feed.synthetic.JumpDiffusionGenerator;
import io.solvent.engine.feed.synthetic.ShockedFeedReader;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.FundSpec;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.model.Market;
import io.solvent.engine.oracle.OracleListener;
import io.solvent.engine.oracle.StalenessPolicy;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.OracleSet;
import io.solvent.engine.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario headless to the end: the feeds merged in time order (shocks applied), each mapped price through
 * the oracle model, each publication an engine step. Rows go to a {@link ReplaySink} as they happen; the result holds
 * the summary and the state hash. Deterministic: the same scenario gives the same rows and hash.
 */
public final class ReplayRunner {
    /** A metrics row is written at most once per simulated second. */
    public static final long METRICS_PERIOD_MS = 1_000;
    /** Sub-accounts below this maintenance health factor count as at risk in the metrics. */
    public static final double AT_RISK_HEALTH_FACTOR = 1.1;

    private ReplayRunner() {
    }

    /**
     * The outcome of a replay.
     *
     * @param summary     the run's figures
     * @param ticks       price events read from the feeds
     * @param unmapped    price events whose symbol the scenario does not map to an asset
     * @param fundStartUsd the insurance fund's opening balance, USD
     * @param stateHash   the state hash ({@link StateHasher})
     */
    public record Result(RunSummary summary, long ticks, long unmapped, double fundStartUsd, String stateHash) {
    }

    /**
     * @param scenario the scenario
     * @param sink     receives the events and metrics rows
     * @return the summary and state hash
     * @throws io.solvent.engine.io.InputException when a feed file is bad
     */
    public static Result run(Scenario scenario, ReplaySink sink) {
        try (Replay replay = Replay.start(scenario, sink)) {
            while (replay.step()) {
                // one feed event at a time
            }
            return replay.finish();
        }
    }

    /**
     * A replay in progress, stepped one feed event at a time, that can be snapshotted and restored: restoring a
     * snapshot re-reads the feeds up to its position and continues from its copied state, to exactly the same end.
     */
    public static final class Replay implements AutoCloseable {
        private final Scenario scenario;
        private final ReplaySink sink;
        private final SimulationEngine engine;
        private final OracleSet oracles;
        private final FeedReader feed;
        private long position;
        private long ticks;
        private long unmapped;
        private long lastTime = Long.MIN_VALUE;
        private long nextMetrics = Long.MIN_VALUE;
        private final boolean pausable;
        private final int[] assetOfOracle;

        private Replay(Scenario scenario, ReplaySink sink, SimulationEngine engine, OracleSet oracles) {
            this.pausable = scenario.oracle().stalenessPolicy() == StalenessPolicy.PAUSE;
            this.assetOfOracle = new int[oracles.size()];
            for (int i = 0; i < assetOfOracle.length; i++) {
                assetOfOracle[i] = engine.book().assets().indexOf(scenario.symbols().get(oracles.oracle(i).symbol()));
            }
            this.scenario = scenario;
            this.sink = sink;
            this.engine = engine;
            this.oracles = oracles;
            this.feed = open(scenario);
        }

        /**
         * @param scenario the scenario
         * @param sink     receives the events and metrics rows
         * @return a replay positioned before the first feed event
         */
        public static Replay start(Scenario scenario, ReplaySink sink) {
            MarginBook book = MarginBook.of(scenario.book(), scenario.settlementAsset());
            int markets = book.markets().size();
            MarketLiquidity[] liquidity = new MarketLiquidity[markets];
            double[] fees = new double[markets];
            for (int m = 0; m < markets; m++) {
                Market def = scenario.book().markets().get(m);
                liquidity[m] = new MarketLiquidity(def.symbol(), scenario.liquidity(),
                        scenario.depth().historyOf(def.symbol()));
                fees[m] = def.liquidationFee();
            }
            InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", scenario.insuranceFundUsd()),
                    Math.max(1, markets));
            Ledger ledger = new Ledger(new LedgerShape(book.subAccounts().size(), funds.size(), 1,
                    Math.max(1, markets), funds.size()), LedgerListener.NONE);
            SimulationEngine engine = new SimulationEngine(book, fees, liquidity, scenario.liquidation(), funds,
                    new BankruptcyWaterfall(DeleveragingPolicy.parse(scenario.deleveraging())), ledger,
                    listenerFor(book, sink));
            Map<String, OracleParameters> oracleParams = new LinkedHashMap<>();
            scenario.symbols().keySet().forEach(s -> oracleParams.put(s, scenario.oracle()));
            OracleSet oracles = new OracleSet(oracleParams, publisher(scenario, engine));
            return new Replay(scenario, sink, engine, oracles);
        }

        /**
         * Continues a replay from a snapshot: the feeds are re-read up to the snapshot's position (nothing is
         * evaluated on the way) and the copied state takes over.
         *
         * @param scenario the scenario the snapshot was taken in
         * @param snapshot the snapshot
         * @param sink     receives the events and metrics rows from the snapshot on
         * @return a replay positioned where the snapshot was taken
         */
        public static Replay restore(Scenario scenario, Snapshot snapshot, ReplaySink sink) {
            return resume(scenario, snapshot, snapshot.engine.copy(listenerFor(snapshot.engine.book(), sink)), sink);
        }

        /**
         * Forks a replay at a snapshot: continues it under another version of the scenario — its liquidation and
         * liquidity parameters and its deleveraging policy — while the original replay goes on untouched. The feeds,
         * book and oracle stay those of the snapshot's scenario.
         *
         * @param scenario the scenario with the fork's parameters
         * @param snapshot where to fork
         * @param sink     receives the fork's events and metrics rows
         * @return the fork, positioned at the snapshot
         */
        public static Replay fork(Scenario scenario, Snapshot snapshot, ReplaySink sink) {
            SimulationEngine engine = snapshot.engine.fork(listenerFor(snapshot.engine.book(), sink),
                    scenario.liquidation(), scenario.liquidity(),
                    new BankruptcyWaterfall(DeleveragingPolicy.parse(scenario.deleveraging())));
            return resume(scenario, snapshot, engine, sink);
        }

        private static Replay resume(Scenario scenario, Snapshot snapshot, SimulationEngine engine, ReplaySink sink) {
            OracleSet oracles = snapshot.oracles.copy(publisher(scenario, engine));
            Replay r = new Replay(scenario, sink, engine, oracles);
            for (long i = 0; i < snapshot.position; i++) {
                if (r.feed.next() == null) {
                    throw new IllegalStateException("the feeds end before the snapshot's position " + snapshot.position);
                }
            }
            r.position = snapshot.position;
            r.ticks = snapshot.ticks;
            r.unmapped = snapshot.unmapped;
            r.lastTime = snapshot.lastTime;
            r.nextMetrics = snapshot.nextMetrics;
            return r;
        }

        private static SimulationListener listenerFor(MarginBook book, ReplaySink sink) {
            return e -> sink.event(e, e.subAccount() < 0 ? "" : book.subAccounts().accountId(e.subAccount()),
                    e.subAccount() < 0 ? "" : book.subAccounts().subAccountId(e.subAccount()),
                    e.market() < 0 ? "" : book.markets().symbol(e.market()));
        }

        private static OracleListener publisher(Scenario scenario, SimulationEngine engine) {
            return o -> engine.onPrice(o.publishedAtMs(),
                    engine.book().assets().indexOf(scenario.symbols().get(o.symbol())), o.price());
        }

        /**
         * Processes the next feed event.
         *
         * @return false when the feeds have ended
         */
        public boolean step() {
            FeedEvent e = feed.next();
            if (e == null) {
                return false;
            }
            position++;
            if (!(e instanceof PriceEvent p)) {
                return true;
            }
            ticks++;
            if (lastTime == Long.MIN_VALUE) {
                engine.sweep(p.timestampMs());
            }
            lastTime = p.timestampMs();
            // Every oracle first delivers what falls due before this event (heartbeats, latency), so that engine
            // steps — and ledger entries — stay in time order across symbols.
            oracles.advanceTo(lastTime);
            if (!oracles.observe(p)) {
                unmapped++;
            }
            if (pausable) {
                for (int i = 0; i < assetOfOracle.length; i++) {
                    engine.setPaused(assetOfOracle[i], !oracles.oracle(i).liquidationsAllowed());
                }
            }
            if (lastTime >= nextMetrics) {
                sink.metrics(metrics(lastTime, engine));
                nextMetrics = (Math.floorDiv(lastTime, METRICS_PERIOD_MS) + 1) * METRICS_PERIOD_MS;
            }
            return true;
        }

        /** @return feed events processed so far */
        public long position() {
            return position;
        }

        /** @return a snapshot of the whole state here, independent of the replay's future */
        public Snapshot snapshot() {
            SimulationEngine copy = engine.copy(SimulationListener.NONE);
            return new Snapshot(position, ticks, unmapped, lastTime, nextMetrics, copy, oracles.copy(null));
        }

        /**
         * Delivers what the oracle still holds in flight, writes the last metrics row and computes the outcome.
         *
         * @return the summary and state hash
         */
        public Result finish() {
            if (lastTime != Long.MIN_VALUE) {
                long end = lastTime + scenario.oracle().latencyMs();
                oracles.advanceTo(end);
                sink.metrics(metrics(end, engine));
            }
            return new Result(engine.summary(), ticks, unmapped, scenario.insuranceFundUsd(),
                    StateHasher.hash(engine.book(), engine.funds(), engine.ledger()));
        }

        @Override
        public void close() {
            feed.close();
        }
    }

    /**
     * A replay's whole state at a feed position: restore it with {@link Replay#restore}.
     *
     * @param position    feed events processed
     * @param ticks       price events processed
     * @param unmapped    unmapped price events
     * @param lastTime    time of the last price event, ms
     * @param nextMetrics time of the next metrics row, ms
     * @param engine      a copy of the engine, never stepped
     * @param oracles     a copy of the oracles, never stepped
     */
    public record Snapshot(long position, long ticks, long unmapped, long lastTime, long nextMetrics,
                           SimulationEngine engine, OracleSet oracles) {
    }

    /**
     * @param scenario a scenario
     * @return the time of its first price event, ms since the Unix epoch, UTC
     * @throws IllegalArgumentException when its feeds hold no price
     */
    public static long firstTickMs(Scenario scenario) {
        try (FeedReader feed = open(scenario)) {
            for (FeedEvent e = feed.next(); e != null; e = feed.next()) {
                if (e instanceof PriceEvent p) {
                    return p.timestampMs();
                }
            }
        }
        throw new IllegalArgumentException("the scenario's feeds hold no price");
    }

    private static FeedReader open(Scenario scenario) {
        List<FeedReader> readers = new ArrayList<>();
        try {
            for (Scenario.Feed f : scenario.feeds()) {
                readers.add(switch (f) {
                    case Scenario.RecordedFeed r -> RecordedFeedReader.open(r.path(), r.format() == null
                            ? RecordedFeedOptions.DETECT
                            : RecordedFeedOptions.DETECT.withFormat(RecordedFormat.ofOptionName(r.format())));
                    case Scenario.SyntheticFeed s -> new JumpDiffusionGenerator(s.parameters());
                    case Scenario.CorrelatedFeed c -> new CorrelatedPathGenerator(c.parameters());
                });
            }
        } catch (RuntimeException e) {
            readers.forEach(FeedReader::close);
            throw e;
        }
        FeedReader merged = new MergedFeedReader(readers);
        return scenario.shocks().isEmpty() ? merged : new ShockedFeedReader(merged, scenario.shocks());
    }

    private static ReplaySink.MetricsRow metrics(long timeMs, SimulationEngine engine) {
        MarginBook b = engine.book();
        double[] prices = new double[b.assets().size()];
        for (int a = 0; a < prices.length; a++) {
            prices[a] = b.assets().price(a);
        }
        int atRisk = 0;
        int liquidatable = 0;
        double oi = 0;
        for (int s = 0; s < b.subAccounts().size(); s++) {
            double hf = b.maintenanceHealthFactor(s);
            if (hf < AT_RISK_HEALTH_FACTOR) {
                atRisk++;
            }
            if (b.liquidatable(s)) {
                liquidatable++;
            }
            oi += b.notional(s);
        }
        RunSummary s = engine.summary();
        return new ReplaySink.MetricsRow(timeMs, prices, engine.funds().totalBalance(), atRisk, liquidatable, oi,
                s.liquidatedNotionalUsd(), s.badDebtUsd());
    }
}
