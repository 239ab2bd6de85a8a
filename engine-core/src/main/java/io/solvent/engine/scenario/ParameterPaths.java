package io.solvent.engine.scenario;

import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.ModelValidationException;
import io.solvent.engine.oracle.ConfidencePolicy;
import io.solvent.engine.oracle.MarkMethod;
import io.solvent.engine.oracle.MarkParameters;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.StalenessPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dotted keys of {@link Parameters}: one table of every fixed key with how to read and set it, and the per-market
 * and per-asset keys. The single place that says what a parameter is — a key not here is not one, and a scenario
 * field that is an input is refused with the reason.
 */
final class ParameterPaths {
    private record Field(String key, Function<Parameters, String> get, BiFunction<Parameters, Value, Parameters> set) {
    }

    private static final List<Field> FIXED = new ArrayList<>();
    private static final Map<String, Field> BY_KEY = new LinkedHashMap<>();
    /** Scenario fields that are inputs: what happened, which a fork or a change keeps. */
    private static final Map<String, String> INPUTS = new LinkedHashMap<>();
    private static final Pattern MARKET = Pattern.compile("markets\\.([^.\\[\\]]+)\\.(liquidationFee|positivePnlWeight"
            + "|tiers\\[(\\d+)]\\.(upTo|initialMarginFraction|maintenanceMarginFraction))");
    private static final Pattern ASSET = Pattern.compile("assets\\.([^.\\[\\]]+)\\.(initialWeight|maintenanceWeight"
            + "|initialLiabilityWeight|maintenanceLiabilityWeight|sizeFactor)");

