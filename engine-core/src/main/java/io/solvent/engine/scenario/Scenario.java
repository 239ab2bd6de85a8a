package io.solvent.engine.scenario;

import io.solvent.engine.feed.synthetic.JumpDiffusionParameters;
import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.DepthCurve;
import io.solvent.engine.liquidity.DepthHistory;
import io.solvent.engine.liquidity.DepthSnapshot;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.model.Book;
import io.solvent.engine.oracle.OracleParameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a replay needs, as read from a scenario file (format 1): the book, the feeds and their symbol map, the
 * oracle, liquidity and liquidation models, the deleveraging policy, the insurance fund, shocks, the seed and the
 * dynamic margin parameters. A changed copy is made with the {@code with...} methods.
 *
 * @param name               the scenario's name (its file name unless given)
 * @param book               the book, prices included (the opening prices)
 * @param inputs             every input file the scenario read, for the manifest's checksums
 * @param settlementAsset    the asset realized PnL and fees settle in, such as USDC
 * @param feeds              the price sources, merged into one time-ordered stream
 * @param symbols            feed symbol to asset symbol
 * @param oracle             the oracle model applied to every mapped feed symbol
 * @param depth              each market's book: a scenario-wide constant depth, and per market a constant or a
 *                           recorded one
 * @param liquidity          stressed multiplier, cascade feedback and impact half-life
 * @param liquidation        buffer, per-step cap, dust, liquidator share
 * @param deleveraging       the deleveraging policy's name (adl-ranked, socialize, deficit, ...)
 * @param insuranceFundUsd   the venue-wide insurance fund's opening balance, USD
 * @param shocks             hypothetical shocks applied on top of the feeds, in order
 * @param seed               the scenario's random seed (synthetic feeds derive theirs from it unless given)
 * @param dynamicMargin      volatility-scaled margin ({@link DynamicMarginParameters#DISABLED} when not given)
 */
public record Scenario(String name, Book book, List<Path> inputs, String settlementAsset, List<Feed> feeds,
                       Map<String, String> symbols, OracleParameters oracle, Depth depth,
                       LiquidityParameters liquidity, LiquidationParameters liquidation, String deleveraging,
                       double insuranceFundUsd, List<Shock> shocks, long seed, DynamicMarginParameters dynamicMargin) {

    public Scenario {
        inputs = List.copyOf(inputs);
        feeds = List.copyOf(feeds);
        symbols = Map.copyOf(symbols);
        shocks = List.copyOf(shocks);
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(dynamicMargin, "dynamicMargin");
    }

    /** @param n the name @return a copy with that name */
    public Scenario withName(String n) {
        return new Scenario(n, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity, liquidation,
                deleveraging, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param f the price sources @return a copy with those feeds */
    public Scenario withFeeds(List<Feed> f) {
        return new Scenario(name, book, inputs, settlementAsset, f, symbols, oracle, depth, liquidity, liquidation,
                deleveraging, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param o the oracle model @return a copy with that oracle model for every mapped symbol */
    public Scenario withOracle(OracleParameters o) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, o, depth, liquidity, liquidation,
                deleveraging, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param d the books @return a copy with that depth */
    public Scenario withDepth(Depth d) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, d, liquidity, liquidation,
                deleveraging, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param l the liquidity rules @return a copy with those rules */
    public Scenario withLiquidity(LiquidityParameters l) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, l, liquidation,
                deleveraging, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param l the liquidation parameters @return a copy with them */
    public Scenario withLiquidation(LiquidationParameters l) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity, l,
                deleveraging, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param policy a deleveraging policy's name @return a copy with that policy */
    public Scenario withDeleveraging(String policy) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity,
                liquidation, policy, insuranceFundUsd, shocks, seed, dynamicMargin);
    }

    /** @param usd opening balance, USD @return a copy with that insurance fund */
    public Scenario withInsuranceFundUsd(double usd) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity,
                liquidation, deleveraging, usd, shocks, seed, dynamicMargin);
    }

    /** @param s the shocks, in order @return a copy with those shocks */
    public Scenario withShocks(List<Shock> s) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity,
                liquidation, deleveraging, insuranceFundUsd, s, seed, dynamicMargin);
    }

    /** @param s the seed @return a copy with that seed */
    public Scenario withSeed(long s) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity,
                liquidation, deleveraging, insuranceFundUsd, shocks, s, dynamicMargin);
    }

    /** @param d the dynamic margin parameters @return a copy with them */
    public Scenario withDynamicMargin(DynamicMarginParameters d) {
        return new Scenario(name, book, inputs, settlementAsset, feeds, symbols, oracle, depth, liquidity,
                liquidation, deleveraging, insuranceFundUsd, shocks, seed, d);
    }

    /**
     * The books of a scenario's markets: a scenario-wide default and, per market, its own.
     *
     * @param defaultPerPercentUsd the depth of every market not listed, on each side: notional USD within each 1% of
     *                             the price, finite and {@code > 0}
     * @param markets              market symbol (such as {@code ETH-PERP}) to its own depth, in the scenario's order
     */
    public record Depth(double defaultPerPercentUsd, Map<String, MarketDepth> markets) {
        public Depth {
            if (!(defaultPerPercentUsd > 0) || defaultPerPercentUsd == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("expected a default depth > 0 USD per 1%, was "
                        + defaultPerPercentUsd);
            }
            markets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(markets));
        }

        /** @param perPercentUsd USD within each 1%, each side @return every market with that constant depth */
        public static Depth uniform(double perPercentUsd) {
            return new Depth(perPercentUsd, Map.of());
        }

        /**
         * @param market a market's symbol
         * @return its book over time: its recorded history, or a constant linear book of its (or the default) depth
         * per 1% out to {@link DepthCurve#DEFAULT_MAX_DISTANCE}
         */
        public DepthHistory historyOf(String market) {
            return switch (markets.get(market)) {
                case null -> constant(defaultPerPercentUsd);
                case ConstantDepth c -> constant(c.perPercentUsd());
                case RecordedDepth r -> r.history();
            };
        }

        /** @return the recorded depth files, in the scenario's order (for the manifest's checksums) */
        public List<Path> files() {
            List<Path> out = new ArrayList<>();
            markets.values().forEach(m -> {
                if (m instanceof RecordedDepth r) {
                    out.add(r.file());
                }
            });
            return out;
        }

        private static DepthHistory constant(double perPercentUsd) {
            return DepthHistory.constant(DepthSnapshot.symmetric(0,
                    DepthCurve.linear(perPercentUsd, DepthCurve.DEFAULT_MAX_DISTANCE)));
        }
    }

    /** One market's own depth in a scenario. */
    public sealed interface MarketDepth permits ConstantDepth, RecordedDepth {
    }

    /**
     * A constant linear book.
     *
     * @param perPercentUsd notional USD within each 1% of the price, each side, finite and {@code > 0}
     */
    public record ConstantDepth(double perPercentUsd) implements MarketDepth {
        public ConstantDepth {
            if (!(perPercentUsd > 0) || perPercentUsd == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("expected a depth > 0 USD per 1%, was " + perPercentUsd);
            }
        }
    }

    /**
     * A recorded book (Binance {@code bookDepth} CSV), read once when the scenario is read.
     *
     * @param file    the depth file
     * @param symbol  the symbol whose rows were read, such as {@code BTCUSDT}
     * @param history the snapshots read from it
     */
    public record RecordedDepth(Path file, String symbol, DepthHistory history) implements MarketDepth {
        public RecordedDepth {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(history, "history");
        }
    }

    /** A price source of a scenario. */
    public sealed interface Feed permits RecordedFeed, SyntheticFeed, CorrelatedFeed {
    }

    /**
     * A recorded file.
     *
     * @param path   the file
     * @param format its format name (ticks, bars, trades, binance-klines, depth), or null to detect it
     */
    public record RecordedFeed(Path path, String format) implements Feed {
    }

    /**
     * A seeded jump-diffusion path (geometric Brownian motion when the jump intensity is 0).
     *
     * @param parameters the path's parameters
     */
    public record SyntheticFeed(JumpDiffusionParameters parameters) implements Feed {
    }

    /**
     * Seeded correlated paths of several symbols (Monte Carlo stress).
     *
     * @param parameters the paths' parameters
     */
    public record CorrelatedFeed(io.solvent.engine.feed.synthetic.CorrelatedPathParameters parameters) implements Feed {
    }
}
