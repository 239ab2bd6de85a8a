package io.solvent.app.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shock builder's form as text, without a node: the fields of each kind (labelled with their units, with a
 * sensible default), and the parse of what was typed into a {@link HypotheticalShock} — times as minutes after the
 * scenario's start, moves and fractions in percent, prices in USD, latency in ms — or the problems, each naming its
 * field. The checks against the scenario (symbols, window, ranges) are {@link ShockBuilder#validate}'s.
 */
public final class ShockForm {

    private ShockForm() {
    }

    /**
     * One field of the form.
     *
     * @param name   the field's name (as problems name it)
     * @param label  its label, with its unit
     * @param value  its default text
     * @param symbol whether it takes a feed symbol (the form offers the scenario's)
     */
    public record Field(String name, String label, String value, boolean symbol) {
    }

    /**
     * @param kind  one of {@link HypotheticalShock#KINDS}
     * @param facts the base scenario (its first symbols as defaults)
     * @return the kind's fields, in order
     */
    public static List<Field> fields(String kind, ScenarioFacts facts) {
        List<String> symbols = List.copyOf(facts.feedSymbols().keySet());
        String first = symbols.isEmpty() ? "" : symbols.getFirst();
        String second = symbols.size() > 1 ? symbols.get(1) : "";
        return switch (kind) {
            case HypotheticalShock.InstantMove.KIND -> List.of(sym("symbol", "Symbol", first),
                    num("at", "At (min after start)", "10"), num("move", "Move (%)", "-20"));
            case HypotheticalShock.CrashWithRecovery.KIND -> List.of(sym("symbol", "Symbol", first),
                    num("start", "Start (min after start)", "10"), num("move", "Fall (%)", "-30"),
                    num("crash", "Fall lasts (min)", "10"), num("recovery", "Recovered (% of the fall)", "50"),
                    num("recovery time", "Recovery lasts (min)", "20"));
            case HypotheticalShock.CorrelatedMove.KIND -> List.of(sym("lead", "Lead symbol", first),
                    new Field("others", "Others (comma-separated)", second, false),
                    num("start", "Start (min after start)", "10"), num("move", "Lead's fall (%)", "-30"),
                    num("over", "Over (min, 0 = instant)", "5"), num("correlation", "Correlation (0–1)", "0.8"));
            case HypotheticalShock.StablecoinDepeg.KIND -> List.of(
                    new Field("coin", "Coin (feed symbol or " + facts.settlementAsset() + ")", facts.settlementAsset(),
                            false),
                    num("start", "Start (min after start)", "10"), num("low", "Low (USD per coin)", "0.87"),
                    num("decline", "Slide lasts (min)", "30"), num("hold", "Held (min)", "60"),
                    num("recovery time", "Recovery lasts (min)", "30"), num("recovered to", "Recovered to (USD)", "1"));
            case HypotheticalShock.OracleFreeze.KIND -> List.of(sym("symbol", "Symbol", first),
                    num("from", "From (min after start)", "10"), num("until", "Until (min after start)", "20"));
            case HypotheticalShock.OracleLag.KIND -> List.of(num("latency", "Latency (ms)", "30000"));
            case HypotheticalShock.LiquidityDrought.KIND -> List.of(num("depth factor", "Depth × (0–1]", "0.2"),
                    num("stressed depth", "Stressed depth × (0–1]", "0.1"));
            default -> throw new IllegalArgumentException("unknown kind " + kind + "; expected one of "
                    + HypotheticalShock.KINDS);
        };
    }

    private static Field sym(String name, String label, String value) {
        return new Field(name, label, value, true);
    }

    private static Field num(String name, String label, String value) {
        return new Field(name, label, value, false);
    }

    /**
     * The outcome of a parse.
     *
     * @param shock    the shock, or null when a field could not be read
     * @param problems the fields that could not be read; then those the builder found
     */
    public record Result(HypotheticalShock shock, List<FieldProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param kind    one of {@link HypotheticalShock#KINDS}
     * @param values  field name → the text typed
     * @param builder the builder (its base's start for times, its checks)
     * @return the shock and its problems (row −1)
     */
    public static Result parse(String kind, Map<String, String> values, ShockBuilder builder) {
        ScenarioFacts facts = builder.facts();
        Reader r = new Reader(values, facts);
        HypotheticalShock s = switch (kind) {
            case HypotheticalShock.InstantMove.KIND -> new HypotheticalShock.InstantMove(r.text("symbol"),
                    r.time("at"), r.percent("move"));
            case HypotheticalShock.CrashWithRecovery.KIND -> new HypotheticalShock.CrashWithRecovery(r.text("symbol"),
                    r.time("start"), r.percent("move"), r.minutes("crash"), r.percent("recovery"),
                    r.minutes("recovery time"));
            case HypotheticalShock.CorrelatedMove.KIND -> new HypotheticalShock.CorrelatedMove(r.text("lead"),
                    r.list("others"), r.time("start"), r.percent("move"), r.minutes("over"), r.number("correlation"));
            case HypotheticalShock.StablecoinDepeg.KIND -> new HypotheticalShock.StablecoinDepeg(r.text("coin"),
                    r.time("start"), r.number("low"), r.minutes("decline"), r.minutes("hold"),
                    r.minutes("recovery time"), r.number("recovered to"));
            case HypotheticalShock.OracleFreeze.KIND -> new HypotheticalShock.OracleFreeze(r.text("symbol"),
                    r.time("from"), r.time("until"));
            case HypotheticalShock.OracleLag.KIND -> new HypotheticalShock.OracleLag(r.whole("latency"));
            case HypotheticalShock.LiquidityDrought.KIND -> new HypotheticalShock.LiquidityDrought(
                    r.number("depth factor"), r.number("stressed depth"));
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        if (!r.problems.isEmpty()) {
            return new Result(null, r.problems);
        }
        return new Result(s, builder.validate(-1, s));
    }

    /**
     * @param shock a shock
     * @param facts its scenario (times shown as minutes after its start)
     * @return the form's fields filled with it (for editing a row again)
     */
    public static Map<String, String> values(HypotheticalShock shock, ScenarioFacts facts) {
        java.util.function.LongFunction<String> min = ms -> num((ms) / 60_000.0);
        java.util.function.LongFunction<String> at = t -> num((t - facts.startMs()) / 60_000.0);
        return switch (shock) {
            case HypotheticalShock.InstantMove m -> Map.of("symbol", m.symbol(), "at", at.apply(m.atMs()),
                    "move", num(100 * m.move()));
            case HypotheticalShock.CrashWithRecovery c -> Map.of("symbol", c.symbol(), "start", at.apply(c.startMs()),
                    "move", num(100 * c.move()), "crash", min.apply(c.crashMs()), "recovery", num(100 * c.recovery()),
                    "recovery time", min.apply(c.recoveryMs()));
            case HypotheticalShock.CorrelatedMove c -> Map.of("lead", c.lead(), "others", String.join(", ", c.others()),
                    "start", at.apply(c.startMs()), "move", num(100 * c.move()), "over", min.apply(c.overMs()),
                    "correlation", num(c.correlation()));
            case HypotheticalShock.StablecoinDepeg d -> Map.of("coin", d.target(), "start", at.apply(d.startMs()),
                    "low", num(d.low()), "decline", min.apply(d.declineMs()), "hold", min.apply(d.holdMs()),
                    "recovery time", min.apply(d.recoveryMs()), "recovered to", num(d.recoveredTo()));
            case HypotheticalShock.OracleFreeze f -> Map.of("symbol", f.symbol(), "from", at.apply(f.fromMs()),
                    "until", at.apply(f.toMs()));
            case HypotheticalShock.OracleLag l -> Map.of("latency", Long.toString(l.latencyMs()));
            case HypotheticalShock.LiquidityDrought d -> Map.of("depth factor", num(d.depthFactor()),
                    "stressed depth", num(d.stressedDepthMultiplier()));
        };
    }

    private static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : String.format(Locale.ROOT, "%s", x);
    }

    /** Reads the typed fields, collecting what cannot be read. */
    private static final class Reader {
        private final Map<String, String> values;
        private final ScenarioFacts facts;
        private final List<FieldProblem> problems = new ArrayList<>();

        Reader(Map<String, String> values, ScenarioFacts facts) {
            this.values = values;
            this.facts = facts;
        }

        String text(String f) {
            String v = values.getOrDefault(f, "").trim();
            if (v.isEmpty()) {
                problems.add(new FieldProblem(-1, f, "missing; expected a feed symbol"));
            }
            return v;
        }

        List<String> list(String f) {
            return Arrays.stream(values.getOrDefault(f, "").split("[,\\s]+")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }

        double number(String f) {
            String v = values.getOrDefault(f, "").trim().replace('−', '-').replace("%", "");
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(-1, f, "expected a number, was '" + values.getOrDefault(f, "") + "'"));
                return Double.NaN;
            }
        }

        double percent(String f) {
            return number(f) / 100;
        }

        long minutes(String f) {
            double m = number(f);
            return Double.isNaN(m) ? 0 : Math.round(m * 60_000);
        }

        long whole(String f) {
            double m = number(f);
            if (!Double.isNaN(m) && m != Math.rint(m)) {
                problems.add(new FieldProblem(-1, f, "expected a whole number of ms, was " + m));
            }
            return Double.isNaN(m) ? 0 : (long) m;
        }

        long time(String f) {
            if (facts.startMs() == Long.MIN_VALUE) {
                problems.add(new FieldProblem(-1, f, "the scenario does not say when it starts (no window), so a"
                        + " time after its start means nothing; give the scenario a window first"));
                return 0;
            }
            return facts.startMs() + minutes(f);
        }
    }
}