    static {
        oracle("latencyMs", o -> ms(o.latencyMs()), (o, v) -> new OracleParameters(v.ms(false), o.deviationThreshold(),
                o.heartbeatMs(), o.staleAfterMs(), o.stalenessPolicy(), o.maxConfidence(), o.confidencePolicy(),
                o.mark()));
        oracle("deviationThreshold", o -> num(o.deviationThreshold()), (o, v) -> new OracleParameters(o.latencyMs(),
                v.number(), o.heartbeatMs(), o.staleAfterMs(), o.stalenessPolicy(), o.maxConfidence(),
                o.confidencePolicy(), o.mark()));
        oracle("heartbeatMs", o -> ms(o.heartbeatMs()), (o, v) -> new OracleParameters(o.latencyMs(),
                o.deviationThreshold(), v.ms(true), o.staleAfterMs(), o.stalenessPolicy(), o.maxConfidence(),
                o.confidencePolicy(), o.mark()));
        oracle("staleAfterMs", o -> ms(o.staleAfterMs()), (o, v) -> new OracleParameters(o.latencyMs(),
                o.deviationThreshold(), o.heartbeatMs(), v.ms(true), o.stalenessPolicy(), o.maxConfidence(),
                o.confidencePolicy(), o.mark()));
        oracle("stalenessPolicy", o -> name(o.stalenessPolicy()), (o, v) -> new OracleParameters(o.latencyMs(),
                o.deviationThreshold(), o.heartbeatMs(), o.staleAfterMs(), v.name(StalenessPolicy.class),
                o.maxConfidence(), o.confidencePolicy(), o.mark()));
        oracle("maxConfidence", o -> o.maxConfidence() == Double.POSITIVE_INFINITY ? "null" : num(o.maxConfidence()),
                (o, v) -> new OracleParameters(o.latencyMs(), o.deviationThreshold(), o.heartbeatMs(),
                        o.staleAfterMs(), o.stalenessPolicy(), v.isNull() ? Double.POSITIVE_INFINITY : v.number(),
                        o.confidencePolicy(), o.mark()));
        oracle("confidencePolicy", o -> name(o.confidencePolicy()), (o, v) -> new OracleParameters(o.latencyMs(),
                o.deviationThreshold(), o.heartbeatMs(), o.staleAfterMs(), o.stalenessPolicy(), o.maxConfidence(),
                v.name(ConfidencePolicy.class), o.mark()));
        oracle("mark.method", o -> name(o.mark().method()), (o, v) -> {
            MarkMethod method = v.name(MarkMethod.class);
            if (method != MarkMethod.INDEX && o.mark().venueSources().isEmpty()) {
                throw new ParameterException("oracle.mark.method", "a mark other than the index needs venue prices,"
                        + " and this scenario names none (oracle.mark.venueSources, an input of the scenario file)");
            }
            return o.withMark(new MarkParameters(method, o.mark().venueSources(), o.mark().premiumEmaMs()));
        });
        oracle("mark.premiumEmaMs", o -> ms(o.mark().premiumEmaMs()), (o, v) -> o.withMark(new MarkParameters(
                o.mark().method(), o.mark().venueSources(), v.ms(false))));

        liquidity("stressedDepthMultiplier", l -> num(l.stressedDepthMultiplier()), (l, v) -> new LiquidityParameters(
                v.number(), l.cascadeFeedback(), l.impactHalfLifeMs(), l.stressedMove(), l.stressedHalfLifeMs()));
        liquidity("stressedMove", l -> num(l.stressedMove()), (l, v) -> new LiquidityParameters(
                l.stressedDepthMultiplier(), l.cascadeFeedback(), l.impactHalfLifeMs(), v.number(),
                l.stressedHalfLifeMs()));
        liquidity("stressedHalfLifeMs", l -> ms(l.stressedHalfLifeMs()), (l, v) -> new LiquidityParameters(
                l.stressedDepthMultiplier(), l.cascadeFeedback(), l.impactHalfLifeMs(), l.stressedMove(),
                v.ms(false)));
        liquidity("cascadeFeedback", l -> String.valueOf(l.cascadeFeedback()), (l, v) -> new LiquidityParameters(
                l.stressedDepthMultiplier(), v.bool(), l.impactHalfLifeMs(), l.stressedMove(), l.stressedHalfLifeMs()));
        liquidity("impactHalfLifeMs", l -> ms(l.impactHalfLifeMs()), (l, v) -> new LiquidityParameters(
                l.stressedDepthMultiplier(), l.cascadeFeedback(), v.ms(false), l.stressedMove(),
                l.stressedHalfLifeMs()));

        liquidation("buffer", l -> num(l.buffer()), (l, v) -> new LiquidationParameters(v.number(), l.maxFraction(),
                l.dustNotionalUsd(), l.liquidatorShare(), l.closeFactor(), l.fullCloseHealthFactor(),
                l.lendingBonus()));
        liquidation("maxFraction", l -> num(l.maxFraction()), (l, v) -> new LiquidationParameters(l.buffer(),
                v.number(), l.dustNotionalUsd(), l.liquidatorShare(), l.closeFactor(), l.fullCloseHealthFactor(),
                l.lendingBonus()));
        liquidation("dustNotionalUsd", l -> num(l.dustNotionalUsd()), (l, v) -> new LiquidationParameters(l.buffer(),
                l.maxFraction(), v.number(), l.liquidatorShare(), l.closeFactor(), l.fullCloseHealthFactor(),
                l.lendingBonus()));
        liquidation("liquidatorShare", l -> num(l.liquidatorShare()), (l, v) -> new LiquidationParameters(l.buffer(),
                l.maxFraction(), l.dustNotionalUsd(), v.number(), l.closeFactor(), l.fullCloseHealthFactor(),
                l.lendingBonus()));
        liquidation("closeFactor", l -> num(l.closeFactor()), (l, v) -> new LiquidationParameters(l.buffer(),
                l.maxFraction(), l.dustNotionalUsd(), l.liquidatorShare(), v.number(), l.fullCloseHealthFactor(),
                l.lendingBonus()));
        liquidation("fullCloseHealthFactor", l -> num(l.fullCloseHealthFactor()), (l, v) -> new LiquidationParameters(
                l.buffer(), l.maxFraction(), l.dustNotionalUsd(), l.liquidatorShare(), l.closeFactor(), v.number(),
                l.lendingBonus()));
        liquidation("lendingBonus", l -> num(l.lendingBonus()), (l, v) -> new LiquidationParameters(l.buffer(),
                l.maxFraction(), l.dustNotionalUsd(), l.liquidatorShare(), l.closeFactor(), l.fullCloseHealthFactor(),
                v.number()));

        fixed(new Field("deleveraging", Parameters::deleveraging, (p, v) -> p.withDeleveraging(v.text())));

        dynamicMargin("enabled", d -> String.valueOf(d.enabled()), (d, v) -> new DynamicMarginParameters(v.bool(),
                d.halfLifeMs(), d.referenceVolatility(), d.maxMultiplier(), d.step()));
        dynamicMargin("halfLifeMs", d -> ms(d.halfLifeMs()), (d, v) -> new DynamicMarginParameters(d.enabled(),
                v.ms(false), d.referenceVolatility(), d.maxMultiplier(), d.step()));
        dynamicMargin("referenceVolatility", d -> num(d.referenceVolatility()), (d, v) -> new DynamicMarginParameters(
                d.enabled(), d.halfLifeMs(), v.number(), d.maxMultiplier(), d.step()));
        dynamicMargin("maxMultiplier", d -> num(d.maxMultiplier()), (d, v) -> new DynamicMarginParameters(
                d.enabled(), d.halfLifeMs(), d.referenceVolatility(), v.number(), d.step()));
        dynamicMargin("step", d -> num(d.step()), (d, v) -> new DynamicMarginParameters(d.enabled(), d.halfLifeMs(),
                d.referenceVolatility(), d.maxMultiplier(), v.number()));

        String kept = "an input of the scenario (what happened), not a parameter: a fork and a change keep the"
                + " original's; change it in the scenario file";
        for (String k : List.of("format", "name", "book", "settlementAsset", "feeds", "symbols", "priceSources",
                "window", "seed", "shocks", "population")) {
            INPUTS.put(k, kept);
        }
        INPUTS.put("insuranceFund", "the insurance fund's balance is state, carried over by a fork; its opening"
                + " balance is an input of the scenario");
        INPUTS.put("liquidity.depthPerPercentUsd", "the markets' books are " + kept);
        INPUTS.put("liquidity.maxDistance", "the markets' books are " + kept);
        INPUTS.put("liquidity.markets", "the markets' books are " + kept);
        INPUTS.put("oracle.mark.venueSources", "which feeds are venue prices is " + kept);
    }

