package io.solvent.engine.population;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The calibrated constants of the population: the default universe of assets and markets with prices, tiers and
 * weights, and the distributions the generator draws from. Every number's source is given here and in
 * {@code docs/population.md}; the generator needs no data file at run time.
 *
 * <p>Sources, by the names of {@code ../shared/data/PROVENANCE.md}:
 * <ul>
 *   <li>prices: closes of the 20:59 UTC minute on 2025-10-10 (the last minute before the crash), five significant
 *       figures, from the source the 2025-10-10 scenario replays for each asset: the OKX BTC-USD index for BTC,
 *       Gemini for ETH, Binance USDⓈ-M perpetuals for SOL, XRP, DOGE, LINK, AVAX, Coinbase for ENA, Binance COIN-M
 *       perpetuals for AAVE and DOT;</li>
 *   <li>daily volatilities: standard deviation of the 1-minute log returns of Gemini (BTC, ETH, SOL, XRP) and
 *       Coinbase (the others) from 00:00 to 20:59 UTC on 2025-10-10, times √1440 (microstructure noise included, so
 *       slightly high);</li>
 *   <li>tiers: Hyperliquid's documented mainnet margin tiers (max leverage per notional bracket; initial margin
 *       fraction 1/maxLeverage, maintenance half of it, as Hyperliquid defines it);</li>
 *   <li>market weights: liquidation plus ADL fills per coin on Hyperliquid, 21:15–21:27 UTC on 2025-10-10
 *       ({@code hl_liq_adl_by_coin_2115-2127.csv}), a proxy for the number of positions per coin;</li>
 *   <li>long shares: BTC 64.8 %, SOL 49.0 % (positions active 21:15–21:27, {@code hl_btc_sol_positions_2115-2127.csv});
 *       other markets their mean, 56.9 % (an assumption);</li>
 *   <li>lot sizes: Hyperliquid's {@code szDecimals} ({@code hl_asset_params_snapshot_2025-04.csv});</li>
 *   <li>collateral weights: Mango v4's listing presets, PREMIUM (BTC, ETH, SOL) and MID (the others);</li>
 *   <li>equity and leverage: percentiles of the 19,337 ADL'd accounts ({@code hl_adl_by_user.csv}, cash account value
 *       and {@code leverage_realtime}, the latter for accounts under and over 100 USD separately);</li>
 *   <li>isolated share: 8 of the 62 liquidations in {@code hl_liquidations_2023-02_05.csv} were isolated (12.9 %).</li>
 * </ul>
 * Numbers not in any data set (sub-accounts per account, positions and balances per sub-account, the collateral mix,
 * the holding period) are assumptions chosen for the benchmark's workload of about two positions and two balances
 * per sub-account; {@code docs/population.md} marks them as such.
 */
public final class PopulationUniverse {
    /** Symbol of the quote asset, priced at 1 USD. */
    public static final String QUOTE = "USDC";

    /** Probability that a sub-account is isolated: 8 / 62 (Hyperliquid liquidations 2023-02..05). */
    public static final double ISOLATED_SHARE = 8.0 / 62.0;

    /** Probabilities of 1, 2, 3 sub-accounts per account (assumption). */
    public static final double[] SUBACCOUNTS_PER_ACCOUNT = {0.60, 0.25, 0.15};

    /** Probabilities of 1, 2, 3, 4 positions in a cross sub-account (assumption; isolated ones hold exactly 1). */
    public static final double[] CROSS_POSITIONS = {0.28, 0.33, 0.22, 0.17};

    /** Probabilities of 1, 2, 3 balances in a cross sub-account (assumption; isolated ones hold USDC only). */
    public static final double[] CROSS_BALANCES = {0.15, 0.55, 0.30};

    /** Probability that a cross sub-account with collateral besides USDC borrows USDC against it (assumption). */
    public static final double BORROW_SHARE = 0.20;

    /** Age of a position in days, which sets the spread of entry prices around the price (assumption). */
    public static final double HOLDING_DAYS = 3.0;

    /** Entry-price deviations are standard normals truncated at this many standard deviations. */
    public static final double ENTRY_TRUNCATION = 2.5;

    /**
     * Sub-accounts drawn above the leverage initial margin allows are placed between that leverage and the one at
     * which their maintenance health factor is this (so none is liquidatable).
     */
    public static final double TAIL_HEALTH_FACTOR = 1.1;

