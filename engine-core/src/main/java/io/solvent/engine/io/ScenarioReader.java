package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solvent.engine.feed.synthetic.CrashShock;
import io.solvent.engine.feed.synthetic.DepegShock;
import io.solvent.engine.feed.synthetic.FrozenFeedShock;
import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.feed.synthetic.JumpDiffusionParameters;
import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.feed.synthetic.Timeline;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.recorded.RecordedFeedOptions;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFormat;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.DepthCurve;
import io.solvent.engine.liquidity.DepthHistory;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Book;
import io.solvent.engine.oracle.ConfidencePolicy;
import io.solvent.engine.oracle.MarkMethod;
import io.solvent.engine.oracle.MarkParameters;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.StalenessPolicy;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.population.PopulationParameters;
import io.solvent.engine.population.PopulationProfile;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.scenario.ScenarioInputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a scenario file (format 1; docs/simulation.md has every field). Paths inside it are relative to the
 * scenario file's folder. Strict like the book reader: unknown fields, wrong types and out-of-range values are
 * errors naming the file and the JSON path.
 */
public final class ScenarioReader {
    private static final Set<String> TOP = Set.of("format", "name", "book", "settlementAsset", "feeds", "symbols",
            "priceSources", "window", "oracle", "liquidity", "liquidation", "deleveraging", "insuranceFund", "shocks",
            "seed", "dynamicMargin", "markets", "assets");
    private static final Set<String> MARKET_PARAMETERS = Set.of("liquidationFee", "positivePnlWeight", "tiers");
    private static final Set<String> ASSET_PARAMETERS = Set.of("initialWeight", "maintenanceWeight",
            "initialLiabilityWeight", "maintenanceLiabilityWeight", "sizeFactor");
    private static final Set<String> ORACLE = Set.of("latencyMs", "deviationThreshold", "heartbeatMs", "staleAfterMs",
            "stalenessPolicy", "maxConfidence", "confidencePolicy", "mark");
    private static final Set<String> MARK = Set.of("method", "venueSources", "premiumEmaMs");
    private static final Set<String> LIQUIDITY = Set.of("depthPerPercentUsd", "maxDistance", "stressedDepthMultiplier",
            "stressedMove", "stressedHalfLifeMs", "cascadeFeedback", "impactHalfLifeMs", "markets");
    private static final Set<String> MARKET_DEPTH = Set.of("depthPerPercentUsd", "depthFile", "symbol", "scale",
            "maxDistance");
    private static final Set<String> POPULATION = Set.of("accounts", "subaccounts", "seed", "markets", "profile");
    private static final Set<String> DYNAMIC_MARGIN = Set.of("enabled", "halfLifeMs", "referenceVolatility",
            "maxMultiplier", "step");
    private static final Set<String> LIQUIDATION = Set.of("buffer", "maxFraction", "dustNotionalUsd",
            "liquidatorShare", "closeFactor", "fullCloseHealthFactor", "lendingBonus");
    private static final Set<String> SYNTHETIC = Set.of("symbol", "initialPrice", "drift", "volatility",
            "jumpIntensity", "jumpMean", "jumpStdDev", "startMs", "stepMs", "steps", "seed");

    private static final ObjectMapper OVERRIDE_VALUES = new ObjectMapper();

    // The ranges read (docs/simulation.md lists them); prices, sizes, times and durations are in Plausible.
    /** The largest annual drift read, either sign: 10,000% a year. */
    static final double MAX_DRIFT = 100;
    /** The largest annual volatility read: 1,000% a year. */
    static final double MAX_VOLATILITY = 10;
    /** The most jumps a year read: one a second. */
    static final double MAX_JUMPS_PER_YEAR = 31_536_000;
    /** The largest mean or deviation of a log jump read (e^5: a 148-fold move). */
    static final double MAX_LOG_JUMP = 5;
    /** How far the log price of a synthetic path may move (8 standard deviations, the drift and the start): e^100. */
    static final double MAX_LOG_SPREAD = 100;

    /** The thinnest depth read, USD within each 1% of the price. */
    static final double MIN_DEPTH_USD = 1;

    /** The lowest instant drop read: a 100-fold rise. */
    static final double MIN_INSTANT_DROP = -99;
    /** The lowest depeg price read, as a fraction of the peg (its inverse is the highest). */
    static final double MIN_PEG_FRACTION = 1e-6;

    /** The longest oracle latency read, ms: an hour. */
    static final long MAX_LATENCY_MS = io.solvent.engine.oracle.OracleParameters.MAX_LATENCY_MS;
    /** The largest scale of a recorded depth file's notionals. */
    static final double MAX_DEPTH_SCALE = 1e6;

    /** Default depth of every market: $10M within each 1% of the price, each side. */
    public static final double DEFAULT_DEPTH_PER_PERCENT_USD = 10_000_000;