    private ParameterPaths() {
    }

    private static void fixed(Field f) {
        FIXED.add(f);
        BY_KEY.put(f.key(), f);
    }

    private static void oracle(String name, Function<OracleParameters, String> get,
                               BiFunction<OracleParameters, Value, OracleParameters> set) {
        fixed(new Field("oracle." + name, p -> get.apply(p.oracle()), (p, v) -> p.withOracle(set.apply(p.oracle(), v))));
    }

    private static void liquidity(String name, Function<LiquidityParameters, String> get,
                                  BiFunction<LiquidityParameters, Value, LiquidityParameters> set) {
        fixed(new Field("liquidity." + name, p -> get.apply(p.liquidity()),
                (p, v) -> p.withLiquidity(set.apply(p.liquidity(), v))));
    }

    private static void liquidation(String name, Function<LiquidationParameters, String> get,
                                    BiFunction<LiquidationParameters, Value, LiquidationParameters> set) {
        fixed(new Field("liquidation." + name, p -> get.apply(p.liquidation()),
                (p, v) -> p.withLiquidation(set.apply(p.liquidation(), v))));
    }

    private static void dynamicMargin(String name, Function<DynamicMarginParameters, String> get,
                                      BiFunction<DynamicMarginParameters, Value, DynamicMarginParameters> set) {
        fixed(new Field("dynamicMargin." + name, p -> get.apply(p.dynamicMargin()),
                (p, v) -> p.withDynamicMargin(set.apply(p.dynamicMargin(), v))));
    }

