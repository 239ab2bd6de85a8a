package io.solvent.engine.bench;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.scenario.PopulationUniverse;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.SimulationEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The recorded 2025-10-10 day as a replay workload: every recorded file of that day in
 * {@code crash_2025-10-10/} merged (Binance COIN-M perps, Binance, Coinbase and Gemini spot 1m bars, the evening's
 * trades, Binance USD-M BTC depth; the file spanning 10-09 and 10-10 is left out so that the span is the day), each
 * feed symbol mapped to the asset of its base (AVAXUSD_PERP, AVAX-USD, AVAXUSD, binance-delivery:AVAXUSD_PERP → AVAX)
 * when the population universe has it; a population trading the markets of those assets. Pass-through oracle,
 * 2 million USD of depth per 1 %, stressed ×0.2 with cascade feedback, default liquidation parameters, ranked ADL.
 */
public final class CrashDay {
    /** The directory of the day under the shared data directory. */
    public static final String DIRECTORY = "crash_2025-10-10";
    /** Where {@link #fork} snapshots: 2025-10-10 20:45 UTC, half an hour before the cascade, ms since the epoch. */
    public static final long FORK_AT_MS = 1_760_129_100_000L;
    /** How long a fork re-simulates: one hour (to 21:45 UTC), ms. */
    public static final long FORK_SPAN_MS = 3_600_000L;
    /** The fork's parameter change: a liquidation buffer of 5 % instead of the default's 2 %, partial closes of half. */
    public static final LiquidationParameters FORK_LIQUIDATION = new LiquidationParameters(0.05, 0.5, 1.0, 0.5);

    private final List<Path> files;
    private final TreeMap<String, String> symbols;

    private CrashDay(List<Path> files, TreeMap<String, String> symbols) {
        this.files = files;
        this.symbols = symbols;
    }

    /**
     * @param dataDir the shared data directory (holding {@value #DIRECTORY})
     * @return whether the day's files are there
     */
    public static boolean present(Path dataDir) {
        return Files.isDirectory(dataDir.resolve(DIRECTORY));
    }

    /**
     * Lists the day's files and reads them once for their symbols.
     *
     * @param dataDir the shared data directory
     * @return the day
     * @throws UncheckedIOException when the directory cannot be listed
     */
    public static CrashDay open(Path dataDir) {
        Path dir = dataDir.resolve(DIRECTORY);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(p -> p.getFileName().toString().contains("2025-10-10"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> bases = new LinkedHashSet<>();
        PopulationUniverse.standard().assets().forEach(a -> bases.add(a.symbol()));
        bases.remove(PopulationUniverse.QUOTE);
        TreeMap<String, String> symbols = new TreeMap<>();
        for (Path f : files) {
            try (RecordedFeedReader r = RecordedFeedReader.open(f)) {
                for (FeedEvent e = r.next(); e != null; e = r.next()) {
                    if (e instanceof PriceEvent p && !symbols.containsKey(p.symbol())) {
                        String base = base(p.symbol());
                        if (bases.contains(base)) {
                            symbols.put(p.symbol(), base);
                        }
                    }
                }
            }
        }
        return new CrashDay(files, symbols);
    }

    /**
     * @param feedSymbol a symbol as recorded (AVAXUSD_PERP, AVAX-USD, binance-delivery:AVAXUSD_PERP, POLUSDT, ...)
     * @return its base asset (AVAX, POL, ...)
     */
    static String base(String feedSymbol) {
        String s = feedSymbol.substring(feedSymbol.indexOf(':') + 1).toUpperCase(Locale.ROOT);
        s = s.endsWith("_PERP") ? s.substring(0, s.length() - 5) : s;
        for (String quote : new String[] {"-USDT", "-USDC", "-USD", "USDT", "USDC", "USD"}) {
            if (s.endsWith(quote) && s.length() > quote.length()) {
                return s.substring(0, s.length() - quote.length());
            }
        }
        return s;
    }

    /** @return the merged files, sorted by name */
    public List<Path> files() {
        return files;
    }

    /** @return feed symbol to asset, for every recorded symbol whose base the universe has */
    public TreeMap<String, String> symbols() {
        return symbols;
    }

    /** @return the markets of the standard universe whose underlying some recorded symbol prices */
    public List<String> markets() {
        Set<String> assets = new LinkedHashSet<>(symbols.values());
        List<String> out = new ArrayList<>();
        for (var m : PopulationUniverse.standard().markets()) {
            if (assets.contains(m.market().underlying())) {
                out.add(m.symbol());
            }
        }
        return out;
    }

    /**
     * @param population a book of the standard universe (its assets, markets and opening prices)
     * @return the replay of this day over that population
     */
    public Scenario scenario(Book population) {
        Set<String> known = new LinkedHashSet<>();
        population.assets().stream().map(Asset::symbol).forEach(known::add);
        TreeMap<String, String> map = new TreeMap<>();
        symbols.forEach((feed, asset) -> {
            if (known.contains(asset)) {
                map.put(feed, asset);
            }
        });
        List<Scenario.Feed> feeds = files.stream().<Scenario.Feed>map(f -> new Scenario.RecordedFeed(f, null)).toList();
        return new Scenario("2025-10-10, all recorded files", population, files, BenchPopulation.SETTLEMENT, feeds,
                map, OracleParameters.passThrough(), Scenario.Depth.uniform(2_000_000),
                new LiquidityParameters(0.2, true, 60_000), LiquidationParameters.DEFAULTS, "adl-ranked", 10_000_000,
                List.of(), 1, io.solvent.engine.margin.DynamicMarginParameters.DISABLED);
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
     * Replays up to {@link #FORK_AT_MS} and snapshots there.
     *
     * @param scenario a scenario of this day
     * @return the snapshot
     */
    public static ReplayRunner.Snapshot snapshotAtForkTime(Scenario scenario) {
        Clockwork sink = new Clockwork();
        try (ReplayRunner.Replay r = ReplayRunner.Replay.start(scenario, sink)) {
            while (sink.lastMs() < FORK_AT_MS && r.step()) {
                // to 20:45
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
    public static Clockwork fork(Scenario scenario, ReplayRunner.Snapshot snapshot) {
        Clockwork sink = new Clockwork();
        long until = snapshot.lastTime() + FORK_SPAN_MS;
        try (ReplayRunner.Replay r = ReplayRunner.Replay.fork(forked(scenario), snapshot, sink)) {
            while (r.step() && (sink.lastMs() == Long.MIN_VALUE || sink.lastMs() < until)) {
                // one hour of the day
            }
        }
        return sink;
    }
}
