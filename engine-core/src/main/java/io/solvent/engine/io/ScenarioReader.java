package io.solvent.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solvent.engine.feed.synthetic.CrashShock;
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
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Book;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.StalenessPolicy;
import io.solvent.engine.scenario.Scenario;

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
            "oracle", "liquidity", "liquidation", "deleveraging", "insuranceFund", "shocks", "seed", "dynamicMargin");
    private static final Set<String> ORACLE = Set.of("latencyMs", "deviationThreshold", "heartbeatMs", "staleAfterMs",
            "stalenessPolicy");
    private static final Set<String> LIQUIDITY = Set.of("depthPerPercentUsd", "stressedDepthMultiplier",
            "cascadeFeedback", "impactHalfLifeMs", "markets");
    private static final Set<String> MARKET_DEPTH = Set.of("depthPerPercentUsd", "depthFile", "symbol");
    private static final Set<String> DYNAMIC_MARGIN = Set.of("enabled", "halfLifeMs", "referenceVolatility",
            "maxMultiplier", "step");
    private static final Set<String> LIQUIDATION = Set.of("buffer", "maxFraction", "dustNotionalUsd",
            "liquidatorShare", "closeFactor", "fullCloseHealthFactor", "lendingBonus");
    private static final Set<String> SYNTHETIC = Set.of("symbol", "initialPrice", "drift", "volatility",
            "jumpIntensity", "jumpMean", "jumpStdDev", "startMs", "stepMs", "steps", "seed");

    private static final ObjectMapper OVERRIDE_VALUES = new ObjectMapper();

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
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            override(file.toString(), tree, o.getKey(), o.getValue());
        }
        JsonCursor doc = JsonCursor.root(file.toString(), tree).object(TOP);
        BookReader.readFormat(doc.field("format"));
        Path dir = file.toAbsolutePath().getParent();
        List<Path> inputs = new ArrayList<>(List.of(file));

        JsonCursor bookField = doc.field("book");
        Book book;
        if (bookField.isMissing()) {
            throw bookField.fail("missing; expected the book: a path to a book file, or the book itself");
        } else if (bookField.node().isTextual()) {
            Path bookFile = dir.resolve(bookField.text());
            inputs.add(bookFile);
            book = BookReader.read(bookFile);
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
        for (JsonCursor f : feedList.elements()) {
            f.object(Set.of("file", "format", "synthetic"));
            if (f.has("file") == f.has("synthetic")) {
                throw f.fail("expected exactly one of \"file\" or \"synthetic\"");
            }
            if (f.has("file")) {
                Path p = dir.resolve(f.field("file").text());
                inputs.add(p);
                feeds.add(new Scenario.RecordedFeed(p, f.has("format") ? f.field("format").text() : null));
            } else {
                feeds.add(new Scenario.SyntheticFeed(synthetic(f.field("synthetic"), seed + feeds.size())));
            }
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
        OracleParameters oracle = doc.has("oracle") ? oracle(doc.field("oracle")) : OracleParameters.passThrough();

        JsonCursor liq = doc.field("liquidity");
        double depth = DEFAULT_DEPTH_PER_PERCENT_USD;
        Map<String, Scenario.MarketDepth> marketDepth = new LinkedHashMap<>();
        LiquidityParameters liquidity = LiquidityParameters.defaults();
        if (!liq.isMissing()) {
            liq.object(LIQUIDITY);
            depth = liq.field("depthPerPercentUsd").number(DEFAULT_DEPTH_PER_PERCENT_USD);
            if (!(depth > 0)) {
                throw liq.field("depthPerPercentUsd").fail("expected a notional > 0, was " + depth);
            }
            if (liq.has("markets")) {
                List<String> known = book.markets().stream().map(Market::symbol).toList();
                for (JsonCursor m : liq.field("markets").entries()) {
                    if (!known.contains(m.name())) {
                        throw m.fail("unknown market '" + m.name() + "'; expected one of the book's markets "
                                + known);
                    }
                    Scenario.MarketDepth md = marketDepth(m, dir);
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
                    (long) liq.field("impactHalfLifeMs").number(d.impactHalfLifeMs())));
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
            fund = f.field("openingBalanceUsd").number();
            if (fund < 0) {
                throw f.field("openingBalanceUsd").fail("expected a balance >= 0, was " + fund);
            }
        }
        List<Shock> shocks = new ArrayList<>();
        if (doc.has("shocks")) {
            for (JsonCursor s : doc.field("shocks").elements()) {
                shocks.add(shock(s));
            }
        }
        DynamicMarginParameters dynamicMargin = doc.has("dynamicMargin") ? dynamicMargin(doc.field("dynamicMargin"))
                : DynamicMarginParameters.DISABLED;
        String name = doc.has("name") ? doc.field("name").text() : String.valueOf(file.getFileName());
        return new Scenario(name, book, inputs, settlement, feeds, symbols, oracle,
                new Scenario.Depth(depth, marketDepth), liquidity, liquidation, policy, fund, shocks, seed,
                dynamicMargin);
    }

    /**
     * A market's own depth: {@code {"depthPerPercentUsd": X}} or {@code {"depthFile": "f.csv"[, "symbol": "S"]}}
     * (a Binance bookDepth CSV, relative to the scenario's folder; the symbol defaults to the file's only one).
     */
    private static Scenario.MarketDepth marketDepth(JsonCursor m, Path dir) {
        m.object(MARKET_DEPTH);
        if (m.has("depthPerPercentUsd") == m.has("depthFile")) {
            throw m.fail("expected exactly one of \"depthPerPercentUsd\" or \"depthFile\"");
        }
        if (m.has("depthPerPercentUsd")) {
            if (m.has("symbol")) {
                throw m.field("symbol").fail("a symbol goes with a \"depthFile\" only");
            }
            double d = m.field("depthPerPercentUsd").number();
            if (!(d > 0)) {
                throw m.field("depthPerPercentUsd").fail("expected a notional > 0, was " + d);
            }
            return new Scenario.ConstantDepth(d);
        }
        String named = m.field("depthFile").text();
        Path file = dir.resolve(named);
        String source = file.toString();
        String symbol = m.has("symbol") ? m.field("symbol").text() : onlySymbol(file, source, m.field("depthFile"));
        DepthHistory history = DepthHistory.read(openDepth(file), source, symbol, DepthCurve.DEFAULT_MAX_DISTANCE);
        return new Scenario.RecordedDepth(file, symbol, history);
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
                c.has("halfLifeMs") ? longValue(c.field("halfLifeMs")) : d.halfLifeMs(),
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
        return BookReader.validated(c, () -> new JumpDiffusionParameters(symbol, c.field("initialPrice").number(),
                c.field("drift").number(0), c.field("volatility").number(), c.field("jumpIntensity").number(0),
                c.field("jumpMean").number(0), c.field("jumpStdDev").number(0),
                new Timeline(longValue(c.field("startMs")), longValue(c.field("stepMs")), (int) steps),
                c.has("seed") ? longValue(c.field("seed")) : defaultSeed, "synthetic"));
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
        return BookReader.validated(c, () -> new OracleParameters(optionalMs(c.field("latencyMs"), 0),
                c.field("deviationThreshold").number(0), optionalMs(c.field("heartbeatMs"), Long.MAX_VALUE),
                optionalMs(c.field("staleAfterMs"), Long.MAX_VALUE), staleness, d.maxConfidence(),
                d.confidencePolicy(), d.mark()));
    }

    private static Shock shock(JsonCursor c) {
        String type = c.field("type").text();
        return switch (type) {
            case "instant" -> {
                c.object(Set.of("type", "symbol", "atMs", "drop"));
                yield BookReader.validated(c, () -> new InstantShock(c.field("symbol").text(),
                        longValue(c.field("atMs")), c.field("drop").number()));
            }
            case "crash" -> {
                c.object(Set.of("type", "symbol", "startMs", "drop", "crashMs", "recovery", "recoveryMs"));
                yield BookReader.validated(c, () -> new CrashShock(c.field("symbol").text(),
                        longValue(c.field("startMs")), c.field("drop").number(), longValue(c.field("crashMs")),
                        c.field("recovery").number(0), optionalMs(c.field("recoveryMs"), 0)));
            }
            default -> throw c.field("type").fail("expected \"instant\" or \"crash\", found \"" + type + "\"");
        };
    }

    private static long optionalMs(JsonCursor c, long missing) {
        return c.isMissing() || c.isNull() ? missing : longValue(c);
    }

    private static long longValue(JsonCursor c) {
        double v = c.number();
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) {
            throw c.fail("expected a whole number, was " + c.node().asText());
        }
        return (long) v;
    }
}