    /**
     * Account equity in USD: percentiles p5, p10, ..., p95, p97, p98, p99, p99.5, p99.9 of the cash account value
     * of the 19,337 ADL'd accounts of 2025-10-10 ({@code hl_adl_by_user.csv}, computed by hand; p10/p25/p50/p75/p90/
     * p95/p99 agree with positions-data.md §3.3); floor 1 USD at p0, cap 100 M USD at p100 (assumptions).
     */
    public static final LogQuantileCurve EQUITY = new LogQuantileCurve(
            new double[] {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6,
                0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999, 1},
            new double[] {1, 12.48, 39.37, 96.98, 196.78, 279.36, 326.72, 413.43, 545.09,
                702.64, 940.73, 1_282.25, 1_792.31, 2_611.70, 3_952.49, 6_035.57, 9_682.32, 18_471.22,
                43_664.39, 178_332.36, 363_341.33, 626_906.58, 1_666_705.56, 4_468_966.55, 25_173_378.88, 100_000_000});

    /**
     * Accounts whose equity is below this (USD) draw their leverage from {@link #LEVERAGE_SMALL}, the others from
     * {@link #LEVERAGE_LARGE}: in the data small accounts are far more levered (median 1.67× against 0.36×).
     */
    public static final double SMALL_ACCOUNT_EQUITY = 100;

    /**
     * Leverage (notional / equity) of accounts with at least {@link #SMALL_ACCOUNT_EQUITY} of equity: percentiles
     * p1, p2.5, p5, p10, p15, ..., p95, p97, p98, p99 of {@code leverage_realtime} of the 16,402 ADL'd accounts
     * with at least 100 USD of cash, then the tail from the shares at or above 20× (0.32 %), 50× (0.12 %) and 100×
     * (0.06 %); floor 0.001× at p0, cap 200× at p100 (assumptions). Draws above what a sub-account's margin allows
     * are capped by the generator.
     */
    public static final LogQuantileCurve LEVERAGE_LARGE = new LogQuantileCurve(
            new double[] {0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
                0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.9968,
                0.9988, 0.9994, 1},
            new double[] {0.001, 0.003209, 0.004526, 0.005868, 0.04497, 0.08515, 0.1123, 0.1448, 0.1796,
                0.2105, 0.2471, 0.288, 0.3599, 0.4331, 0.5504, 0.6846, 0.7614, 0.8226,
                0.9544, 1.173, 1.866, 3.645, 5.208, 6.82, 10.21, 20, 50,
                100, 200});

    /**
     * Leverage of accounts with less than {@link #SMALL_ACCOUNT_EQUITY} of equity: percentiles p5, p10, ..., p85 and
     * p90 of the 2,935 ADL'd accounts with less than 100 USD of cash, then the shares at or above 10× (14.48 %), 20×
     * (10.66 %), 50× (8.38 %) and 100× (7.02 %); floor 0.001× at p0, cap 200× at p100. Above about 20× these are
     * mostly accounts with almost no cash (artefacts, per the source); the generator caps them at the margin limit.
     */
    public static final LogQuantileCurve LEVERAGE_SMALL = new LogQuantileCurve(
            new double[] {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6,
                0.65, 0.7, 0.75, 0.8, 0.85, 0.8552, 0.8934, 0.9, 0.9162, 0.9298, 1},
            new double[] {0.001, 0.03174, 0.163, 0.2756, 0.3995, 0.5269, 0.6625, 0.8317, 1.028,
                1.272, 1.67, 2.078, 2.535, 3.099, 4.075, 5.32, 6.751, 9.6,
                10, 20, 23.78, 50, 100, 200});

    private static final double LONG_BTC = 0.648;
    private static final double LONG_SOL = 0.490;
    private static final double LONG_OTHER = (LONG_BTC + LONG_SOL) / 2;

    private static final List<PopulationAsset> ASSETS = List.of(
            new PopulationAsset(Asset.of(QUOTE), 1, 0, 2),
            new PopulationAsset(premium("BTC"), 114_310, 0.4, 6),
            new PopulationAsset(premium("ETH"), 3_863.0, 0.4, 5),
            new PopulationAsset(premium("SOL"), 196.88, 0.2, 3),
            new PopulationAsset(mid("XRP"), 2.4962, 0, 1),
            new PopulationAsset(mid("DOGE"), 0.21897, 0, 0),
            new PopulationAsset(mid("LINK"), 19.521, 0, 2),
            new PopulationAsset(mid("AVAX"), 25.002, 0, 2),
            new PopulationAsset(mid("ENA"), 0.4664, 0, 0),
            new PopulationAsset(mid("AAVE"), 245.3, 0, 3),
            new PopulationAsset(mid("DOT"), 3.702, 0, 2));

