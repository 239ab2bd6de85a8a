package io.solvent.app.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.feed.synthetic.CrashShock;
import io.solvent.engine.feed.synthetic.DepegShock;
import io.solvent.engine.feed.synthetic.FrozenFeedShock;
import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.ScenarioDocument;
import io.solvent.engine.io.ScenarioReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes a new scenario file from a base scenario (bundled or a file) and hypothetical shocks: every shock's fields
 * are checked against the base (its symbols must be ones the base's feeds price, its times inside the base's replayed
 * window, moves and fractions in their ranges), then the base's text is written with them added
 * ({@link HypotheticalShock#expressedAs()} says how each kind is expressed) — the base's own shocks, feeds, book and
 * rules kept as written. A saved file is read back by the scenario reader before it replaces the target, so a file
 * the console could not open is never left behind.
 */
public final class ShockBuilder {
    /** A peg feed's step, ms: one price a second. */
    static final long PEG_STEP_MS = 1_000;
    /** The longest peg feed the builder writes, steps (a week at one a second). */
    static final long MAX_PEG_STEPS = 7L * 24 * 3600;

    private final Path baseFile;
    private final ScenarioDocument base;
    private final ScenarioFacts facts;

    private ShockBuilder(Path baseFile, ScenarioDocument base) {
        this.baseFile = baseFile;
        this.base = base;
        this.facts = ScenarioFacts.of(base, String.valueOf(baseFile.getFileName()));
    }

    /**
     * @param baseFile the base scenario's file
     * @return a builder over it
     * @throws InputException when it is not a JSON object, naming the file and the place
     */
    public static ShockBuilder of(Path baseFile) {
        return new ShockBuilder(baseFile, ScenarioDocument.read(baseFile));
    }

    /** @return the base scenario's file */
    public Path baseFile() {
        return baseFile;
    }

    /** @return what the base says about itself: its feed symbols, its window */
    public ScenarioFacts facts() {
        return facts;
    }

    /**
     * @param shocks the shocks in the builder's list
     * @return every problem of every shock, in order; empty when all can be saved
     */
    public List<FieldProblem> validate(List<? extends HypotheticalShock> shocks) {
        List<FieldProblem> out = new ArrayList<>();
        for (int i = 0; i < shocks.size(); i++) {
            out.addAll(validate(i, shocks.get(i)));
        }
        return out;
    }

    /**
     * @param row   the shock's row (−1: the form being edited)
     * @param shock one shock
     * @return its problems, each naming the field and what was expected; empty when it is sound
     */
    public List<FieldProblem> validate(int row, HypotheticalShock shock) {
        Problems p = new Problems(row);
        switch (shock) {
            case HypotheticalShock.InstantMove m -> {
                symbol(p, "symbol", m.symbol());
                time(p, "at", m.atMs());
                if (!(m.move() > -1 && m.move() < 1)) {
                    p.add("move", "expected a move between −100% and +100% (exclusive), was " + pct(m.move()));
                }
            }
            case HypotheticalShock.CrashWithRecovery c -> {
                symbol(p, "symbol", c.symbol());
                time(p, "start", c.startMs());
                fall(p, "move", c.move());
                duration(p, "crash", c.crashMs());
                fraction(p, "recovery", c.recovery());
                duration(p, "recovery time", c.recoveryMs());
            }
            case HypotheticalShock.CorrelatedMove c -> {
                symbol(p, "lead", c.lead());
                if (c.others().isEmpty()) {
                    p.add("others", "expected at least one other symbol to move with " + c.lead());
                }
                for (String o : c.others()) {
                    symbol(p, "others", o);
                    if (o.equals(c.lead())) {
                        p.add("others", o + " is the lead; list the other symbols only");
                    }
                }
                time(p, "start", c.startMs());
                fall(p, "move", c.move());
                duration(p, "over", c.overMs());
                if (!(c.correlation() >= 0 && c.correlation() <= 1)) {
                    p.add("correlation", "expected a correlation from 0 to 1 (the others' share of the lead's move),"
                            + " was " + c.correlation());
                }
            }
            case HypotheticalShock.StablecoinDepeg d -> {
                if (d.target() == null || d.target().isBlank()) {
                    p.add("coin", "expected the stablecoin's feed symbol or the settlement asset "
                            + facts.settlementAsset());
                } else if (!facts.feedSymbols().containsKey(d.target())
                        && !d.target().equals(facts.settlementAsset())) {
                    p.add("coin", d.target() + " is neither a feed symbol of this scenario nor its settlement asset;"
                            + " expected one of " + depegTargets());
                } else if (!facts.feedSymbols().containsKey(d.target()) && !facts.windowKnown()) {
                    p.add("coin", d.target() + " has no feed, and a constant one needs the scenario's replayed time,"
                            + " which this scenario does not give (add a \"window\")");
                }
                time(p, "start", d.startMs());
                if (!(d.low() > 0 && d.low() < 1)) {
                    p.add("low", "expected a price between $0 and $1 per coin (exclusive), was " + d.low());
                }
                if (!(d.recoveredTo() > 0 && d.recoveredTo() <= 1)) {
                    p.add("recovered to", "expected a price above $0 and at most $1 per coin, was "
                            + d.recoveredTo());
                }
                duration(p, "decline", d.declineMs());
                duration(p, "hold", d.holdMs());
                duration(p, "recovery time", d.recoveryMs());
            }
            case HypotheticalShock.OracleFreeze f -> {
                symbol(p, "symbol", f.symbol());
                time(p, "from", f.fromMs());
                if (f.toMs() <= f.fromMs()) {
                    p.add("until", "expected the end after the start, was " + Format.duration(f.toMs() - f.fromMs())
                            + " after it");
                } else if (facts.windowKnown() && f.toMs() > facts.endMs()) {
                    p.add("until", "ends at " + Format.time(f.toMs()) + ", after the scenario's end "
                            + Format.time(facts.endMs()) + "; end it by then");
                }
            }
            case HypotheticalShock.OracleLag l -> {
                if (l.latencyMs() < 0 || l.latencyMs() > 3_600_000) {
                    p.add("latency", "expected a delay from 0 to 3,600,000 ms (an hour), was " + l.latencyMs()
                            + " ms");
                }
            }
            case HypotheticalShock.LiquidityDrought d -> {
                if (!(d.depthFactor() > 0 && d.depthFactor() <= 1)) {
                    p.add("depth factor", "expected a factor above 0 and at most 1 (a drought thins the books), was "
                            + d.depthFactor());
                }
                if (!(d.stressedDepthMultiplier() > 0 && d.stressedDepthMultiplier() <= 1)) {
                    p.add("stressed depth", "expected a fraction above 0 and at most 1, was "
                            + d.stressedDepthMultiplier());
                }
            }
        }
        return p.list;
    }

    /**
     * @param shocks sound shocks ({@link #validate} found nothing)
     * @param name   the new scenario's name
     * @return the base's text with them added
     * @throws IllegalArgumentException naming every problem when one is not sound
     */
    public ScenarioDocument document(List<? extends HypotheticalShock> shocks, String name) {
        List<FieldProblem> problems = validate(shocks);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(FieldProblem::toString)
                    .reduce((a, b) -> a + "; " + b).orElseThrow());
        }
        ScenarioDocument doc = base.withName(name);
        List<Shock> engine = new ArrayList<>();
        for (HypotheticalShock s : shocks) {
            switch (s) {
                case HypotheticalShock.InstantMove m -> engine.add(new InstantShock(m.symbol(), m.atMs(), -m.move()));
                case HypotheticalShock.CrashWithRecovery c -> engine.add(new CrashShock(c.symbol(), c.startMs(),
                        -c.move(), c.crashMs(), c.recovery(), c.recoveryMs()));
                case HypotheticalShock.CorrelatedMove c -> {
                    engine.add(move(c.lead(), c.startMs(), c.move(), c.overMs()));
                    c.others().forEach(o -> engine.add(move(o, c.startMs(), c.correlation() * c.move(), c.overMs())));
                }
                case HypotheticalShock.StablecoinDepeg d -> {
                    String symbol = d.target();
                    if (!facts.feedSymbols().containsKey(symbol)) { // the settlement asset: give it a peg feed
                        symbol = pegSymbol(d.target());
                        doc = withPegFeed(doc, symbol, d.target());
                    }
                    engine.add(new DepegShock(symbol, d.startMs(), d.low(), d.declineMs(), d.holdMs(),
                            d.recoveryMs(), d.recoveredTo()));
                }
                case HypotheticalShock.OracleFreeze f -> engine.add(new FrozenFeedShock(f.symbol(), f.fromMs(),
                        f.toMs()));
                case HypotheticalShock.OracleLag l -> doc = doc.with("oracle.latencyMs", LongNode.valueOf(
                        l.latencyMs()));
                case HypotheticalShock.LiquidityDrought d -> doc = drought(doc, d);
            }
        }
        return engine.isEmpty() ? doc : doc.withShocksAdded(engine);
    }

    /**
     * Writes the new scenario: to a temporary file beside the target, read back by the scenario reader (the whole
     * scenario: its book, its feeds), then moved over the target.
     *
     * @param shocks sound shocks
     * @param name   the new scenario's name
     * @param target the file to write
     * @return the target
     * @throws IllegalArgumentException naming every problem when a shock is not sound
     * @throws InputException           when the file written cannot be read as a scenario (the target is untouched)
     */
    public Path save(List<? extends HypotheticalShock> shocks, String name, Path target) {
        return CheckedScenarioFile.write(document(shocks, name), target);
    }

    /** @return the symbols a depeg can target: the feed symbols and the settlement asset */
    public List<String> depegTargets() {
        List<String> out = new ArrayList<>();
        out.add(facts.settlementAsset());
        facts.feedSymbols().keySet().stream().filter(s -> !s.equals(facts.settlementAsset())).forEach(out::add);
        return out;
    }

    private static Shock move(String symbol, long startMs, double move, long overMs) {
        return overMs == 0 ? new InstantShock(symbol, startMs, -move) : new CrashShock(symbol, startMs, -move, overMs,
                0, 0);
    }

    private String pegSymbol(String asset) {
        String s = asset + "-PEG";
        while (facts.feedSymbols().containsKey(s)) {
            s = s + "_";
        }
        return s;
    }

    /** A constant 1 USD path mapped to the asset, over the base's window (one price a second). */
    private ScenarioDocument withPegFeed(ScenarioDocument doc, String symbol, String asset) {
        JsonNode existing = doc.get("feeds");
        if (existing != null) {
            for (JsonNode f : existing) {
                if (f.path("synthetic").path("symbol").asText().equals(symbol)) {
                    return doc; // two depegs of one coin share its peg feed
                }
            }
        }
        long start = facts.startMs();
        long steps = Math.min(MAX_PEG_STEPS, Math.max(1, (facts.endMs() - start) / PEG_STEP_MS));
        ObjectNode path = JsonNodeFactory.instance.objectNode();
        path.put("symbol", symbol).put("initialPrice", 1.0).put("drift", 0.0).put("volatility", 0.0)
                .put("startMs", start).put("stepMs", PEG_STEP_MS).put("steps", steps).put("seed", 0);
        ObjectNode feed = JsonNodeFactory.instance.objectNode();
        feed.set("synthetic", path);
        com.fasterxml.jackson.databind.node.ArrayNode feeds = existing != null && existing.isArray()
                ? (com.fasterxml.jackson.databind.node.ArrayNode) existing : JsonNodeFactory.instance.arrayNode();
        feeds.add(feed);
        JsonNode symbols = doc.get("symbols");
        ObjectNode map = symbols instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        map.put(symbol, asset);
        return doc.with("feeds", feeds).with("symbols", map);
    }

    private static ScenarioDocument drought(ScenarioDocument doc, HypotheticalShock.LiquidityDrought d) {
        JsonNode depth = doc.get("liquidity.depthPerPercentUsd");
        double base = depth != null && depth.isNumber() ? depth.asDouble() : ScenarioReader.DEFAULT_DEPTH_PER_PERCENT_USD;
        doc = doc.with("liquidity.depthPerPercentUsd", DoubleNode.valueOf(base * d.depthFactor()))
                .with("liquidity.stressedDepthMultiplier", DoubleNode.valueOf(d.stressedDepthMultiplier()));
        JsonNode markets = doc.get("liquidity.markets");
        if (markets instanceof ObjectNode m) {
            m.properties().forEach(e -> {
                if (e.getValue() instanceof ObjectNode market) {
                    if (market.has("depthPerPercentUsd")) {
                        market.put("depthPerPercentUsd", market.get("depthPerPercentUsd").asDouble() * d.depthFactor());
                    } else if (market.has("depthFile")) {
                        market.put("scale", market.path("scale").asDouble(1) * d.depthFactor());
                    }
                }
            });
            doc = doc.with("liquidity.markets", m);
        }
        return doc;
    }

    private void symbol(Problems p, String field, String symbol) {
        if (symbol == null || symbol.isBlank()) {
            p.add(field, "expected a feed symbol, one of " + facts.feedSymbols().keySet());
        } else if (!facts.feedSymbols().containsKey(symbol)) {
            p.add(field, symbol + " is not a symbol this scenario's feeds price; expected one of "
                    + facts.feedSymbols().keySet());
        }
    }

    private void time(Problems p, String field, long tMs) {
        if (facts.windowKnown() && !facts.contains(tMs)) {
            p.add(field, Format.time(tMs) + " is outside the scenario's replayed time, " + Format.time(facts.startMs())
                    + " to " + Format.time(facts.endMs()));
        }
    }

    private static void fall(Problems p, String field, double move) {
        if (!(move > -1 && move <= 0)) {
            p.add(field, "expected a fall from 0% down to −100% (exclusive), was " + pct(move)
                    + (move > 0 ? " (a rise over time is not a crash; use an instant move)" : ""));
        }
    }

    private static void fraction(Problems p, String field, double f) {
        if (!(f >= 0 && f <= 1)) {
            p.add(field, "expected a fraction from 0% to 100%, was " + pct(f));
        }
    }

    private static void duration(Problems p, String field, long ms) {
        if (ms < 0) {
            p.add(field, "expected a duration >= 0, was " + ms + " ms");
        }
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * f).replace('-', '−');
    }

    /** The problems of one shock. */
    private static final class Problems {
        private final int row;
        private final List<FieldProblem> list = new ArrayList<>();

        Problems(int row) {
            this.row = row;
        }

        void add(String field, String message) {
            list.add(new FieldProblem(row, field, Objects.requireNonNull(message)));
        }
    }
}