    private ScenarioReader() {
    }

    /**
     * @param file the scenario file
     * @return the scenario, its book read and validated
     * @throws InputException naming the file (or the book file), the place and what was expected
     */
    public static Scenario read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads a scenario with some of its fields replaced, as {@code solvent stress --set} does.
     *
     * @param file      the scenario file
     * @param overrides dotted field path ({@code liquidation.buffer}, {@code deleveraging},
     *                  {@code insuranceFund.openingBalanceUsd}) to a value in JSON ({@code 0.05}, {@code true},
     *                  {@code "socialize"}; text that is not JSON is taken as a string)
     * @return the scenario with the overrides applied, validated like any scenario
     * @throws InputException naming the file, the place and what was expected; an override's place is its path
     */
    public static Scenario read(Path file, Map<String, String> overrides) {
        JsonNode tree = JsonInput.read(file);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (Parameters.isKey(o.getKey())) {
                parameters.put(o.getKey(), o.getValue()); // a parameter: set by its key, as a fork sets it
            } else {
                override(file.toString(), tree, o.getKey(), o.getValue());
            }
        }
        Scenario read = read(file, tree);
        try {
            return parameters.isEmpty() ? read : read.withParameters(read.parameters().with(parameters));
        } catch (ParameterException e) {
            throw new InputException(file.toString(), "$." + e.key(), e.problem(), e);
        }
    }

    private static Scenario read(Path file, JsonNode tree) {
        JsonCursor doc = JsonCursor.root(file.toString(), tree).object(TOP);
        BookReader.readFormat(doc.field("format"));
        Path dir = file.toAbsolutePath().getParent();
        List<Path> inputs = new ArrayList<>(List.of(file));

        JsonCursor bookField = doc.field("book");
        Book book;
        PopulationParameters population = null;
        if (bookField.isMissing()) {
            throw bookField.fail("missing; expected the book: a path to a book file, the book itself, or"
                    + " {\"population\": {...}} to generate one");
        } else if (bookField.node().isTextual()) {
            Path bookFile = dir.resolve(bookField.text());
            inputs.add(bookFile);
            book = BookReader.read(bookFile);
        } else if (bookField.node().isObject() && bookField.node().size() == 1 && bookField.has("population")) {
            population = population(bookField.field("population"));
            book = new PopulationGenerator(population).generate();
        } else {
            book = BookReader.fromTree(file + " " + bookField.path(), bookField.node());
        }
        String settlement = doc.field("settlementAsset").isMissing() ? "USDC" : doc.field("settlementAsset").text();
        if (book.assets().stream().noneMatch(a -> a.symbol().equals(settlement))) {
            throw doc.field("settlementAsset").fail("unknown asset '" + settlement + "'; expected one of the book's");
        }
        PricesReader.requireComplete(book, file.toString());
        if (book.prices().find(settlement).isEmpty()) {
            throw doc.field("settlementAsset").fail("the settlement asset " + settlement + " has no price in the book");
        }
        long seed = doc.field("seed").isMissing() ? 0 : longValue(doc.field("seed"));

        List<Scenario.Feed> feeds = new ArrayList<>();
        JsonCursor feedList = doc.field("feeds");
        if (feedList.isMissing()) {
            throw feedList.fail("missing; expected an array of feeds ({\"file\": ...} or {\"synthetic\": {...}})");
        }
        if (feedList.elements().isEmpty()) {
            // an empty list would replay nothing and end at once with every figure zero: a scenario without prices
            throw feedList.fail("empty; expected at least one feed ({\"file\": ...} or {\"synthetic\": {...}})");
        }
        List<String> missing = new ArrayList<>();
        for (JsonCursor f : feedList.elements()) {
            f.object(Set.of("file", "format", "synthetic"));
            if (f.has("file") == f.has("synthetic")) {
                throw f.fail("expected exactly one of \"file\" or \"synthetic\"");
            }
            if (f.has("file")) {
                Path p = dir.resolve(f.field("file").text());
                if (!java.nio.file.Files.exists(p)) {
                    missing.add(f.field("file").text());
                }
                inputs.add(p);
                if (f.has("format")) {
                    try {
                        io.solvent.engine.feed.recorded.RecordedFormat.ofOptionName(f.field("format").text());
                    } catch (IllegalArgumentException e) {
                        throw f.field("format").fail(e.getMessage());
                    }
                }
                feeds.add(new Scenario.RecordedFeed(p, f.has("format") ? f.field("format").text() : null));
            } else {
                feeds.add(new Scenario.SyntheticFeed(synthetic(f.field("synthetic"), seed + feeds.size())));
            }
        }
        JsonCursor liq = doc.field("liquidity");
        if (!missing.isEmpty() && !liq.isMissing() && liq.has("markets")) { // the recorded data as a whole is absent
            for (JsonCursor m : liq.field("markets").entries()) {
                if (m.node().isObject() && m.has("depthFile") && !java.nio.file.Files.exists(dir.resolve(
                        m.field("depthFile").text()))) {
                    missing.add(m.field("depthFile").text());
                }
            }
        }
        if (!missing.isEmpty()) {
            List<String> distinct = missing.stream().distinct().toList();
            throw new InputException(file.toString(), "", "the recorded data it replays is not here: "
                    + (distinct.size() == 1 ? "" : distinct.size() + " files missing: ") + String.join(", ", distinct)
                    + " (paths are relative to the scenario's folder)", null);
        }
        Map<String, String> symbols = new LinkedHashMap<>();
        if (doc.has("symbols")) {
            for (JsonCursor e : doc.field("symbols").entries()) {
                String asset = e.text();
                if (book.assets().stream().noneMatch(a -> a.symbol().equals(asset))) {
                    throw e.fail("unknown asset '" + asset + "'; expected one of the book's assets");
                }
                symbols.put(e.name(), asset);
            }
        }
        Map<String, Scenario.PriceSource> priceSources = new LinkedHashMap<>();
        if (doc.has("priceSources")) {
            for (JsonCursor e : doc.field("priceSources").entries()) {
                String asset = e.name();
                if (book.assets().stream().noneMatch(a -> a.symbol().equals(asset))) {
                    throw e.fail("unknown asset '" + asset + "'; expected one of the book's assets");
                }
                e.object(Set.of("median", "priority"));
                if (e.has("median") == e.has("priority")) {
                    throw e.fail("expected exactly one of \"median\" or \"priority\", each a list of feed symbols");
                }
                Scenario.PriceSource.Method method = e.has("median") ? Scenario.PriceSource.Method.MEDIAN
                        : Scenario.PriceSource.Method.PRIORITY;
                JsonCursor list = e.field(method.fileName());
                List<String> feedSymbols = new ArrayList<>();
                for (JsonCursor x : list.elements()) {
                    String fs = x.text();
                    if (feedSymbols.contains(fs)) {
                        throw x.fail("feed symbol '" + fs + "' is listed twice");
                    }
                    String other = symbols.get(fs);
                    if (other != null && !other.equals(asset)) {
                        throw x.fail("feed symbol '" + fs + "' is mapped to " + other + " in $.symbols, not to "
                                + asset);
                    }
                    feedSymbols.add(fs);
                }
                if (feedSymbols.size() < 2) {
                    throw list.fail("expected at least two feed symbols to combine; map a single one in $.symbols");
                }
                feedSymbols.forEach(fs -> symbols.put(fs, asset));
                priceSources.put(asset, new Scenario.PriceSource(method, feedSymbols));
            }
        }
        Map<String, List<String>> byAsset = new java.util.TreeMap<>();
        symbols.forEach((feed, asset) -> byAsset.computeIfAbsent(asset, a -> new ArrayList<>()).add(feed));
        for (Map.Entry<String, List<String>> e : byAsset.entrySet()) {
            if (e.getValue().size() > 1 && !priceSources.containsKey(e.getKey())) {
                List<String> feedsOfAsset = e.getValue().stream().sorted().toList();
                throw doc.field("symbols").fail("feed symbols " + feedsOfAsset + " all price asset " + e.getKey()
                        + ", and their prices would interleave; map only one, or combine them with \"priceSources\": {\""
                        + e.getKey() + "\": {\"median\": [...]}} (or \"priority\": the first fresh source in order)");
            }
        }
        Scenario.Window window = doc.has("window") ? window(doc.field("window")) : Scenario.Window.ALL;
        OracleParameters oracle = doc.has("oracle") ? oracle(doc.field("oracle")) : OracleParameters.passThrough();

        double depth = DEFAULT_DEPTH_PER_PERCENT_USD;
        double maxDistance = DepthCurve.DEFAULT_MAX_DISTANCE;
        Map<String, Scenario.MarketDepth> marketDepth = new LinkedHashMap<>();
        LiquidityParameters liquidity = LiquidityParameters.defaults();
        if (!liq.isMissing()) {
            liq.object(LIQUIDITY);
            depth = Plausible.notional(liq.field("depthPerPercentUsd"),
                    liq.field("depthPerPercentUsd").number(DEFAULT_DEPTH_PER_PERCENT_USD), MIN_DEPTH_USD);
            maxDistance = maxDistance(liq.field("maxDistance"), DepthCurve.DEFAULT_MAX_DISTANCE);
            if (liq.has("markets")) {
                List<String> known = book.markets().stream().map(Market::symbol).toList();
                for (JsonCursor m : liq.field("markets").entries()) {
                    if (!known.contains(m.name())) {
                        throw m.fail("unknown market '" + m.name() + "'; expected one of the book's markets "
                                + known);
                    }
                    Scenario.MarketDepth md = marketDepth(m, dir, maxDistance);
                    if (md instanceof Scenario.RecordedDepth r) {
                        inputs.add(r.file());
                    }
                    marketDepth.put(m.name(), md);
                }
            }
            JsonCursor cascade = liq.field("cascadeFeedback");
            if (!cascade.isMissing() && !cascade.node().isBoolean()) {
                throw cascade.fail("expected true or false, found " + JsonCursor.describe(cascade.node()));
            }
            LiquidityParameters d = liquidity;
            liquidity = BookReader.validated(liq, () -> new LiquidityParameters(
                    liq.field("stressedDepthMultiplier").number(d.stressedDepthMultiplier()),
                    cascade.isMissing() ? d.cascadeFeedback() : cascade.node().booleanValue(),
                    liq.has("impactHalfLifeMs") ? durationMs(liq.field("impactHalfLifeMs")) : d.impactHalfLifeMs(),
                    liq.field("stressedMove").number(d.stressedMove()),
                    liq.has("stressedHalfLifeMs") ? durationMs(liq.field("stressedHalfLifeMs"))
                            : d.stressedHalfLifeMs()));
        }
        LiquidationParameters liquidation = LiquidationParameters.DEFAULTS;
        JsonCursor lq = doc.field("liquidation");
        if (!lq.isMissing()) {
            lq.object(LIQUIDATION);
            LiquidationParameters d = liquidation;
            liquidation = BookReader.validated(lq, () -> new LiquidationParameters(lq.field("buffer").number(d.buffer()),
                    lq.field("maxFraction").number(d.maxFraction()),
                    lq.field("dustNotionalUsd").number(d.dustNotionalUsd()),
                    lq.field("liquidatorShare").number(d.liquidatorShare()),
                    lq.field("closeFactor").number(d.closeFactor()),
                    lq.field("fullCloseHealthFactor").number(d.fullCloseHealthFactor()),
                    lq.field("lendingBonus").number(d.lendingBonus())));
        }
        String policy = doc.field("deleveraging").isMissing() ? "adl-ranked" : doc.field("deleveraging").text();
        if (!DeleveragingPolicy.NAMES.contains(policy)) {
            throw doc.field("deleveraging").fail("unknown policy '" + policy + "'; expected one of "
                    + DeleveragingPolicy.NAMES);
        }
        double fund = 0;
        JsonCursor f = doc.field("insuranceFund");
        if (!f.isMissing()) {
            f.object(Set.of("openingBalanceUsd"));
            fund = Plausible.notional(f.field("openingBalanceUsd"), f.field("openingBalanceUsd").number(), 0);
        }
        List<Shock> shocks = new ArrayList<>();
        if (doc.has("shocks")) {
            Set<String> synthetic = new TreeSet<>();
            boolean recorded = false;
            for (Scenario.Feed feed : feeds) {
                if (feed instanceof Scenario.SyntheticFeed sf) {
                    synthetic.add(sf.parameters().symbol());
                } else {
                    recorded = true;
                }
            }
            for (JsonCursor s : doc.field("shocks").elements()) {
                Shock shock = shock(s);
                // a shock on a symbol whose prices never reach the engine would change nothing, silently
                if (!symbols.containsKey(shock.symbol()) || !recorded && !synthetic.contains(shock.symbol())) {
                    Set<String> reaching = new TreeSet<>(symbols.keySet());
                    if (!recorded) {
                        reaching.retainAll(synthetic);
                    }
                    throw s.field("symbol").fail("no feed price of '" + shock.symbol() + "' reaches the engine; expected"
                            + " one of the feed symbols mapped to an asset " + reaching + " (a shock moves one feed"
                            + " symbol's prices; map it in $.symbols)");
                }
                shocks.add(shock);
            }
        }
        DynamicMarginParameters dynamicMargin = doc.has("dynamicMargin") ? dynamicMargin(doc.field("dynamicMargin"))
                : DynamicMarginParameters.DISABLED;
        String name = doc.has("name") ? doc.field("name").text() : String.valueOf(file.getFileName());
        Parameters parameters = definitions(doc, new Parameters(oracle, liquidity, liquidation, policy, dynamicMargin,
                Map.of(), Map.of()).withDefinitionsOf(book));
        return new Scenario(name, new ScenarioInputs(book, inputs, settlement, feeds, symbols, priceSources, window,
                new Scenario.Depth(depth, maxDistance, marketDepth), shocks, fund, seed, population), parameters);
    }

    /**
     * The scenario's own market and asset parameters over the book's: {@code "markets": {"ETH-PERP":
     * {"liquidationFee": 0.015, "positivePnlWeight": 1, "tiers": [...]}}} and {@code "assets": {"ETH":
     * {"maintenanceWeight": 0.8, ...}}}, each field optional (tiers replace the book's whole schedule), each market
     * and asset one of the book's.
     */
    private static Parameters definitions(JsonCursor doc, Parameters p) {
        if (doc.has("markets")) {
            for (JsonCursor m : doc.field("markets").entries()) {
                Market was = p.markets().get(m.name());
                if (was == null) {
                    throw m.fail("unknown market '" + m.name() + "'; expected one of the book's markets "
                            + p.markets().keySet());
                }
                m.object(MARKET_PARAMETERS);
                List<MarginTier> tiers = m.has("tiers") ? BookReader.tiers(m.field("tiers")) : was.tiers();
                p = p.withMarket(BookReader.validated(m, () -> new Market(was.symbol(), was.underlying(), tiers,
                        m.field("liquidationFee").number(was.liquidationFee()),
                        m.field("positivePnlWeight").number(was.positivePnlWeight()))));
            }
        }
        if (doc.has("assets")) {
            for (JsonCursor a : doc.field("assets").entries()) {
                Asset was = p.assets().get(a.name());
                if (was == null) {
                    throw a.fail("unknown asset '" + a.name() + "'; expected one of the book's assets "
                            + p.assets().keySet());
                }
                a.object(ASSET_PARAMETERS);
                p = p.withAsset(BookReader.assetParameters(a, was));
            }
        }
        return p;
    }

    /**
     * A market's own depth: {@code {"depthPerPercentUsd": X}} or {@code {"depthFile": "f.csv"[, "symbol": "S"][,
     * "scale": k]}} (a Binance bookDepth CSV, relative to the scenario's folder; the symbol defaults to the file's only
     * one; its notionals times k), either with its own {@code "maxDistance"} (the backstop) or the scenario's.
     */
    private static Scenario.MarketDepth marketDepth(JsonCursor m, Path dir, double defaultMaxDistance) {
        m.object(MARKET_DEPTH);
        if (m.has("depthPerPercentUsd") == m.has("depthFile")) {
            throw m.fail("expected exactly one of \"depthPerPercentUsd\" or \"depthFile\"");
        }
        double maxDistance = maxDistance(m.field("maxDistance"), defaultMaxDistance);
        if (m.has("depthPerPercentUsd")) {
            for (String onlyRecorded : List.of("symbol", "scale")) {
                if (m.has(onlyRecorded)) {
                    throw m.field(onlyRecorded).fail("a " + onlyRecorded + " goes with a \"depthFile\" only");
                }
            }
            double d = Plausible.notional(m.field("depthPerPercentUsd"), m.field("depthPerPercentUsd").number(),
                    MIN_DEPTH_USD);
            return new Scenario.ConstantDepth(d, maxDistance);
        }
        double scale = m.field("scale").number(1);
        if (!(scale > 0) || !(scale <= MAX_DEPTH_SCALE)) {
            throw m.field("scale").fail("expected a factor > 0 and at most " + (long) MAX_DEPTH_SCALE + ", was "
                    + scale);
        }
        String named = m.field("depthFile").text();
        Path file = dir.resolve(named);
        String source = file.toString();
        String symbol = m.has("symbol") ? m.field("symbol").text() : onlySymbol(file, source, m.field("depthFile"));
        DepthHistory history = DepthHistory.read(openDepth(file), source, symbol, maxDistance, scale);
        return new Scenario.RecordedDepth(file, symbol, scale, maxDistance, history);
    }

    private static double maxDistance(JsonCursor c, double missing) {
        if (c.isMissing()) {
            return missing;
        }
        double d = c.number();
        if (!(d >= 0.05 && d < 1)) {
            throw c.fail("expected a backstop distance with 0.05 <= maxDistance < 1 (beyond a recorded book's ±5%),"
                    + " was " + d);
        }
        return d;
    }

    /**
     * {@code {"accounts": N} or {"subaccounts": M}, "seed": S[, "markets": [...]][, "profile": "calibrated"]}: the
     * book {@code solvent population} would write, generated when the scenario is read.
     */
    private static PopulationParameters population(JsonCursor c) {
        c.object(POPULATION);
        if (c.has("accounts") == c.has("subaccounts")) {
            throw c.fail("expected exactly one of \"accounts\" or \"subaccounts\"");
        }
        if (!c.has("seed")) {
            throw c.field("seed").fail("missing; expected the generator's seed");
        }
        JsonCursor size = c.has("accounts") ? c.field("accounts") : c.field("subaccounts");
        long n = longValue(size);
        if (n < 1 || n > PopulationParameters.MAX_SIZE) {
            throw size.fail("expected 1 to " + PopulationParameters.MAX_SIZE + ", was " + n);
        }
        long seed = longValue(c.field("seed"));
        List<String> markets = new ArrayList<>();
        if (c.has("markets")) {
            c.field("markets").elements().forEach(x -> markets.add(x.text()));
        }
        PopulationProfile profile;
        try {
            profile = c.has("profile") ? PopulationProfile.ofCliName(c.field("profile").text())
                    : PopulationProfile.CALIBRATED;
        } catch (IllegalArgumentException e) {
            throw c.field("profile").fail(e.getMessage());
        }
        try {
            PopulationParameters p = c.has("accounts") ? PopulationParameters.ofAccounts((int) n, seed)
                    : PopulationParameters.ofSubAccounts((int) n, seed);
            return (markets.isEmpty() ? p : p.withMarkets(markets)).withProfile(profile);
        } catch (IllegalArgumentException e) {
            throw c.field("markets").fail(e.getMessage());
        }
    }

    /** {@code {"startMs": T, "endMs": T}}, each ms since the epoch or an ISO-8601 instant, each optional. */
    private static Scenario.Window window(JsonCursor c) {
        c.object(Set.of("startMs", "endMs"));
        long start = c.has("startMs") ? instant(c.field("startMs")) : Long.MIN_VALUE;
        long end = c.has("endMs") ? instant(c.field("endMs")) : Long.MAX_VALUE;
        if (end <= start) {
            throw c.field("endMs").fail("expected an end after the start, was " + c.field("endMs").node().asText());
        }
        return new Scenario.Window(start, end);
    }

    private static long instant(JsonCursor c) {
        if (c.node().isTextual()) {
            try {
                return java.time.Instant.parse(c.text()).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                throw c.fail("expected ms since the epoch or an ISO-8601 instant such as 2025-10-10T20:59:00Z, found '"
                        + c.text() + "'");
            }
        }
        return timestampMs(c);
    }

    private static RecordedFeedReader openDepth(Path file) {
        return RecordedFeedReader.open(file, RecordedFeedOptions.DETECT.withFormat(RecordedFormat.DEPTH));
    }

    private static String onlySymbol(Path file, String source, JsonCursor at) {
        Set<String> symbols = new TreeSet<>();
        try (RecordedFeedReader r = openDepth(file)) {
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                if (e instanceof DepthEvent d) {
                    symbols.add(d.symbol());
                }
            }
        }
        if (symbols.size() != 1) {
            throw new InputException(source, "", symbols.isEmpty() ? "no depth rows; expected a depth CSV "
                    + String.join(",", RecordedFormat.DEPTH.columns()) : "holds the depth of " + symbols + "; name one with \"symbol\" at "
                    + at.path().substring(0, at.path().length() - ".depthFile".length()), null);
        }
        return symbols.iterator().next();
    }

    private static DynamicMarginParameters dynamicMargin(JsonCursor c) {
        c.object(DYNAMIC_MARGIN);
        DynamicMarginParameters d = DynamicMarginParameters.DISABLED;
        JsonCursor enabled = c.field("enabled");
        if (!enabled.isMissing() && !enabled.node().isBoolean()) {
            throw enabled.fail("expected true or false, found " + JsonCursor.describe(enabled.node()));
        }
        return BookReader.validated(c, () -> new DynamicMarginParameters(
                enabled.isMissing() ? d.enabled() : enabled.node().booleanValue(),
                c.has("halfLifeMs") ? durationMs(c.field("halfLifeMs")) : d.halfLifeMs(),
                c.field("referenceVolatility").number(d.referenceVolatility()),
                c.field("maxMultiplier").number(d.maxMultiplier()),
                c.field("step").number(d.step())));
    }

    private static void override(String source, JsonNode tree, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(node instanceof ObjectNode obj)) {
                throw new InputException(source, "$." + path, "cannot set: $." + String.join(".",
                        java.util.Arrays.copyOf(parts, i)) + " is not an object", null);
            }
            node = obj.has(parts[i]) ? obj.get(parts[i]) : obj.putObject(parts[i]);
        }
        if (!(node instanceof ObjectNode obj) || parts[parts.length - 1].isEmpty()) {
            throw new InputException(source, "$." + path, "cannot set this field", null);
        }
        JsonNode parsed;
        try {
            parsed = OVERRIDE_VALUES.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            parsed = null;
        }
        String leaf = parts[parts.length - 1];
        if (parts.length == 4 && parts[0].equals("liquidity") && parts[1].equals("markets")) {
            // a market's depth is one of two kinds: setting one replaces the other
            if (leaf.equals("depthPerPercentUsd")) {
                obj.remove(List.of("depthFile", "symbol"));
            } else if (leaf.equals("depthFile")) {
                obj.remove("depthPerPercentUsd");
            }
        }
        obj.set(leaf, parsed == null || parsed.isMissingNode() ? TextNode.valueOf(value) : parsed);
    }

    private static JumpDiffusionParameters synthetic(JsonCursor c, long defaultSeed) {
        c.object(SYNTHETIC);
        String symbol = c.field("symbol").text();
        double steps = c.field("steps").number();
        if (steps < 1 || steps > 100_000_000 || steps != Math.rint(steps)) {
            throw c.field("steps").fail("expected a whole number of steps from 1 to 100,000,000, was " + steps);
        }
        double initialPrice = Plausible.price(c.field("initialPrice"));
        double drift = Plausible.within(c.field("drift"), c.field("drift").number(0), -MAX_DRIFT, MAX_DRIFT,
                "an annual drift", "per year");
        double volatility = Plausible.within(c.field("volatility"), c.field("volatility").number(), 0, MAX_VOLATILITY,
                "an annual volatility", "per square root of a year");
        double jumpIntensity = Plausible.within(c.field("jumpIntensity"), c.field("jumpIntensity").number(0), 0,
                MAX_JUMPS_PER_YEAR, "a number of jumps", "per year");
        double jumpMean = Plausible.within(c.field("jumpMean"), c.field("jumpMean").number(0), -MAX_LOG_JUMP,
                MAX_LOG_JUMP, "a mean log jump", "");
        double jumpStdDev = Plausible.within(c.field("jumpStdDev"), c.field("jumpStdDev").number(0), 0, MAX_LOG_JUMP,
                "a log jump deviation", "");
        long startMs = timestampMs(c.field("startMs"));
        long stepMs = durationMs(c.field("stepMs"));
        if ((steps - 1) * (double) stepMs > Plausible.MAX_TIMESTAMP_MS - startMs) {
            throw c.field("steps").fail("the last step falls after the year 9999: " + (long) steps + " steps of "
                    + stepMs + " ms from " + startMs);
        }
        long endMs = startMs + ((long) steps - 1) * stepMs; // within the year 9999: no overflow
        JumpDiffusionParameters p = BookReader.validated(c, () -> new JumpDiffusionParameters(symbol, initialPrice,
                drift, volatility, jumpIntensity, jumpMean, jumpStdDev,
                new Timeline(startMs, stepMs, (int) steps),
                c.has("seed") ? longValue(c.field("seed")) : defaultSeed, "synthetic"));
        double years = (double) (endMs - startMs) / Timeline.YEAR_MS;
        double spread = Math.abs(StrictMath.log(initialPrice)) + Math.abs(drift - 0.5 * volatility * volatility
                - jumpIntensity * p.meanRelativeJump()) * years + 8 * Math.sqrt((volatility * volatility
                + jumpIntensity * (jumpMean * jumpMean + jumpStdDev * jumpStdDev)) * years) + 8 * jumpStdDev
                + Math.abs(jumpMean);
        if (!(spread <= MAX_LOG_SPREAD)) {
            throw c.fail("its prices could leave the range of numbers over " + String.format(java.util.Locale.ROOT,
                    "%.3g", years) + " years (drift, volatility and jumps move the log price by up to "
                    + String.format(java.util.Locale.ROOT, "%.3g", spread) + ", at most " + (int) MAX_LOG_SPREAD
                    + " is read); shorten the path or calm it");
        }
        return p;
    }

    private static OracleParameters oracle(JsonCursor c) {
        c.object(ORACLE);
        OracleParameters d = OracleParameters.passThrough();
        StalenessPolicy policy = d.stalenessPolicy();
        if (c.has("stalenessPolicy")) {
            String p = c.field("stalenessPolicy").text();
            policy = switch (p) {
                case "keep-last" -> StalenessPolicy.KEEP_LAST;
                case "pause" -> StalenessPolicy.PAUSE;
                default -> throw c.field("stalenessPolicy").fail("expected \"keep-last\" or \"pause\", found \"" + p
                        + "\"");
            };
        }
        StalenessPolicy staleness = policy;
        ConfidencePolicy confidence = d.confidencePolicy();
        if (c.has("confidencePolicy")) {
            String p = c.field("confidencePolicy").text();
            confidence = switch (p) {
                case "reject" -> ConfidencePolicy.REJECT;
                case "widen" -> ConfidencePolicy.WIDEN;
                default -> throw c.field("confidencePolicy").fail("expected \"reject\" or \"widen\", found \"" + p
                        + "\"");
            };
        }
        ConfidencePolicy confidenceRule = confidence;
        MarkParameters mark = c.has("mark") ? mark(c.field("mark")) : d.mark();
        double maxConfidence = c.has("maxConfidence") && !c.field("maxConfidence").isNull()
                ? c.field("maxConfidence").number() : d.maxConfidence();
        long latency = optionalMs(c.field("latencyMs"), 0);
        if (latency > MAX_LATENCY_MS) {
            throw c.field("latencyMs").fail("expected a latency from 0 to " + MAX_LATENCY_MS + " ms (an hour; a feed"
                    + " silent for longer is a \"freeze\" shock), was " + latency);
        }
        return BookReader.validated(c, () -> new OracleParameters(latency,
                c.field("deviationThreshold").number(0), optionalMs(c.field("heartbeatMs"), Long.MAX_VALUE),
                optionalMs(c.field("staleAfterMs"), Long.MAX_VALUE), staleness, maxConfidence, confidenceRule, mark));
    }

    /** {@code {"method": "index" | "index-plus-premium-ema" | "median", "venueSources": [...], "premiumEmaMs": T}}. */
    private static MarkParameters mark(JsonCursor c) {
        c.object(MARK);
        String m = c.has("method") ? c.field("method").text() : "index";
        MarkMethod method = switch (m) {
            case "index" -> MarkMethod.INDEX;
            case "index-plus-premium-ema" -> MarkMethod.INDEX_PLUS_PREMIUM_EMA;
            case "median" -> MarkMethod.MEDIAN;
            default -> throw c.field("method").fail("expected \"index\", \"index-plus-premium-ema\" or \"median\","
                    + " found \"" + m + "\"");
        };
        List<String> venues = new ArrayList<>();
        if (c.has("venueSources")) {
            c.field("venueSources").elements().forEach(x -> venues.add(x.text()));
        }
        return BookReader.validated(c, () -> new MarkParameters(method, venues,
                c.has("premiumEmaMs") ? durationMs(c.field("premiumEmaMs")) : 0));
    }

    private static Shock shock(JsonCursor c) {
        String type = c.field("type").text();
        return switch (type) {
            case "instant" -> {
                c.object(Set.of("type", "symbol", "atMs", "drop"));
                yield BookReader.validated(c, () -> new InstantShock(c.field("symbol").text(),
                        timestampMs(c.field("atMs")), Plausible.within(c.field("drop"), c.field("drop").number(),
                        MIN_INSTANT_DROP, 1, "a fraction", "(below 1; -99 is a 100-fold rise)")));
            }
            case "crash" -> {
                c.object(Set.of("type", "symbol", "startMs", "drop", "crashMs", "recovery", "recoveryMs"));
                yield BookReader.validated(c, () -> new CrashShock(c.field("symbol").text(),
                        timestampMs(c.field("startMs")), c.field("drop").number(), durationMs(c.field("crashMs")),
                        c.field("recovery").number(0), optionalMs(c.field("recoveryMs"), 0)));
            }
            case "depeg" -> {
                c.object(Set.of("type", "symbol", "startMs", "depegPrice", "declineMs", "holdMs", "recoveryMs",
                        "recoveredPrice"));
                double low = Plausible.within(c.field("depegPrice"), c.field("depegPrice").number(), MIN_PEG_FRACTION,
                        1 / MIN_PEG_FRACTION, "a fraction of the peg", "");
                if (c.has("recoveredPrice")) {
                    Plausible.within(c.field("recoveredPrice"), c.field("recoveredPrice").number(), MIN_PEG_FRACTION,
                            1 / MIN_PEG_FRACTION, "a fraction of the peg", "");
                }
                yield BookReader.validated(c, () -> new DepegShock(c.field("symbol").text(),
                        timestampMs(c.field("startMs")), low, optionalMs(c.field("declineMs"), 0),
                        optionalMs(c.field("holdMs"), 0), optionalMs(c.field("recoveryMs"), 0),
                        c.field("recoveredPrice").number(low))); // no recoveredPrice: no recovery
            }
            case "freeze" -> {
                c.object(Set.of("type", "symbol", "fromMs", "toMs"));
                yield BookReader.validated(c, () -> new FrozenFeedShock(c.field("symbol").text(),
                        timestampMs(c.field("fromMs")), timestampMs(c.field("toMs"))));
            }
            default -> throw c.field("type").fail("expected \"instant\", \"crash\", \"depeg\" or \"freeze\", found \""
                    + type + "\"");
        };
    }

    private static long optionalMs(JsonCursor c, long missing) {
        return c.isMissing() || c.isNull() ? missing : durationMs(c);
    }

    /** @return a duration in ms, from 0 to {@link Plausible#MAX_DURATION_MS} */
    private static long durationMs(JsonCursor c) {
        return Plausible.duration(c, longValue(c), Plausible.MAX_DURATION_MS);
    }

    /** @return a time in ms since the epoch, from 1970 to the year 9999 */
    private static long timestampMs(JsonCursor c) {
        return Plausible.timestamp(c, longValue(c));
    }

    private static long longValue(JsonCursor c) {
        double v = c.number();
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) {
            throw c.fail("expected a whole number, was " + c.node().asText());
        }
        return (long) v;
    }
}