    /** @return every key's value, in order: the fixed keys, then each market's, then each asset's */
    static Map<String, String> values(Parameters p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : FIXED) {
            out.put(f.key(), f.get().apply(p));
        }
        p.markets().forEach((symbol, m) -> {
            String at = "markets." + symbol + ".";
            out.put(at + "liquidationFee", num(m.liquidationFee()));
            out.put(at + "positivePnlWeight", num(m.positivePnlWeight()));
            for (int i = 0; i < m.tiers().size(); i++) {
                MarginTier t = m.tiers().get(i);
                out.put(at + "tiers[" + i + "].upTo", t.unbounded() ? "null" : num(t.upTo()));
                out.put(at + "tiers[" + i + "].initialMarginFraction", num(t.initialMarginFraction()));
                out.put(at + "tiers[" + i + "].maintenanceMarginFraction", num(t.maintenanceMarginFraction()));
            }
        });
        p.assets().forEach((symbol, a) -> {
            String at = "assets." + symbol + ".";
            out.put(at + "initialWeight", num(a.initialWeight()));
            out.put(at + "maintenanceWeight", num(a.maintenanceWeight()));
            out.put(at + "initialLiabilityWeight", num(a.initialLiabilityWeight()));
            out.put(at + "maintenanceLiabilityWeight", num(a.maintenanceLiabilityWeight()));
            out.put(at + "sizeFactor", num(a.sizeFactor()));
        });
        return Collections.unmodifiableMap(out);
    }

    static boolean isKey(String key) {
        return key != null && (BY_KEY.containsKey(key) || MARKET.matcher(key).matches() || ASSET.matcher(key).matches());
    }

    static Parameters set(Parameters p, String key, String text) {
        if (key == null || key.isBlank()) {
            throw new ParameterException(String.valueOf(key), "expected a parameter's dotted key, such as"
                    + " liquidation.buffer");
        }
        Value v = new Value(key, text);
        try {
            Field f = BY_KEY.get(key);
            if (f != null) {
                return f.set().apply(p, v);
            }
            Matcher m = MARKET.matcher(key);
            if (m.matches()) {
                return setMarket(p, key, m, v);
            }
            Matcher a = ASSET.matcher(key);
            if (a.matches()) {
                return setAsset(p, key, a.group(1), a.group(2), v);
            }
        } catch (ParameterException e) {
            throw e.key().equals(key) ? e : new ParameterException(key, e.problem());
        } catch (ModelValidationException e) {
            // a record's check on another field than the one set (a tier's initial fraction below the new maintenance
            // one) names that field
            throw new ParameterException(key, key.endsWith(e.field()) ? e.problem() : e.field() + ": " + e.problem());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(key, e.getMessage());
        }
        for (Map.Entry<String, String> in : INPUTS.entrySet()) {
            if (key.equals(in.getKey()) || key.startsWith(in.getKey() + ".")) {
                throw new ParameterException(key, in.getValue());
            }
        }
        throw new ParameterException(key, "not a parameter; the parameters are " + summary(p));
    }

    private static Parameters setMarket(Parameters p, String key, Matcher m, Value v) {
        String symbol = m.group(1);
        Market was = p.markets().get(symbol);
        if (was == null) {
            throw new ParameterException(key, "unknown market '" + symbol + "'; expected one of "
                    + p.markets().keySet());
        }
        String field = m.group(2);
        if (field.equals("liquidationFee")) {
            return p.withMarket(new Market(symbol, was.underlying(), was.tiers(), v.number(), was.positivePnlWeight()));
        }
        if (field.equals("positivePnlWeight")) {
            return p.withMarket(new Market(symbol, was.underlying(), was.tiers(), was.liquidationFee(), v.number()));
        }
        int i = Integer.parseInt(m.group(3));
        if (i >= was.tiers().size()) {
            throw new ParameterException(key, "market " + symbol + " has " + was.tiers().size() + " tiers (0.."
                    + (was.tiers().size() - 1) + "); add tiers in the scenario's \"markets\" section");
        }
        MarginTier t = was.tiers().get(i);
        MarginTier next = switch (m.group(4)) {
            case "upTo" -> {
                if (t.unbounded()) {
                    if (v.isNull()) {
                        yield t;
                    }
                    throw new ParameterException(key, "the last tier has no bound (null); it stays unbounded");
                }
                yield new MarginTier(v.number(), t.initialMarginFraction(), t.maintenanceMarginFraction());
            }
            case "initialMarginFraction" -> new MarginTier(t.upTo(), v.number(), t.maintenanceMarginFraction());
            default -> new MarginTier(t.upTo(), t.initialMarginFraction(), v.number());
        };
        List<MarginTier> tiers = new ArrayList<>(was.tiers());
        tiers.set(i, next);
        return p.withMarket(new Market(symbol, was.underlying(), tiers, was.liquidationFee(), was.positivePnlWeight()));
    }

    private static Parameters setAsset(Parameters p, String key, String symbol, String field, Value v) {
        Asset a = p.assets().get(symbol);
        if (a == null) {
            throw new ParameterException(key, "unknown asset '" + symbol + "'; expected one of "
                    + p.assets().keySet());
        }
        double x = v.number();
        return p.withAsset(switch (field) {
            case "initialWeight" -> new Asset(symbol, x, a.maintenanceWeight(), a.initialLiabilityWeight(),
                    a.maintenanceLiabilityWeight(), a.sizeFactor());
            case "maintenanceWeight" -> new Asset(symbol, a.initialWeight(), x, a.initialLiabilityWeight(),
                    a.maintenanceLiabilityWeight(), a.sizeFactor());
            case "initialLiabilityWeight" -> new Asset(symbol, a.initialWeight(), a.maintenanceWeight(), x,
                    a.maintenanceLiabilityWeight(), a.sizeFactor());
            case "maintenanceLiabilityWeight" -> new Asset(symbol, a.initialWeight(), a.maintenanceWeight(),
                    a.initialLiabilityWeight(), x, a.sizeFactor());
            default -> new Asset(symbol, a.initialWeight(), a.maintenanceWeight(), a.initialLiabilityWeight(),
                    a.maintenanceLiabilityWeight(), x);
        });
    }

    private static String summary(Parameters p) {
        String market = p.markets().isEmpty() ? "" : " markets.<market>.liquidationFee | positivePnlWeight |"
                + " tiers[i].upTo | initialMarginFraction | maintenanceMarginFraction (markets " + p.markets().keySet()
                + "),";
        return String.join(", ", BY_KEY.keySet()) + "," + market + " assets.<asset>.initialWeight | maintenanceWeight"
                + " | initialLiabilityWeight | maintenanceLiabilityWeight | sizeFactor (assets " + p.assets().keySet()
                + ")";
    }

    // ---------------------------------------------------------------- values

    /** @return a number as a scenario file writes it: the shortest decimal that reads back to the same double */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15 ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                : Double.toString(v);
    }

    private static String ms(long v) {
        return v == Long.MAX_VALUE ? "null" : Long.toString(v);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A value as given: a JSON scalar, a name quoted or not. */
    private record Value(String key, String raw) {
        private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

        String text() {
            String t = raw == null ? "" : raw.strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            return t;
        }

        boolean isNull() {
            return "null".equals(text());
        }

        double number() {
            String t = text();
            if (!NUMBER.matcher(t).matches()) {
                throw new ParameterException(key, "expected a number, was '" + raw + "'");
            }
            return Double.parseDouble(t);
        }

        long ms(boolean nullable) {
            if (nullable && isNull()) {
                return Long.MAX_VALUE;
            }
            double d;
            try {
                d = number();
            } catch (ParameterException e) {
                throw new ParameterException(key, "expected a whole number of ms" + (nullable ? " or null (none)" : "")
                        + ", was '" + raw + "'");
            }
            if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                throw new ParameterException(key, "expected a whole number of ms, was '" + raw + "'");
            }
            return (long) d;
        }

        boolean bool() {
            return switch (text()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ParameterException(key, "expected true or false, was '" + raw + "'");
            };
        }

        <E extends Enum<E>> E name(Class<E> type) {
            String t = text();
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                String n = ParameterPaths.name(e);
                names.add(n);
                if (n.equals(t)) {
                    return e;
                }
            }
            throw new ParameterException(key, "expected one of " + names + ", was '" + raw + "'");
        }
    }
}
