package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.model.Market;
import io.solvent.engine.oracle.AssetOracle;
import io.solvent.engine.oracle.OracleSet;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay in progress, stepped one feed event at a time, that can be snapshotted and restored: restoring a
 * snapshot re-reads the feeds up to its position and continues from its copied state, to exactly the same end.
 * With a {@link SnapshotKeeper.Cadence} ({@link #keepSnapshots}) it also {@link #seek seeks} to any simulated time.
 * The scenario is assembled into an engine here ({@link #start}); its feeds are {@link ScenarioFeeds}'; the
 * snapshots it keeps, a {@link SnapshotKeeper}'s.
 */
public final class Replay implements AutoCloseable {
    private Scenario scenario;
    private final Gate sink;
    private SimulationEngine engine;
    private OracleSet oracles;
    private AssetPriceRouter router;
    private final boolean[] stale;
    private FeedReader feed;
    private FeedEvent peeked;
    private long position;
    private long ticks;
    private long unmapped;
    private long lastTime = Long.MIN_VALUE;
    private long lastEventTime = Long.MIN_VALUE;
    private long nextMetrics = Long.MIN_VALUE;
    private final int[] assetOfOracle;
    private SnapshotKeeper keeper;
    private final List<Long> changedAt = new ArrayList<>(); // positions of the parameter changes, in order

    private Replay(Scenario scenario, Gate sink, SimulationEngine engine, OracleSet oracles,
                   AssetPriceRouter router, boolean[] stale) {
        this.assetOfOracle = new int[oracles.size()];
        for (int i = 0; i < assetOfOracle.length; i++) {
            assetOfOracle[i] = router.assetOf(i);
        }
        this.scenario = scenario;
        this.sink = sink;
        this.engine = engine;
        this.oracles = oracles;
        this.router = router;
        this.stale = stale;
        this.feed = ScenarioFeeds.open(scenario);
    }

    /**
     * @param scenario the scenario
     * @param sink     receives the events and metrics rows
     * @return a replay positioned before the first feed event
     */
    public static Replay start(Scenario scenario, ReplaySink sink) {
        Gate gate = new Gate(sink);
        SimulationEngine engine = EngineAssembly.engine(scenario, book -> listenerFor(book, gate));
        AssetPriceRouter router = new AssetPriceRouter(scenario, engine.book().assets(),
                EngineAssembly.oracleSymbols(scenario));
        OracleSet oracles = new OracleSet(EngineAssembly.oracleParameters(scenario), router);
        router.bind(oracles, engine::onPrice);
        return new Replay(scenario, gate, engine, oracles, router, new boolean[oracles.size()]);
    }

    /**
     * Continues a replay from a snapshot: the feeds are re-read up to the snapshot's position (nothing is
     * evaluated on the way) and the copied state takes over, under the scenario the snapshot was taken in.
     *
     * @param snapshot the snapshot
     * @param sink     receives the events and metrics rows from the snapshot on
     * @return a replay positioned where the snapshot was taken
     */
    public static Replay restore(Snapshot snapshot, ReplaySink sink) {
        Gate gate = new Gate(sink);
        SimulationEngine engine = snapshot.engine.copy(listenerFor(snapshot.engine.book(), gate));
        AssetPriceRouter router = snapshot.router.copy();
        return resume(snapshot.scenario, snapshot, engine, router.bind(snapshot.oracles.copy(router),
                engine::onPrice), gate);
    }

    /**
     * Forks a replay at a snapshot: continues it under other parameters — oracle, liquidity rules, liquidation,
     * deleveraging, dynamic margin, market and asset definitions — while the original replay goes on untouched.
     * What happened (the feeds, the book's accounts, the markets' depth, the shocks) is the snapshot's scenario's,
     * and the state (balances, positions, the insurance fund, market impact, the oracles' prices) carries over;
     * the oracles continue from their copied state under the new rules ({@link OracleSet#fork}: the published
     * price carries over, updates in flight are delivered as scheduled under the old latency). When the market
     * or asset definitions differ, the book is re-evaluated under them at once and those they leave liquidatable
     * are liquidated at the snapshot's time ({@link SimulationEngine#sweep}).
     *
     * @param snapshot   where to fork
     * @param parameters the fork's parameters
     * @param sink       receives the fork's events and metrics rows
     * @return the fork, positioned at the snapshot
     * @throws IllegalArgumentException when the parameters define other markets or assets than the book's, or
     *                                  change the mark's venue sources
     */
    public static Replay fork(Snapshot snapshot, Parameters parameters, ReplaySink sink) {
        Gate gate = new Gate(sink);
        Scenario scenario = snapshot.scenario.withParameters(parameters);
        ParameterChange rules = ParameterChange.between(snapshot.scenario.parameters(), parameters);
        SimulationEngine engine = rules.fork(snapshot.engine, listenerFor(snapshot.engine.book(), gate),
                parameters);
        AssetPriceRouter router = snapshot.router.copy();
        Replay r = resume(scenario, snapshot, engine,
                router.bind(snapshot.oracles.fork(EngineAssembly.oracleParameters(scenario), router), engine::onPrice), gate);
        if (rules.redefined() && snapshot.lastEventTime != Long.MIN_VALUE) {
            r.engine.sweep(snapshot.lastEventTime);
        }
        return r;
    }

    /**
     * Changes the parameters of this replay from now on — the fork rule applied in place: the same parameters a
     * {@link #fork} takes, the state carried over, recorded as a {@code parameter_change} event (at the time of
     * the last feed event, or of the next one before the first) that lists each changed key with its old and new
     * value. Market or asset definitions that changed re-evaluate the book at once and liquidate those left
     * liquidatable. Kept snapshots stay valid: seeking back to before the change restores the parameters of the
     * time.
     *
     * @param parameters the new parameters
     * @return the changes made, {@code key: from → to}; empty when none (nothing is recorded)
     * @throws IllegalArgumentException when the parameters define other markets or assets than the book's, or
     *                                  change the mark's venue sources
     * @throws IllegalStateException    on a live feed before its first event (the change would have no time)
     */
    public List<String> change(Parameters parameters) {
        List<String> changes = scenario.parameters().differences(parameters);
        if (changes.isEmpty()) {
            return changes;
        }
        Scenario next = scenario.withParameters(parameters);
        ParameterChange rules = ParameterChange.between(scenario.parameters(), parameters);
        if (lastEventTime == Long.MIN_VALUE && !ready()) {
            throw new IllegalStateException("no event of the live feed has arrived yet, so the change would have no"
                    + " time; change the parameters once the first one has");
        }
        long t = lastEventTime != Long.MIN_VALUE ? lastEventTime : nextTimeMs();
        OracleSet forkedOracles = oracles.fork(EngineAssembly.oracleParameters(next), router);
        engine = rules.fork(engine, listenerFor(engine.book(), sink), parameters);
        oracles = forkedOracles;
        router.bind(oracles, engine::onPrice);
        scenario = next;
        changedAt.add(position);
        if (keeper != null) {
            keeper.dropAfter(position); // ahead after a seek back: from the run without this change
        }
        sink.event(new SimulationEvent(t, SimulationEvent.Kind.PARAMETER_CHANGE, -1, -1, 0, Double.NaN,
                Double.NaN, 0, String.join("; ", changes)), "", "", "");
        if (rules.redefined() && lastEventTime != Long.MIN_VALUE) {
            engine.sweep(t);
        }
        return changes;
    }

    /** @return the scenario this replay runs now: its own, or the parameters of the last {@link #change} */
    public Scenario scenario() {
        return scenario;
    }

    private static Replay resume(Scenario scenario, Snapshot snapshot, SimulationEngine engine,
                                 AssetPriceRouter router, Gate gate) {
        Replay r = new Replay(scenario, gate, engine, router.oracles(), router, snapshot.stale.clone());
        r.skipTo(snapshot);
        return r;
    }

    /** Re-reads the feeds up to the snapshot's position and takes over its counters (not its state). */
    private void skipTo(Snapshot snapshot) {
        peeked = null;
        for (long i = 0; i < snapshot.position; i++) {
            if (feed.next() == null) {
                throw new IllegalStateException("the feeds end before the snapshot's position "
                        + snapshot.position);
            }
        }
        position = snapshot.position;
        ticks = snapshot.ticks;
        unmapped = snapshot.unmapped;
        lastTime = snapshot.lastTime;
        lastEventTime = snapshot.lastEventTime;
        nextMetrics = snapshot.nextMetrics;
        if (keeper != null) {
            keeper.resync(lastEventTime);
        }
    }

    private static SimulationListener listenerFor(MarginBook book, ReplaySink sink) {
        return e -> sink.event(e, e.subAccount() < 0 ? "" : book.subAccounts().accountId(e.subAccount()),
                e.subAccount() < 0 ? "" : book.subAccounts().subAccountId(e.subAccount()),
                e.market() < 0 ? "" : book.markets().symbol(e.market()));
    }

    private FeedEvent peek() {
        if (peeked == null) {
            peeked = feed.next();
        }
        return peeked;
    }

    /**
     * Whether the next {@link #step()} (or {@link #nextTimeMs()}) returns at once: an event is read ahead, the feeds
     * have one waiting, or they have ended. Always true unless the feeds are {@link #live()}; a live run that is not
     * ready has stepped through every event that has arrived. Never waits (it may read one event ahead).
     *
     * @return whether stepping would not wait
     */
    public boolean ready() {
        return peeked != null || feed.ready();
    }

    /**
     * @return whether the feeds are live (a venue's stream: events arrive as time passes, {@link #ready()} may be
     *         false); false for recorded files and synthetic paths
     */
    public boolean live() {
        return feed.live();
    }

    /**
     * Processes the next feed event. Over a live feed with nothing yet ({@link #ready()} false), waits for one.
     *
     * @return false when the feeds have ended
     */
    public boolean step() {
        FeedEvent e = peek();
        if (e == null) {
            return false;
        }
        peeked = null;
        position++;
        lastEventTime = e.timestampMs();
        if (e instanceof PriceEvent p) {
            price(p);
        } else if (e instanceof io.solvent.engine.feed.SourceStatusEvent) {
            passTime(e.timestampMs());
            sink.observed(e);
        } else if (e instanceof io.solvent.engine.feed.VenueLiquidationEvent) {
            sink.observed(e);
        }
        if (keeper != null && keeper.due(lastEventTime)) {
            keeper.keep(lastEventTime, position, this::snapshot);
        }
        return true;
    }

    private void price(PriceEvent p) {
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
        watchStaleness(lastTime);
        if (lastTime >= nextMetrics) {
            sink.metrics(RunViews.row(engine, lastTime));
            nextMetrics = (Math.floorDiv(lastTime, ReplayRunner.METRICS_PERIOD_MS) + 1)
                    * ReplayRunner.METRICS_PERIOD_MS;
        }
    }

    /**
     * A live source's status change (its time the receiving machine's clock): the oracles deliver what falls due by
     * then and their prices age to then, so that a source that went silent — whose client reports {@code STALE}, then
     * {@code DISCONNECTED}, while no price arrives — turns its oracles stale under their staleness limit (an
     * {@code oracle_stale} event, liquidations paused under the {@code pause} policy) instead of holding its last
     * price as fresh until the next price. Nothing happens before the first price.
     */
    private void passTime(long now) {
        if (lastTime == Long.MIN_VALUE) {
            return;
        }
        oracles.advanceTo(now);
        watchStaleness(now);
    }

    /**
     * Between feed events: reports every oracle that turned stale or fresh again (an {@code oracle_stale} or
     * {@code oracle_fresh} event naming the source, the asset and the age of its price), lets a combined asset
     * hand over to another source, and pauses liquidations on an asset that just turned stale under the
     * {@code pause} policy (a price carries its own pause state into the engine: {@link AssetPriceRouter}).
     */
    private void watchStaleness(long now) {
        for (int i = 0; i < stale.length; i++) {
            AssetOracle o = oracles.oracle(i);
            boolean isStale = o.hasPrice() && !AssetPriceRouter.freshAt(o, now);
            if (isStale != stale[i]) {
                stale[i] = isStale;
                int asset = router.assetOf(i);
                router.refresh(now, asset);
                MarginBook b = engine.book();
                int market = b.markets().size() == 0 ? -1 : primaryMarketOf(b, asset);
                String detail = String.format(java.util.Locale.ROOT, "%s (%s): %s", o.symbol(),
                        b.assets().symbol(asset), isStale
                                ? "no price for " + (now - o.observedAtMs()) / 1000 + " s, stale after "
                                + o.parameters().staleAfterMs() / 1000 + " s"
                                : "fresh again");
                if (router.combined(asset)) {
                    detail += String.format(java.util.Locale.ROOT, "; %s now at %s", b.assets().symbol(asset),
                            router.lastPrice(asset));
                }
                sink.event(new SimulationEvent(now, isStale ? SimulationEvent.Kind.ORACLE_STALE
                        : SimulationEvent.Kind.ORACLE_FRESH, -1, market, 0, o.price(), Double.NaN, 0, detail),
                        "", "", market < 0 ? "" : b.markets().symbol(market));
            }
        }
        for (int a = 0; a < engine.book().assets().size(); a++) {
            engine.setPaused(a, router.paused(a)); // a source turning stale pauses its asset with no price
        }
    }

    private static int primaryMarketOf(MarginBook b, int asset) {
        for (int m = 0; m < b.markets().size(); m++) {
            if (b.markets().underlying(m) == asset) {
                return m;
            }
        }
        return -1;
    }

    /**
     * Keeps snapshots from now on, to seek back to: one of the state now, then one per period of simulated time
     * ({@link SnapshotKeeper.Cadence}). Replaces snapshots kept before.
     *
     * @param c the cadence
     * @return this replay
     */
    public Replay keepSnapshots(SnapshotKeeper.Cadence c) {
        keeper = new SnapshotKeeper(c, snapshot());
        return this;
    }

    /** @return the snapshots kept so far, in feed order (empty without {@link #keepSnapshots}) */
    public List<Snapshot> snapshots() {
        return keeper == null ? List.of() : keeper.all();
    }

    /**
     * Moves the replay to simulated time T: afterwards every feed event stamped at or before T has been processed
     * and the next one is stamped after T — exactly the state of a replay stepped from the start until its next
     * event would pass T. Forward (nothing after T processed yet), it steps, and the sink receives the rows of
     * those steps as usual. Backward, it restores the latest kept snapshot at or before T and steps from there
     * without telling the sink (it was told of those rows when the run first went through them); from T on, rows
     * flow again. Over a live feed, forward stops at the last event that has arrived (later arrivals stamped at or
     * before T are stepped when the run next moves).
     *
     * @param timeMs T, ms since the Unix epoch, UTC
     * @throws IllegalStateException going backward with no kept snapshot at or before T
     */
    public void seek(long timeMs) {
        if (lastEventTime > timeMs) {
            Snapshot from = keeper == null ? null : keeper.latestAtOrBefore(timeMs);
            if (from == null) {
                throw new IllegalStateException("no snapshot at or before " + timeMs + " ms to seek back to"
                        + (keeper == null ? " (keepSnapshots was not called)" : ""));
            }
            restoreFrom(from);
            long restored = from.position();
            if (changedAt.removeIf(c -> c >= restored)) {
                // a parameter change after the restored moment is undone: the snapshots after it are not this run's
                keeper.dropAfter(restored);
            }
            sink.muted = true;
            try {
                stepThrough(timeMs);
            } finally {
                sink.muted = false;
            }
        } else {
            stepThrough(timeMs);
        }
    }

    /**
     * Steps while the next feed event is stamped at or before T. Over a live feed it stops, without waiting, at the
     * last event that has arrived.
     *
     * @param timeMs T, ms since the Unix epoch, UTC
     * @return false when the feeds have ended
     */
    public boolean stepThrough(long timeMs) {
        while (ready()) {
            FeedEvent e = peek();
            if (e == null) {
                return false;
            }
            if (e.timestampMs() > timeMs) {
                return true;
            }
            step();
        }
        return true;
    }

    private void restoreFrom(Snapshot s) {
        scenario = s.scenario;
        engine = s.engine.copy(listenerFor(s.engine.book(), sink));
        router = s.router.copy();
        oracles = s.oracles.copy(router);
        router.bind(oracles, engine::onPrice);
        System.arraycopy(s.stale, 0, stale, 0, stale.length);
        feed.close();
        feed = ScenarioFeeds.open(scenario);
        skipTo(s);
    }

    /**
     * @return the time of the next feed event, ms since the Unix epoch, UTC; {@link Long#MAX_VALUE} when the
     * feeds have ended (reads one event ahead; changes no state). Over a live feed with nothing yet, waits for an
     * event: ask {@link #ready()} first
     */
    public long nextTimeMs() {
        FeedEvent e = peek();
        return e == null ? Long.MAX_VALUE : e.timestampMs();
    }

    /** @return feed events processed so far */
    public long position() {
        return position;
    }

    /** @return price events processed so far */
    public long ticks() {
        return ticks;
    }

    /**
     * @return the time of the last feed event processed, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE}
     * before the first
     */
    public long timeMs() {
        return lastEventTime;
    }

    /** @return the run's figures so far */
    public RunSummary summary() {
        return engine.summary();
    }

    /**
     * @return the state hash of the state now ({@link StateHasher}); unlike {@link #finish()}, delivers nothing
     * and changes nothing
     */
    public String stateHash() {
        return StateHasher.hash(engine.book(), engine.funds(), engine.ledger());
    }

    /** @return the engine this replay steps: for this package's readers ({@link RunViews}) only */
    SimulationEngine engine() {
        return engine;
    }

    AssetPriceRouter router() {
        return router;
    }

    OracleSet oracles() {
        return oracles;
    }

    /** @return a snapshot of the whole state here, independent of the replay's future */
    public Snapshot snapshot() {
        SimulationEngine copy = engine.copy(SimulationListener.NONE);
        return new Snapshot(scenario, position, ticks, unmapped, lastTime, lastEventTime, nextMetrics, copy,
                oracles.copy(null), router.copy(), stale.clone());
    }

    /**
     * Delivers what the oracle still holds in flight, writes the last metrics row and computes the outcome.
     *
     * @return the summary and state hash
     */
    public ReplayRunner.Result finish() {
        if (lastTime != Long.MIN_VALUE) {
            // in-flight updates of a fork may be due under the original's (longer) latency
            long end = Math.max(lastTime + scenario.oracle().latencyMs(), oracles.lastDueMs());
            oracles.advanceTo(end);
            sink.metrics(RunViews.row(engine, end));
        }
        return new ReplayRunner.Result(engine.summary(), ticks, unmapped, scenario.insuranceFundUsd(), stateHash());
    }

    @Override
    public void close() {
        feed.close();
    }

    /** Forwards rows to a sink unless muted (while a seek re-runs steps the sink was already told of). */
    private static final class Gate implements ReplaySink {
        private final ReplaySink to;
        private boolean muted;

        Gate(ReplaySink to) {
            this.to = to;
        }

        @Override
        public void event(SimulationEvent e, String account, String subaccount, String market) {
            if (!muted) {
                to.event(e, account, subaccount, market);
            }
        }

        @Override
        public void metrics(MetricsRow row) {
            if (!muted) {
                to.metrics(row);
            }
        }

        @Override
        public void observed(io.solvent.engine.feed.FeedEvent event) {
            if (!muted) {
                to.observed(event);
            }
        }
    }

    /**
     * A replay's whole state at a feed position: restore it with {@link Replay#restore}, fork it with
     * {@link Replay#fork}. Its engine, oracles and prices sent are copies never stepped, and stay inside this package:
     * a reader sees the counters and the scenario only.
     */
    public static final class Snapshot {
        private final Scenario scenario;
        private final long position;
        private final long ticks;
        private final long unmapped;
        private final long lastTime;
        private final long lastEventTime;
        private final long nextMetrics;
        private final SimulationEngine engine;
        private final OracleSet oracles;
        private final AssetPriceRouter router;
        private final boolean[] stale;

        Snapshot(Scenario scenario, long position, long ticks, long unmapped, long lastTime, long lastEventTime,
                 long nextMetrics, SimulationEngine engine, OracleSet oracles, AssetPriceRouter router,
                 boolean[] stale) {
            this.scenario = scenario;
            this.position = position;
            this.ticks = ticks;
            this.unmapped = unmapped;
            this.lastTime = lastTime;
            this.lastEventTime = lastEventTime;
            this.nextMetrics = nextMetrics;
            this.engine = engine;
            this.oracles = oracles;
            this.router = router;
            this.stale = stale;
        }

        /** @return the scenario the replay ran under at the time (its parameters those then in force) */
        public Scenario scenario() {
            return scenario;
        }

        /** @return feed events processed */
        public long position() {
            return position;
        }

        /** @return price events processed */
        public long ticks() {
            return ticks;
        }

        /** @return unmapped price events */
        public long unmapped() {
            return unmapped;
        }

        /** @return time of the last price event, ms ({@link Long#MIN_VALUE} before any) */
        public long lastTime() {
            return lastTime;
        }

        /** @return time of the last feed event of any kind, ms ({@link Long#MIN_VALUE} before any) */
        public long lastEventTime() {
            return lastEventTime;
        }

        /** @return time of the next metrics row, ms */
        public long nextMetrics() {
            return nextMetrics;
        }

        SimulationEngine engine() {
            return engine;
        }

        OracleSet oracles() {
            return oracles;
        }

        AssetPriceRouter router() {
            return router;
        }

        boolean[] stale() {
            return stale;
        }
    }
}
