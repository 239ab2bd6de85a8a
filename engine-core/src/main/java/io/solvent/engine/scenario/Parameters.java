package io.solvent.engine.scenario;

import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import io.solvent.engine.oracle.OracleParameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of a run: everything an operator may change without changing what happened — the oracle model, the
 * liquidity rules, the liquidation parameters, the deleveraging policy, dynamic margin, and each market's and asset's
 * margin parameters (tiers, liquidation fee, positive-PnL weight; collateral and liability weights, size factor).
 * What happened — the book's accounts and opening prices, the feeds, the markets' depth, the shocks, the fund's
 * opening balance — is a {@link ScenarioInputs}. A fork, and a change applied to a running replay, take a
 * {@code Parameters}; the type is the rule of what they may change.
 *
 * <p>Every field has a dotted key ({@link #values()}, {@link #with(String, String)}): the path of the field in a
 * scenario file ({@code oracle.latencyMs}, {@code liquidation.buffer}, {@code markets.ETH-PERP.liquidationFee},
 * {@code markets.ETH-PERP.tiers[0].maintenanceMarginFraction}, {@code assets.ETH.maintenanceWeight}), which is also
 * the key of {@code --set} and a row of the console's parameter sheet.
 *
 * @param oracle        the oracle model of every mapped feed symbol
 * @param liquidity     the liquidity rules (stressed multiplier and trigger, cascade feedback, impact half-life)
 * @param liquidation   buffer, per-step cap, dust, liquidator share, lending close factor and bonus
 * @param deleveraging  the deleveraging policy's name ({@link DeleveragingPolicy#NAMES})
 * @param dynamicMargin volatility-scaled margin ({@link DynamicMarginParameters#DISABLED} when off)
 * @param markets       market symbol to its definition, in the book's order
 * @param assets        asset symbol to its definition, in the book's order
 */
public record Parameters(OracleParameters oracle, LiquidityParameters liquidity, LiquidationParameters liquidation,
                         String deleveraging, DynamicMarginParameters dynamicMargin, Map<String, Market> markets,
                         Map<String, Asset> assets) {

    public Parameters {
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(liquidation, "liquidation");
        Objects.requireNonNull(dynamicMargin, "dynamicMargin");
        if (!DeleveragingPolicy.NAMES.contains(deleveraging)) {
            throw new ParameterException("deleveraging", "expected one of " + DeleveragingPolicy.NAMES + ", was '"
                    + deleveraging + "'");
        }
        markets.forEach((symbol, m) -> {
            if (!symbol.equals(m.symbol())) {
                throw new IllegalArgumentException("market '" + symbol + "' is defined as '" + m.symbol() + "'");
            }
        });
        assets.forEach((symbol, a) -> {
            if (!symbol.equals(a.symbol())) {
                throw new IllegalArgumentException("asset '" + symbol + "' is defined as '" + a.symbol() + "'");
            }
        });
        markets = Collections.unmodifiableMap(new LinkedHashMap<>(markets));
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
    }

    /**
     * @param book a book: its markets' and assets' definitions are the parameters' own
     * @return the defaults of a scenario file that gives none: a pass-through oracle, the default liquidity and
     *         liquidation rules, {@code adl-ranked}, no dynamic margin
     */
    public static Parameters defaults(Book book) {
        return new Parameters(OracleParameters.passThrough(), LiquidityParameters.defaults(),
                LiquidationParameters.DEFAULTS, "adl-ranked", DynamicMarginParameters.DISABLED, Map.of(), Map.of())
                .withDefinitionsOf(book);
    }

    /** @param o the oracle model @return a copy with it */
    public Parameters withOracle(OracleParameters o) {
        return new Parameters(o, liquidity, liquidation, deleveraging, dynamicMargin, markets, assets);
    }

    /** @param l the liquidity rules @return a copy with them */
    public Parameters withLiquidity(LiquidityParameters l) {
        return new Parameters(oracle, l, liquidation, deleveraging, dynamicMargin, markets, assets);
    }

    /** @param l the liquidation parameters @return a copy with them */
    public Parameters withLiquidation(LiquidationParameters l) {
        return new Parameters(oracle, liquidity, l, deleveraging, dynamicMargin, markets, assets);
    }

    /** @param policy a deleveraging policy's name @return a copy with it */
    public Parameters withDeleveraging(String policy) {
        return new Parameters(oracle, liquidity, liquidation, policy, dynamicMargin, markets, assets);
    }

    /** @param d the dynamic margin parameters @return a copy with them */
    public Parameters withDynamicMargin(DynamicMarginParameters d) {
        return new Parameters(oracle, liquidity, liquidation, deleveraging, d, markets, assets);
    }

    /**
     * @param m a market's new definition
     * @return a copy with it
     * @throws IllegalArgumentException when the market is not one of these parameters' or its underlying differs
     */
    public Parameters withMarket(Market m) {
        Market was = markets.get(m.symbol());
        if (was == null) {
            throw new ParameterException("markets." + m.symbol(), "unknown market; expected one of "
                    + markets.keySet());
        }
        if (!was.underlying().equals(m.underlying())) {
            throw new ParameterException("markets." + m.symbol() + ".underlying", "a market's underlying is part of"
                    + " the book, not a parameter; expected " + was.underlying());
        }
        Map<String, Market> next = new LinkedHashMap<>(markets);
        next.put(m.symbol(), m);
        return new Parameters(oracle, liquidity, liquidation, deleveraging, dynamicMargin, next, assets);
    }

    /**
     * @param a an asset's new definition
     * @return a copy with it
     * @throws IllegalArgumentException when the asset is not one of these parameters'
     */
    public Parameters withAsset(Asset a) {
        if (!assets.containsKey(a.symbol())) {
            throw new ParameterException("assets." + a.symbol(), "unknown asset; expected one of " + assets.keySet());
        }
        Map<String, Asset> next = new LinkedHashMap<>(assets);
        next.put(a.symbol(), a);
        return new Parameters(oracle, liquidity, liquidation, deleveraging, dynamicMargin, markets, next);
    }

    /**
     * @param book a book
     * @return a copy whose market and asset definitions are the book's own
     */
    public Parameters withDefinitionsOf(Book book) {
        Map<String, Market> m = new LinkedHashMap<>();
        book.markets().forEach(x -> m.put(x.symbol(), x));
        Map<String, Asset> a = new LinkedHashMap<>();
        book.assets().forEach(x -> a.put(x.symbol(), x));
        return new Parameters(oracle, liquidity, liquidation, deleveraging, dynamicMargin, m, a);
    }

    /** @return the markets' definitions, in the book's order */
    public List<Market> marketList() {
        return List.copyOf(markets.values());
    }

    /** @return the assets' definitions, in the book's order */
    public List<Asset> assetList() {
        return List.copyOf(assets.values());
    }

    /**
     * Every parameter by its dotted key, in a fixed order (the oracle, liquidity, liquidation, deleveraging, dynamic
     * margin, then each market and each asset in the book's order), each value as it would be written in a scenario
     * file ({@code 0.02}, {@code true}, {@code keep-last}; {@code null} for none).
     *
     * @return key to value, in that order, unmodifiable
     */
    public Map<String, String> values() {
        return ParameterPaths.values(this);
    }

    /**
     * @param key a dotted key
     * @return whether it names a parameter (of some market or asset, for the per-market and per-asset keys), as
     *         opposed to an input of the scenario or nothing at all
     */
    public static boolean isKey(String key) {
        return ParameterPaths.isKey(key);
    }

    /**
     * @param key   a dotted key ({@link #values()}'s)
     * @param value the new value as in a scenario file: a number, {@code true}/{@code false}, {@code null} where
     *              "none" is allowed, or a name (quoted or not)
     * @return a copy with that one parameter changed, validated like a scenario file
     * @throws ParameterException naming the key when the key is not a parameter (an input of the scenario, an unknown
     *                            field) or the value is not valid
     */
    public Parameters with(String key, String value) {
        return ParameterPaths.set(this, key, value);
    }

    /**
     * Several parameters at once, valid together even when one alone would not be (a tier's maintenance fraction
     * raised above its initial one, and the initial one raised too): each is applied once the others let it.
     *
     * @param overrides key to value
     * @return a copy with every override applied
     * @throws ParameterException naming the first key (in the given order) that no order of the others makes valid
     */
    public Parameters with(Map<String, String> overrides) {
        Parameters p = this;
        List<Map.Entry<String, String>> pending = new ArrayList<>(overrides.entrySet());
        while (!pending.isEmpty()) {
            ParameterException first = null;
            boolean applied = false;
            for (java.util.Iterator<Map.Entry<String, String>> it = pending.iterator(); it.hasNext(); ) {
                Map.Entry<String, String> e = it.next();
                try {
                    p = p.with(e.getKey(), e.getValue());
                    it.remove();
                    applied = true;
                } catch (ParameterException x) {
                    first = first == null ? x : first;
                }
            }
            if (!applied) {
                throw first;
            }
        }
        return p;
    }

    /**
     * @param to other parameters of the same book
     * @return each parameter whose value differs, as {@code key: from → to}, in {@link #values()}'s order; empty when
     *         none does
     */
    public List<String> differences(Parameters to) {
        Map<String, String> a = values();
        Map<String, String> b = to.values();
        List<String> out = new ArrayList<>();
        a.forEach((k, v) -> {
            String w = b.get(k);
            if (!Objects.equals(v, w)) {
                out.add(k + ": " + v + " → " + w);
            }
        });
        b.forEach((k, w) -> {
            if (!a.containsKey(k)) {
                out.add(k + ": none → " + w);
            }
        });
        return out;
    }
}