    private static final List<PopulationMarket> MARKETS = List.of(
            perp("BTC", 114_310, 150e6, 40, 20, 7_862, LONG_BTC, 0.0252, 5),
            perp("ETH", 3_863.0, 100e6, 25, 15, 4_960, LONG_OTHER, 0.0463, 4),
            perp("SOL", 196.88, 70e6, 20, 10, 8_594, LONG_SOL, 0.0544, 2),
            perp("XRP", 2.4962, 40e6, 20, 10, 1_642, LONG_OTHER, 0.0427, 0),
            perp("DOGE", 0.21897, 20e6, 10, 5, 756, LONG_OTHER, 0.0491, 0),
            perp("LINK", 19.521, 20e6, 10, 5, 1_480, LONG_OTHER, 0.0482, 1),
            perp("AVAX", 25.002, 20e6, 10, 5, 1_396, LONG_OTHER, 0.0429, 2),
            perp("ENA", 0.4664, 20e6, 10, 5, 1_606, LONG_OTHER, 0.0693, 0),
            perp("AAVE", 245.3, 20e6, 10, 5, 390, LONG_OTHER, 0.0430, 2),
            perp("DOT", 3.702, 3e6, 10, 5, 434, LONG_OTHER, 0.0521, 1));

    private final List<PopulationAsset> assets;
    private final List<PopulationMarket> markets;

    private PopulationUniverse(List<PopulationAsset> assets, List<PopulationMarket> markets) {
        this.assets = List.copyOf(assets);
        this.markets = List.copyOf(markets);
    }

    /** @return the whole default universe: USDC and ten assets, ten perpetual markets */
    public static PopulationUniverse standard() {
        return new PopulationUniverse(ASSETS, MARKETS);
    }

    /** @return the symbols of the default universe's markets, in book order */
    public static List<String> standardMarketSymbols() {
        return MARKETS.stream().map(PopulationMarket::symbol).toList();
    }

    /**
     * @param marketSymbols symbols of markets of the default universe, at least one, no repeats
     * @return the universe restricted to those markets (in the default order), the quote asset, the collateral assets
     *         and the markets' underlyings
     * @throws IllegalArgumentException naming an unknown or repeated market
     */
    public static PopulationUniverse of(List<String> marketSymbols) {
        if (marketSymbols.isEmpty()) {
            throw new IllegalArgumentException("expected at least one market");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : marketSymbols) {
            if (MARKETS.stream().noneMatch(m -> m.symbol().equals(s))) {
                throw new IllegalArgumentException("unknown market '" + s + "'; expected some of "
                        + String.join(",", standardMarketSymbols()));
            }
            if (!wanted.add(s)) {
                throw new IllegalArgumentException("market '" + s + "' given twice");
            }
        }
        List<PopulationMarket> chosen = MARKETS.stream().filter(m -> wanted.contains(m.symbol())).toList();
        Set<String> needed = new LinkedHashSet<>();
        chosen.forEach(m -> needed.add(m.market().underlying()));
        List<PopulationAsset> keep = new ArrayList<>();
        for (PopulationAsset a : ASSETS) {
            if (a.symbol().equals(QUOTE) || a.collateralWeight() > 0 || needed.contains(a.symbol())) {
                keep.add(a);
            }
        }
        return new PopulationUniverse(keep, chosen);
    }

    /** @return the assets, the quote asset first */
    public List<PopulationAsset> assets() {
        return assets;
    }

    /** @return the markets */
    public List<PopulationMarket> markets() {
        return markets;
    }

    /** Mango v4 PREMIUM preset: initial/maintenance asset weight 0.8/0.9, liability weight 1.2/1.1. */
    private static Asset premium(String symbol) {
        return new Asset(symbol, 0.8, 0.9, 1.2, 1.1, 0);
    }

    /** Mango v4 MID preset: initial/maintenance asset weight 0.5/0.75, liability weight 1.4/1.2. */
    private static Asset mid(String symbol) {
        return new Asset(symbol, 0.5, 0.75, 1.4, 1.2, 0);
    }

    /**
     * A Hyperliquid-style perpetual: max leverage {@code lev1} up to {@code bound} USD of notional, {@code lev2} past
     * it; initial margin fraction 1/lev, maintenance half of it; liquidation fee 1 %, or half the first maintenance
     * fraction where that is smaller; positive PnL counted in full.
     */
    private static PopulationMarket perp(String underlying, double price, double bound, int lev1, int lev2,
                                         double weight, double longShare, double dailyVol, int sizeDecimals) {
        List<MarginTier> tiers = List.of(new MarginTier(bound, 1.0 / lev1, 0.5 / lev1),
                new MarginTier(Double.POSITIVE_INFINITY, 1.0 / lev2, 0.5 / lev2));
        double fee = Math.min(Market.DEFAULT_LIQUIDATION_FEE, 0.25 / lev1);
        Market market = new Market(underlying + "-PERP", underlying, tiers, fee, 1.0);
        return new PopulationMarket(market, price, weight, longShare, dailyVol, sizeDecimals);
    }
}
