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
import io.solvent.engine.population.PopulationParameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a replay needs, as read from a scenario file (format 1): what happened ({@link ScenarioInputs}: the book,
 * the feeds and their symbol map, the markets' depth, the shocks, the fund's opening balance, the seed) and the rules
 * it is run under ({@link Parameters}: oracle, liquidity rules, liquidation, deleveraging, dynamic margin, each
 * market's and asset's margin parameters). A fork and a change of a running replay take other {@link Parameters}
 * only. A changed copy is made with the {@code with...} methods.
 *
 * <p>The book's market and asset definitions are the parameters' ({@link #book()} has them): a scenario whose
 * parameters change a market's tiers holds a book with those tiers.
 *
 * @param name       the scenario's name (its file name unless given)
 * @param inputs     what happened
 * @param parameters the rules
 */
public record Scenario(String name, ScenarioInputs inputs, Parameters parameters) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(parameters, "parameters");
        inputs = inputs.withDefinitions(parameters);
    }

    /**
     * A scenario of a book, its definitions the parameters' markets and assets.
     *
     * @param name             the scenario's name
     * @param book             the book, prices included (the opening prices)
     * @param files            every input file the scenario read, for the manifest's checksums
     * @param settlementAsset  the asset realized PnL and fees settle in, such as USDC
     * @param feeds            the price sources, merged into one time-ordered stream
     * @param symbols          feed symbol to asset symbol
     * @param oracle           the oracle model applied to every mapped feed symbol
     * @param depth            each market's book
     * @param liquidity        stressed multiplier, cascade feedback and impact half-life
     * @param liquidation      buffer, per-step cap, dust, liquidator share
     * @param deleveraging     the deleveraging policy's name (adl-ranked, socialize, deficit, ...)
     * @param insuranceFundUsd the venue-wide insurance fund's opening balance, USD
     * @param shocks           hypothetical shocks applied on top of the feeds, in order
     * @param seed             the scenario's random seed
     * @param dynamicMargin    volatility-scaled margin ({@link DynamicMarginParameters#DISABLED} when not given)
     * @param priceSources     asset to how several feed symbols make its one price
     * @param window           the simulated time replayed
     * @param population       the generator's parameters when the book was generated rather than read, else null
     */
    public Scenario(String name, Book book, List<Path> files, String settlementAsset, List<Feed> feeds,
                    Map<String, String> symbols, OracleParameters oracle, Depth depth, LiquidityParameters liquidity,
                    LiquidationParameters liquidation, String deleveraging, double insuranceFundUsd,
                    List<Shock> shocks, long seed, DynamicMarginParameters dynamicMargin,
                    Map<String, PriceSource> priceSources, Window window, PopulationParameters population) {
        this(name, new ScenarioInputs(book, files, settlementAsset, feeds, symbols, priceSources, window, depth,
                shocks, insuranceFundUsd, seed, population), new Parameters(oracle, liquidity, liquidation,
                deleveraging, dynamicMargin, Map.of(), Map.of()).withDefinitionsOf(book));
    }

    /**
     * A scenario of a book read from a file or given inline: every mapped asset has one feed symbol, the whole feed is
     * replayed.
     */
    public Scenario(String name, Book book, List<Path> files, String settlementAsset, List<Feed> feeds,
                    Map<String, String> symbols, OracleParameters oracle, Depth depth, LiquidityParameters liquidity,
                    LiquidationParameters liquidation, String deleveraging, double insuranceFundUsd,
                    List<Shock> shocks, long seed, DynamicMarginParameters dynamicMargin) {
        this(name, book, files, settlementAsset, feeds, symbols, oracle, depth, liquidity, liquidation, deleveraging,
                insuranceFundUsd, shocks, seed, dynamicMargin, Map.of(), Window.ALL, null);
    }

    // ---------------------------------------------------------------- inputs

    /** @return the book, prices included (the opening prices), its definitions the parameters' */
    public Book book() {
        return inputs.book();
    }

    /** @return every input file the scenario read, for the manifest's checksums */
    public List<Path> files() {
        return inputs.files();
    }

    /** @return the asset realized PnL and fees settle in, such as USDC */
    public String settlementAsset() {
        return inputs.settlementAsset();
    }

    /** @return the price sources, merged into one time-ordered stream */
    public List<Feed> feeds() {
        return inputs.feeds();
    }

    /** @return feed symbol to asset symbol */
    public Map<String, String> symbols() {
        return inputs.symbols();
    }

    /** @return asset to how several feed symbols make its one price */
    public Map<String, PriceSource> priceSources() {
        return inputs.priceSources();
    }

    /** @return the simulated time replayed */
    public Window window() {
        return inputs.window();
    }

    /** @return each market's book */
    public Depth depth() {
        return inputs.depth();
    }

    /** @return hypothetical shocks applied on top of the feeds, in order */
    public List<Shock> shocks() {
        return inputs.shocks();
    }

    /** @return the venue-wide insurance fund's opening balance, USD */
    public double insuranceFundUsd() {
        return inputs.insuranceFundUsd();
    }

    /** @return the scenario's random seed */
    public long seed() {
        return inputs.seed();
    }

    /** @return the generator's parameters when the book was generated rather than read, else null */
    public PopulationParameters population() {
        return inputs.population();
    }

    // ---------------------------------------------------------------- parameters

    /** @return the oracle model applied to every mapped feed symbol */
    public OracleParameters oracle() {
        return parameters.oracle();
    }

    /** @return the liquidity rules */
    public LiquidityParameters liquidity() {
        return parameters.liquidity();
    }

    /** @return the liquidation parameters */
    public LiquidationParameters liquidation() {
        return parameters.liquidation();
    }

    /** @return the deleveraging policy's name */
    public String deleveraging() {
        return parameters.deleveraging();
    }

    /** @return the dynamic margin parameters */
    public DynamicMarginParameters dynamicMargin() {
        return parameters.dynamicMargin();
    }

    // ---------------------------------------------------------------- copies

    /** @param n the name @return a copy with that name */
    public Scenario withName(String n) {
        return new Scenario(n, inputs, parameters);
    }

    /** @param p the rules @return a copy run under them */
    public Scenario withParameters(Parameters p) {
        return new Scenario(name, inputs, p);
    }

    /** @param f the price sources @return a copy with those feeds */
    public Scenario withFeeds(List<Feed> f) {
        return new Scenario(name, inputs.withFeeds(f), parameters);
    }

    /** @param o the oracle model @return a copy with that oracle model for every mapped symbol */
    public Scenario withOracle(OracleParameters o) {
        return withParameters(parameters.withOracle(o));
    }

    /** @param d the books @return a copy with that depth */
    public Scenario withDepth(Depth d) {
        return new Scenario(name, inputs.withDepth(d), parameters);
    }

    /** @param l the liquidity rules @return a copy with those rules */
    public Scenario withLiquidity(LiquidityParameters l) {
        return withParameters(parameters.withLiquidity(l));
    }

    /** @param l the liquidation parameters @return a copy with them */
    public Scenario withLiquidation(LiquidationParameters l) {
        return withParameters(parameters.withLiquidation(l));
    }

    /** @param policy a deleveraging policy's name @return a copy with that policy */
    public Scenario withDeleveraging(String policy) {
        return withParameters(parameters.withDeleveraging(policy));
    }

    /** @param usd opening balance, USD @return a copy with that insurance fund */
    public Scenario withInsuranceFundUsd(double usd) {
        return new Scenario(name, inputs.withInsuranceFundUsd(usd), parameters);
    }

    /** @param s the shocks, in order @return a copy with those shocks */
    public Scenario withShocks(List<Shock> s) {
        return new Scenario(name, inputs.withShocks(s), parameters);
    }

    /** @param s the seed @return a copy with that seed */
    public Scenario withSeed(long s) {
        return new Scenario(name, inputs.withSeed(s), parameters);
    }

    /** @param d the dynamic margin parameters @return a copy with them */
    public Scenario withDynamicMargin(DynamicMarginParameters d) {
        return withParameters(parameters.withDynamicMargin(d));
    }

    /**
     * @param b    another book (its prices the opening prices, its definitions the parameters' from now on)
     * @param from the generator's parameters when it was generated, else null
     * @return a copy over that book
     */
    public Scenario withBook(Book b, PopulationParameters from) {
        return new Scenario(name, inputs.withBook(b, from), parameters.withDefinitionsOf(b));
    }

    /** @param w the simulated time to replay @return a copy replaying that window */
    public Scenario withWindow(Window w) {
        return new Scenario(name, inputs.withWindow(w), parameters);
    }

    /**
     * @param asset an asset's symbol
     * @return the feed symbols that price it, in the scenario's order of preference (a {@link PriceSource}'s order,
     *         else the one symbol mapped to it); empty when none does
     */
    public List<String> sourcesOf(String asset) {
        PriceSource ps = priceSources().get(asset);
        if (ps != null) {
            return ps.symbols();
        }
        List<String> out = new ArrayList<>();
        symbols().forEach((feed, a) -> {
            if (a.equals(asset)) {
                out.add(feed);
            }
        });
        java.util.Collections.sort(out);
        return out;
    }

    /**
     * How an asset priced by several feed symbols gets its one price: never an interleave of their prices.
     *
     * @param method  {@code median}: the median of the latest price of every source whose oracle is fresh (all stale:
     *                the last median stands); {@code priority}: the price of the first source in {@code symbols}
     *                whose oracle is fresh (all stale: the last price stands)
     * @param symbols the feed symbols, at least two, no repeats; for {@code priority}, most preferred first
     */
    public record PriceSource(Method method, List<String> symbols) {
        /** How the sources combine. */
        public enum Method {
            /** The median of the fresh sources' latest prices. */
            MEDIAN,
            /** The first fresh source in order. */
            PRIORITY;

            /** @return the name in scenario files */
            public String fileName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public PriceSource {
            Objects.requireNonNull(method, "method");
            symbols = List.copyOf(symbols);
            if (symbols.size() < 2 || new java.util.HashSet<>(symbols).size() != symbols.size()) {
                throw new IllegalArgumentException("expected at least two different feed symbols, was " + symbols);
            }
        }
    }

    /**
     * The simulated time a scenario replays: feed events stamped before {@code startMs} or at or after {@code endMs}
     * are skipped (so that full-day files can be replayed over the hours a book was built for).
     *
     * @param startMs the first instant replayed, ms since the Unix epoch, UTC
     * @param endMs   the end, exclusive, ms since the Unix epoch, UTC, {@code > startMs}
     */
    public record Window(long startMs, long endMs) {
        /** Every event. */
        public static final Window ALL = new Window(Long.MIN_VALUE, Long.MAX_VALUE);

        public Window {
            if (endMs <= startMs) {
                throw new IllegalArgumentException("expected an end after the start " + startMs + " ms, was "
                        + endMs);
            }
        }

        /** @return whether every event is replayed */
        public boolean all() {
            return startMs == Long.MIN_VALUE && endMs == Long.MAX_VALUE;
        }

        /** @param tMs ms since the Unix epoch, UTC @return whether an event at t is replayed */
        public boolean contains(long tMs) {
            return tMs >= startMs && tMs < endMs;
        }
    }

    /**
     * The books of a scenario's markets: a scenario-wide default and, per market, its own.
     *
     * @param defaultPerPercentUsd the depth of every market not listed, on each side: notional USD within each 1% of
     *                             the price, finite and {@code > 0}
     * @param defaultMaxDistance   the backstop distance of every market not listed, a fraction, {@code 0.01 <= d < 1}
     *                             ({@link DepthCurve}: no fill is further from the oracle price)
     * @param markets              market symbol (such as {@code ETH-PERP}) to its own depth, in the scenario's order
     */
    public record Depth(double defaultPerPercentUsd, double defaultMaxDistance, Map<String, MarketDepth> markets) {
        public Depth {
            if (!(defaultPerPercentUsd > 0) || defaultPerPercentUsd == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("expected a default depth > 0 USD per 1%, was "
                        + defaultPerPercentUsd);
            }
            checkMaxDistance(defaultMaxDistance);
            markets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(markets));
        }

        /** Every market not listed with the default backstop. */
        public Depth(double defaultPerPercentUsd, Map<String, MarketDepth> markets) {
            this(defaultPerPercentUsd, DepthCurve.DEFAULT_MAX_DISTANCE, markets);
        }

        /** @param perPercentUsd USD within each 1%, each side @return every market with that constant depth */
        public static Depth uniform(double perPercentUsd) {
            return new Depth(perPercentUsd, Map.of());
        }

        /**
         * @param market a market's symbol
         * @return its book over time: its recorded history, or a constant linear book of its (or the default) depth
         * per 1% out to its (or the default) backstop distance
         */
        public DepthHistory historyOf(String market) {
            return switch (markets.get(market)) {
                case null -> constant(defaultPerPercentUsd, defaultMaxDistance);
                case ConstantDepth c -> constant(c.perPercentUsd(), c.maxDistance());
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

        private static DepthHistory constant(double perPercentUsd, double maxDistance) {
            return DepthHistory.constant(DepthSnapshot.symmetric(0, DepthCurve.linear(perPercentUsd, maxDistance)));
        }
    }

    private static void checkMaxDistance(double d) {
        if (!(d >= 0.01 && d < 1)) {
            throw new IllegalArgumentException("expected a backstop distance with 0.01 <= maxDistance < 1, was " + d);
        }
    }

    /** One market's own depth in a scenario. */
    public sealed interface MarketDepth permits ConstantDepth, RecordedDepth {
    }

    /**
     * A constant linear book.
     *
     * @param perPercentUsd notional USD within each 1% of the price, each side, finite and {@code > 0}
     * @param maxDistance   its backstop distance, a fraction, {@code 0.01 <= d < 1}
     */
    public record ConstantDepth(double perPercentUsd, double maxDistance) implements MarketDepth {
        public ConstantDepth {
            if (!(perPercentUsd > 0) || perPercentUsd == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("expected a depth > 0 USD per 1%, was " + perPercentUsd);
            }
            checkMaxDistance(maxDistance);
        }

        /** @param perPercentUsd USD within each 1%, each side: with the default backstop */
        public ConstantDepth(double perPercentUsd) {
            this(perPercentUsd, DepthCurve.DEFAULT_MAX_DISTANCE);
        }
    }

    /**
     * A recorded book (Binance {@code bookDepth} CSV), read once when the scenario is read.
     *
     * @param file        the depth file
     * @param symbol      the symbol whose rows were read, such as {@code BTCUSDT}
     * @param scale       the factor applied to every recorded notional ({@code > 0}; 1 as recorded): another
     *                    market's book modelled on this one
     * @param maxDistance the backstop distance of its curves, a fraction
     * @param history     the snapshots read from it, scaled
     */
    public record RecordedDepth(Path file, String symbol, double scale, double maxDistance, DepthHistory history)
            implements MarketDepth {
        public RecordedDepth {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(history, "history");
            if (!(scale > 0) || !Double.isFinite(scale)) {
                throw new IllegalArgumentException("expected a scale > 0, was " + scale);
            }
        }
    }

    /** A price source of a scenario. */
    public sealed interface Feed permits RecordedFeed, SyntheticFeed, CorrelatedFeed, StreamFeed {
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
     * A feed a scenario file cannot name, opened by code: a live venue's stream ({@code feed.live.LiveStream}: a
     * live run), or a journal of a live session replayed ({@code io.live.LiveSession}). Each replay, restore and fork
     * opens it again from its first event.
     *
     * @param name   what it is called in messages, such as {@code binance-futures live} or the journal's file name
     * @param source opens a new reader at its first event
     * @param file   the file it reads, for progress estimates ({@code sim.ScenarioFeeds#endHintMs}), or null (a live
     *               stream)
     */
    public record StreamFeed(String name, io.solvent.engine.feed.FeedSource source, Path file) implements Feed {
        public StreamFeed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Seeded correlated paths of several symbols (Monte Carlo stress).
     *
     * @param parameters the paths' parameters
     */
    public record CorrelatedFeed(io.solvent.engine.feed.synthetic.CorrelatedPathParameters parameters) implements Feed {
    }
}
