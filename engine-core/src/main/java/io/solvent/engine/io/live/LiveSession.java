package io.solvent.engine.io.live;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.NonDecreasingFeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.live.ClientContext;
import io.solvent.engine.feed.live.LiveEventQueue;
import io.solvent.engine.feed.live.LiveFeedClient;
import io.solvent.engine.feed.live.LiveStream;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.io.journal.BinanceFuturesParser;
import io.solvent.engine.io.journal.JournalReader;
import io.solvent.engine.io.journal.JournalWriter;
import io.solvent.engine.io.journal.JsonMessageDecoder;
import io.solvent.engine.io.journal.PythHermesParser;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.population.PopulationParameters;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.scenario.ScenarioInputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The engine on live prices: one live client (Binance USD-M mark prices and {@code forceOrder} liquidations over
 * WebSocket, or Pyth Hermes prices over server-sent events), every message it receives appended to a new journal as it
 * arrives, and a {@link Scenario} whose feed is the session's {@link LiveStream}, for an
 * {@link io.solvent.engine.sim.loop.EngineLoop} to run:
 *
 * <pre>{@code
 * Scenario base = LiveSession.bookScenario("desk book", BookReader.read(bookFile), null);
 * try (LiveSession session = LiveSession.open(LiveSpec.of("binance-futures", List.of("BTCUSDT", "ETHUSDT"),
 *         base, journalFile));
 *      EngineLoop loop = EngineLoop.start(session.scenario(), EngineLoop.Options.of(Pacer.of(System::nanoTime)))) {
 *     loop.submit(EngineCommand.Play.FASTEST);  // steps every event as it arrives
 *     ...                                        // read loop.latest(); pause, seek, fork as for a recorded run
 * }                                              // the session ends the stream: the run ends (state ENDED)
 * Scenario again = LiveSession.replayScenario(spec);  // the journal: the same events, the same stateHash
 * }</pre>
 *
 * <p>The scenario is the spec's base scenario — its book, settlement asset, depth, insurance fund and rules — with the
 * live source as its only feed, each subscribed feed symbol mapped to a book asset (by default the symbol without its
 * quote currency: {@code BTCUSDT} → {@code BTC}; {@code BTC/USD} → {@code BTC}), every event replayed (no window),
 * no shocks. Binance's index prices ({@code BTCUSDT@index}) arrive too and are left unmapped. With
 * {@link LiveSpec#rebase()}, {@link #open} first waits for a price of every mapped symbol and restates the book at
 * those prices with every USD figure unchanged (balances and position sizes divided by the price ratio, entry prices
 * multiplied by it), so that a book made at other prices (a generated population) meets today's market as it stood.
 *
 * <p>The journal holds the messages in the order the stream holds their events, so {@link #replayScenario} — the same
 * scenario over the journal, read through the same decoders and the same time order
 * ({@link NonDecreasingFeedReader}) — replays the session to the same events, the same figures and the same
 * {@code stateHash} at every position, for as long as the hand-over queue dropped nothing ({@link LiveStream#dropped()};
 * the session pulls it every {@value #PULL_PERIOD_MS} ms so that it does not fill).
 *
 * <p>{@link #close()} stops the client (which emits a last {@code DISCONNECTED} status), ends the stream — a run on it
 * then ends, its figures final — and closes the journal.
 */
public final class LiveSession implements AutoCloseable {
    /** How often the session moves the client's events from the hand-over queue to the stream, ms. */
    public static final long PULL_PERIOD_MS = 50;
    /** The quote currencies a Binance symbol's default asset drops, longest first. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "USD");
    private static final Pattern HEX_ID = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern BINANCE_SYMBOL = Pattern.compile("[A-Z0-9_]+");

    private final LiveSpec spec;
    private final Map<String, String> mapping;
    private final LiveFeedClient client;
    private final JournalWriter journal;
    private final LiveStream stream;
    private final ScheduledExecutorService puller;
    private final Object closeLock = new Object();
    private Scenario scenario;
    private boolean closed;

    private LiveSession(LiveSpec spec, Map<String, String> mapping, LiveFeedClient client, JournalWriter journal,
                        LiveStream stream) {
        this.spec = spec;
        this.mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        this.client = client;
        this.journal = journal;
        this.stream = stream;
        this.puller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("solvent-live-" + client.source()).unstarted(r));
    }

    /**
     * What a spec subscribes to, checked.
     *
     * @param source   the source name
     * @param endpoint the server
     * @param symbols  Binance venue symbols (upper case), empty for Pyth
     * @param ids      Pyth feed id to name (empty when unnamed), empty for Binance
     * @param mapping  each feed symbol events carry, in subscription order, to the asset it prices
     */
    private record Setup(String source, URI endpoint, List<String> symbols, Map<String, String> ids,
                         Map<String, String> mapping) {
        LiveFeedClient client(ClientContext context) {
            return source.equals(BinanceFuturesParser.SOURCE)
                    ? LiveFeedClient.binanceFutures(endpoint, symbols, context)
                    : LiveFeedClient.pyth(endpoint, ids, context);
        }

        String name() {
            return source + " live " + String.join(",", mapping.keySet());
        }
    }

    /**
     * Connects: checks the spec, opens the journal, starts the client, and (with {@link LiveSpec#rebase()}) waits for
     * the first prices. Events that arrive before an engine loop runs the scenario are kept: the run starts at the
     * session's first event.
     *
     * @param spec what to connect to and run
     * @return the session, connecting; to be closed
     * @throws IllegalArgumentException for an unknown source, no or malformed symbols or ids, a malformed endpoint, a
     *                                  symbol whose asset the book does not hold, two symbols pricing one asset; the
     *                                  message names what was expected
     * @throws InputException           when the journal exists already, is a directory, or cannot be created
     * @throws IllegalStateException    with {@code rebase}, when a mapped symbol has no price within
     *                                  {@link LiveSpec#firstPricesTimeoutMs()}
     */
    public static LiveSession open(LiveSpec spec) {
        Setup setup = setup(spec); // every option checked before the journal is touched
        SplittableRandom random = new SplittableRandom(); // jitter exists so that clients do not reconnect in step
        LiveEventQueue queue = new LiveEventQueue();
        JournalWriter journal = openJournal(spec.journal());
        LiveSession session;
        try {
            LiveStream stream = new LiveStream(setup.name(), queue);
            LiveFeedClient client = setup.client(new ClientContext(queue, journal, JsonMessageDecoder.DECODERS,
                    spec.connection(), spec.clock(), random::nextDouble));
            session = new LiveSession(spec, setup.mapping(), client, journal, stream);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        try {
            session.puller.scheduleWithFixedDelay(session.stream::pull, PULL_PERIOD_MS, PULL_PERIOD_MS,
                    TimeUnit.MILLISECONDS);
            session.client.start();
            Scenario s = scenario(spec, setup, new Scenario.StreamFeed(setup.name(), session.stream, null), List.of());
            if (spec.rebase()) {
                s = rebased(s, setup.mapping(), session.firstPrices(setup.mapping().keySet()));
            }
            session.scenario = s;
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * The session's scenario over its journal, with no connection: the same book (restated the same way with
     * {@code rebase}, at the journal's first prices), rules and symbol map, its feed the journal read through the live
     * decoders in the live stream's time order. Replaying it gives the events the live run stepped, in the same order,
     * so the same figures and {@code stateHash} at every position; run it after the session is closed (a journal being
     * written may end in half a line, which is skipped). Seeks and forks like any scenario.
     *
     * @param spec the spec the session was opened with (the endpoint and connection settings are not used)
     * @return the replay scenario; its feed opens the journal whenever a replay starts
     * @throws IllegalArgumentException as {@link #open} for a bad spec, or with {@code rebase} when the journal holds
     *                                  no price of a mapped symbol
     * @throws InputException           when the journal does not exist or is not a journal
     */
    public static Scenario replayScenario(LiveSpec spec) {
        Setup setup = setup(spec);
        Path file = spec.journal();
        Scenario.StreamFeed feed = journalFeed(file, w -> {
        });
        try (FeedReader probe = feed.source().open()) {
            probe.ready(); // fails at once, naming the file, when it is missing or not a journal
        }
        Scenario s = scenario(spec, setup, feed, List.of(file));
        if (spec.rebase()) {
            Map<String, Double> first = new LinkedHashMap<>();
            try (FeedReader r = feed.source().open()) {
                for (FeedEvent e = r.next(); e != null && first.size() < setup.mapping().size(); e = r.next()) {
                    if (e instanceof PriceEvent p && setup.mapping().containsKey(p.symbol())) {
                        first.putIfAbsent(p.symbol(), p.price());
                    }
                }
            }
            for (String symbol : setup.mapping().keySet()) {
                if (!first.containsKey(symbol)) {
                    throw new IllegalArgumentException("the journal " + file + " holds no price of " + symbol
                            + ", so the book cannot be restated at the session's first prices; expected the journal"
                            + " of a session opened with rebase");
                }
            }
            s = rebased(s, setup.mapping(), first);
        }
        return s;
    }

    /**
     * A journal of a live session as a scenario feed: read with {@link JournalReader} (the live clients' decoders) and
     * put in non-decreasing time order as the live stream does ({@link NonDecreasingFeedReader}); reopened from its
     * first line by every replay, restore and fork.
     *
     * @param journal  the journal file
     * @param warnings receives a sentence when its last line is incomplete (a crash of the recorder) and is skipped
     * @return the feed, named by the file's name
     */
    public static Scenario.StreamFeed journalFeed(Path journal, Consumer<String> warnings) {
        return new Scenario.StreamFeed(String.valueOf(journal.getFileName()),
                () -> new NonDecreasingFeedReader(JournalReader.open(journal, warnings)), journal);
    }

    /**
     * A scenario of a book with a scenario file's defaults (settlement in USDC, a pass-through oracle, the default
     * liquidity and liquidation rules, {@code adl-ranked}, $10M of depth per 1% on every market, an empty insurance
     * fund, no dynamic margin) and no feed: the base of a live session over that book. Change it with the scenario's
     * {@code with...} methods ({@link Scenario#withInsuranceFundUsd}, {@link Scenario#withParameters}).
     *
     * @param name       the scenario's name
     * @param book       the book (a file read with {@code BookReader}, or a generated population)
     * @param population the generator's parameters when the book was generated ({@code new
     *                   PopulationGenerator(population).generate()}), else null
     * @return the scenario
     * @throws IllegalArgumentException when the book has no priced USDC asset to settle in
     */
    public static Scenario bookScenario(String name, Book book, PopulationParameters population) {
        String settlement = "USDC";
        if (book.assets().stream().noneMatch(a -> a.symbol().equals(settlement))
                || book.prices().find(settlement).isEmpty()) {
            throw new IllegalArgumentException("the book has no priced " + settlement + " asset to settle in;"
                    + " expected one (a scenario file names another with \"settlementAsset\")");
        }
        if (!book.unpricedAssets().isEmpty()) {
            throw new IllegalArgumentException("the book has no price for " + book.unpricedAssets()
                    + "; expected a price for every asset it holds or trades");
        }
        ScenarioInputs inputs = new ScenarioInputs(book, List.of(), settlement, List.of(), Map.of(), Map.of(),
                Scenario.Window.ALL, Scenario.Depth.uniform(ScenarioReader.DEFAULT_DEPTH_PER_PERCENT_USD), List.of(), 0,
                0, population);
        return new Scenario(name, inputs, Parameters.defaults(book));
    }

    /** @return the scenario to run: its feed is this session's live stream */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the spec the session was opened with */
    public LiveSpec spec() {
        return spec;
    }

    /** @return the stream of the session's events, from its first */
    public LiveStream stream() {
        return stream;
    }

    /** @return the feed symbols the scenario maps, each to the asset it prices, in subscription order */
    public Map<String, String> symbols() {
        return mapping;
    }

    /** @return the URL the client connects to */
    public String endpoint() {
        return client.endpoint();
    }

    /** @return the client's counters and state so far (messages, reconnections, journal write failures) */
    public LiveFeedClient.Stats stats() {
        return client.stats();
    }

    /**
     * What a live source's faults have cost so far, for the console's status: nothing here reached the engine.
     *
     * @param messages        text messages received
     * @param notUnderstood   of those, messages not understood (not JSON, wrong types, a price that is not positive):
     *                        journaled, not taken
     * @param unreadable      frames that were not text (binary): counted, not journaled
     * @param late            prices dropped as older than the last of their source and symbol
     * @param repeated        prices and venue liquidations dropped as repeats of the one before
     * @param connections     connections opened
     * @param failedAttempts  connections in a row, up to now, that ended without a message
     * @param droppedByQueue  events the hand-over queue dropped because it was full (journaled, not in the run)
     */
    public record Health(long messages, long notUnderstood, long unreadable, long late, long repeated,
                         long connections, int failedAttempts, long droppedByQueue) {
    }

    /** @return the session's counts of faults so far; thread-safe */
    public Health health() {
        LiveFeedClient.Stats st = client.stats();
        return new Health(st.messages(), st.unparsed(), st.unreadable(), stream.superseded(), stream.duplicates(),
                st.connections(), st.failedAttempts(), stream.dropped());
    }

    /** @return how many lines the journal holds from this session */
    public long journalLines() {
        return journal.lines();
    }

    /** @return the session's scenario over its journal ({@link #replayScenario(LiveSpec)}), best after closing */
    public Scenario replayScenario() {
        return replayScenario(spec);
    }

    /**
     * Stops the client (a last {@code DISCONNECTED} status goes to the journal and the stream), ends the stream (a run
     * on it steps what is left, then ends) and closes the journal. Idempotent.
     *
     * @throws UncheckedIOException when the journal cannot be flushed to the device
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            client.close();
        } finally {
            try {
                stream.end();
                puller.shutdownNow();
            } finally {
                journal.close();
            }
        }
    }

    /** Waits for a price of every symbol, reading the stream from its start without consuming it. */
    private Map<String, Double> firstPrices(Set<String> symbols) {
        Map<String, Double> first = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spec.firstPricesTimeoutMs());
        int seen = 0;
        while (first.size() < symbols.size()) {
            int n = stream.pull();
            for (FeedEvent e : stream.events(seen, n)) {
                if (e instanceof PriceEvent p && symbols.contains(p.symbol())) {
                    first.putIfAbsent(p.symbol(), p.price());
                }
            }
            seen = n;
            if (first.size() == symbols.size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                List<String> missing = symbols.stream().filter(s -> !first.containsKey(s)).toList();
                throw new IllegalStateException("no price of " + String.join(", ", missing) + " from "
                        + client.endpoint() + " within " + spec.firstPricesTimeoutMs() + " ms (client "
                        + client.stats().state() + (client.stats().lastProblem().isEmpty() ? ""
                        : ": " + client.stats().lastProblem()) + "), so the book cannot be restated at live prices");
            }
            try {
                Thread.sleep(PULL_PERIOD_MS);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the first live prices", x);
            }
        }
        return first;
    }

    /** @return the scenario restated at the first prices of its mapped symbols (the settlement asset keeps its own) */
    private static Scenario rebased(Scenario s, Map<String, String> mapping, Map<String, Double> firstBySymbol) {
        Map<String, Double> prices = new LinkedHashMap<>();
        mapping.forEach((symbol, asset) -> {
            if (!asset.equals(s.settlementAsset())) {
                prices.put(asset, firstBySymbol.get(symbol));
            }
        });
        return s.withBook(BookRestatement.at(s.book(), prices), null);
    }

    private static Scenario scenario(LiveSpec spec, Setup setup, Scenario.Feed feed, List<Path> files) {
        Scenario base = spec.base();
        List<Path> inputs = new ArrayList<>(base.files());
        inputs.addAll(files);
        ScenarioInputs in = base.inputs();
        ScenarioInputs live = new ScenarioInputs(in.book(), inputs, in.settlementAsset(), List.of(feed),
                setup.mapping(), Map.of(), Scenario.Window.ALL, in.depth(), List.of(), in.insuranceFundUsd(),
                in.seed(), in.population());
        return new Scenario(base.name() + " — " + setup.name(), live, base.parameters());
    }

    private static JournalWriter openJournal(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "", "is a directory; expected a new journal file", null);
        }
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                throw new InputException(name, "", "exists already; expected a new journal file (a live session's"
                        + " journal holds that session alone, to replay it exactly)", null);
            }
        } catch (IOException e) {
            throw new InputException(name, "", "cannot be read: " + e.getMessage(), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            String why = io.solvent.engine.input.Folders.whyNotAFolder(parent);
            throw new InputException(name, "", (why.endsWith("does not exist") ? "its directory does not exist"
                    : why) + "; expected a new journal file in an existing directory", null);
        }
        try {
            return JournalWriter.open(file, false, w -> {
            });
        } catch (UncheckedIOException e) {
            throw new InputException(name, "", "cannot be created: " + e.getCause().getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- checking a spec

    private static Setup setup(LiveSpec spec) {
        String source = spec.source();
        List<String> symbols = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> feedSymbols = new ArrayList<>(); // as events carry them
        switch (source) {
            case BinanceFuturesParser.SOURCE -> {
                if (spec.feeds().isEmpty()) {
                    throw new IllegalArgumentException("binance-futures: no symbols given; expected venue symbols"
                            + " such as BTCUSDT,ETHUSDT");
                }
                for (String s : spec.feeds()) {
                    String symbol = s.trim().toUpperCase(Locale.ROOT);
                    if (!BINANCE_SYMBOL.matcher(symbol).matches()) {
                        throw new IllegalArgumentException("binance-futures: bad symbol '" + s + "'; expected letters,"
                                + " digits or _, such as BTCUSDT");
                    }
                    if (symbols.contains(symbol)) {
                        throw new IllegalArgumentException("binance-futures: symbol " + symbol + " given twice;"
                                + " expected each once");
                    }
                    symbols.add(symbol);
                }
                if (symbols.size() * 2 > LiveFeedClient.BINANCE_MAX_STREAMS_PER_CONNECTION) {
                    throw new IllegalArgumentException("binance-futures: " + symbols.size() + " symbols; expected at"
                            + " most " + LiveFeedClient.BINANCE_MAX_STREAMS_PER_CONNECTION / 2 + " (two streams each,"
                            + " " + LiveFeedClient.BINANCE_MAX_STREAMS_PER_CONNECTION + " per connection)");
                }
                feedSymbols.addAll(symbols);
            }
            case PythHermesParser.SOURCE -> {
                if (spec.feeds().isEmpty()) {
                    throw new IllegalArgumentException("pyth: no feed ids given; expected ID=NAME items such as"
                            + " e62df6c8...5b43=BTC/USD (64 hex digits)");
                }
                for (String item : spec.feeds()) {
                    int eq = item.indexOf('=');
                    String id = (eq < 0 ? item : item.substring(0, eq)).trim();
                    String name = eq < 0 ? "" : item.substring(eq + 1).trim();
                    if (!HEX_ID.matcher(id).matches()) {
                        throw new IllegalArgumentException("pyth: bad feed id '" + id + "'; expected 64 hex digits"
                                + " (0x optional), as ID or ID=NAME");
                    }
                    String canonical = PythHermesParser.normalize(id);
                    if (ids.containsKey(canonical)) {
                        throw new IllegalArgumentException("pyth: feed id " + id + " given twice; expected each once");
                    }
                    ids.put(canonical, name);
                    feedSymbols.add(name.isEmpty() ? canonical : name);
                }
            }
            default -> throw new IllegalArgumentException("unknown live source '" + source + "'; expected "
                    + BinanceFuturesParser.SOURCE + " or " + PythHermesParser.SOURCE);
        }
        URI endpoint = endpoint(source, spec.endpoint());
        return new Setup(source, endpoint, symbols, ids, mapping(source, feedSymbols, spec.assets(),
                spec.base().book()));
    }

    private static URI endpoint(String source, String text) {
        boolean binance = source.equals(BinanceFuturesParser.SOURCE);
        if (text == null || text.isBlank()) {
            return binance ? LiveFeedClient.BINANCE_FUTURES_ENDPOINT : LiveFeedClient.PYTH_HERMES_ENDPOINT;
        }
        String expected = binance ? "a ws:// or wss:// URL with a host" : "an http:// or https:// URL with a host";
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint '" + text + "' is not a URL (" + e.getReason()
                    + "); expected " + expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = binance ? scheme.equals("ws") || scheme.equals("wss")
                : scheme.equals("http") || scheme.equals("https");
        if (!ok || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint '" + text + "' is not a " + source + " server's; expected "
                    + expected);
        }
        return uri;
    }

    /**
     * @return each feed symbol to its asset: the override, else the symbol without its quote currency; every asset
     * one of the book's, none priced by two symbols
     */
    private static Map<String, String> mapping(String source, List<String> feedSymbols, Map<String, String> overrides,
                                               Book book) {
        Set<String> assets = new LinkedHashSet<>();
        book.assets().stream().map(Asset::symbol).forEach(assets::add);
        for (String symbol : overrides.keySet()) {
            if (!feedSymbols.contains(symbol)) {
                throw new IllegalArgumentException("symbol map: feed symbol '" + symbol + "' is not subscribed;"
                        + " expected one of " + feedSymbols);
            }
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, String> symbolOf = new LinkedHashMap<>();
        for (String symbol : feedSymbols) {
            String asset = overrides.containsKey(symbol) ? overrides.get(symbol) : defaultAsset(source, symbol);
            if (asset == null || asset.isEmpty()) {
                throw new IllegalArgumentException("feed symbol '" + symbol + "' names no asset; expected a name"
                        + (source.equals(PythHermesParser.SOURCE) ? " (give the id as ID=BTC/USD)" : "")
                        + " or a mapping of it to one of the book's assets " + assets);
            }
            if (!assets.contains(asset)) {
                throw new IllegalArgumentException("feed symbol '" + symbol + "' prices asset '" + asset
                        + "', which the book does not hold; expected one of " + assets
                        + ", or map the symbol to one of them");
            }
            String other = symbolOf.putIfAbsent(asset, symbol);
            if (other != null) {
                throw new IllegalArgumentException("feed symbols '" + other + "' and '" + symbol + "' both price"
                        + " asset " + asset + ", and their prices would interleave; expected one symbol per asset");
            }
            mapping.put(symbol, asset);
        }
        return mapping;
    }

    /**
     * @return the asset a feed symbol names by default: a Binance symbol without its quote currency and contract
     * suffix ({@code BTCUSDT} → {@code BTC}); a Pyth name's base ({@code BTC/USD}, {@code Crypto.BTC/USD} →
     * {@code BTC}); null when it names none (an unnamed Pyth id)
     */
    static String defaultAsset(String source, String symbol) {
        if (source.equals(BinanceFuturesParser.SOURCE)) {
            String s = symbol.toUpperCase(Locale.ROOT);
            int underscore = s.indexOf('_');
            if (underscore > 0) {
                s = s.substring(0, underscore); // BTCUSDT_250328: a delivery contract
            }
            for (String q : QUOTES) {
                if (s.endsWith(q) && s.length() > q.length()) {
                    return s.substring(0, s.length() - q.length());
                }
            }
            return s;
        }
        int slash = symbol.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String base = symbol.substring(0, slash);
        return base.substring(base.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    }
}
