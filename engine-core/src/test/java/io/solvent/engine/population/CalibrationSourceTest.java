package io.solvent.engine.population;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Recomputes the generator's calibrated constants from the shared data they were taken from, so that every number in
 * {@link PopulationUniverse} is traceable: percentiles (linear interpolation between order statistics), shares,
 * counts and prices. Skipped when the shared data is absent; the generator itself never reads it.
 */
class CalibrationSourceTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");

    @BeforeAll
    static void dataPresent() {
        assumeTrue(Files.isDirectory(DATA.resolve("positions_2025-10-10")), "shared position data not present at "
                + DATA.toAbsolutePath() + ": skipping");
    }

    private static List<Map<String, String>> csv(String relative) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(relative), StandardCharsets.UTF_8);
        String[] header = lines.getFirst().split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The p-quantile by linear interpolation between order statistics (numpy's default). */
    private static double quantile(List<Double> sorted, double p) {
        double k = (sorted.size() - 1) * p;
        int f = (int) Math.floor(k);
        int c = Math.min(f + 1, sorted.size() - 1);
        return sorted.get(f) + (sorted.get(c) - sorted.get(f)) * (k - f);
    }

    private static void assertAnchors(LogQuantileCurve curve, List<Double> sorted, double from, double to,
                                      String what) {
        double[] p = curve.probabilities();
        double[] v = curve.values();
        int checked = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= from && p[i] <= to) {
                assertEquals(quantile(sorted, p[i]), v[i], 1e-3 * v[i] + 1e-4, what + " at p" + p[i]);
                checked++;
            }
        }
        assertEquals(true, checked >= 5, what + ": anchors checked " + checked);
    }

    private static List<Double> column(List<Map<String, String>> rows, String name,
                                       Predicate<Map<String, String>> filter) {
        List<Double> xs = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (filter.test(r)) {
                xs.add(Double.parseDouble(r.get(name)));
            }
        }
        Collections.sort(xs);
        return xs;
    }

    private static double shareAtLeast(List<Double> sorted, double x) {
        return (double) sorted.stream().filter(v -> v >= x).count() / sorted.size();
    }

    @Test
    void equityAndLeverageCurvesAreTheAdlAccountsPercentiles() throws IOException {
        List<Map<String, String>> users = csv("positions_2025-10-10/hl_adl_by_user.csv");
        assertEquals(19_337, users.size());
        assertAnchors(PopulationUniverse.EQUITY, column(users, "account_value_realtime", r -> true), 0.05, 0.999,
                "equity");
        Predicate<Map<String, String>> large = r -> Double.parseDouble(r.get("account_value_realtime"))
                >= PopulationUniverse.SMALL_ACCOUNT_EQUITY;
        List<Double> largeLeverage = column(users, "leverage_realtime", large);
        List<Double> smallLeverage = column(users, "leverage_realtime", large.negate());
        assertEquals(16_402, largeLeverage.size());
        assertAnchors(PopulationUniverse.LEVERAGE_LARGE, largeLeverage, 0.01, 0.99, "leverage, >= 100 USD");
        assertAnchors(PopulationUniverse.LEVERAGE_SMALL, smallLeverage, 0.05, 0.85, "leverage, < 100 USD");
        assertEquals(quantile(smallLeverage, 0.90), PopulationUniverse.LEVERAGE_SMALL.valueAt(0.90), 1e-3 * 23.78);
        // the tails: shares at or above 20x/50x/100x (large) and 10x/20x/50x/100x (small) place those anchors
        assertEquals(1 - 0.9968, shareAtLeast(largeLeverage, 20), 5e-5);
        assertEquals(1 - 0.9988, shareAtLeast(largeLeverage, 50), 5e-5);
        assertEquals(1 - 0.9994, shareAtLeast(largeLeverage, 100), 5e-5);
        assertEquals(1 - 0.8552, shareAtLeast(smallLeverage, 10), 5e-5);
        assertEquals(1 - 0.8934, shareAtLeast(smallLeverage, 20), 5e-5);
        assertEquals(1 - 0.9162, shareAtLeast(smallLeverage, 50), 5e-5);
        assertEquals(1 - 0.9298, shareAtLeast(smallLeverage, 100), 5e-5);
    }

    @Test
    void isolatedShareLongSharesAndMarketWeights() throws IOException {
        List<Map<String, String>> liquidations = csv("hyperliquid_2023-2025/hl_liquidations_2023-02_05.csv");
        long isolated = liquidations.stream().filter(r -> r.get("margin_mode").equals("Isolated")).count();
        assertEquals(PopulationUniverse.ISOLATED_SHARE, (double) isolated / liquidations.size(), 1e-12);

        List<Map<String, String>> positions = csv("positions_2025-10-10/hl_btc_sol_positions_2115-2127.csv");
        Map<String, PopulationMarket> markets = new HashMap<>();
        PopulationUniverse.standard().markets().forEach(m -> markets.put(m.market().underlying(), m));
        for (String coin : List.of("BTC", "SOL")) {
            long all = positions.stream().filter(r -> r.get("asset").equals(coin)).count();
            long longs = positions.stream().filter(r -> r.get("asset").equals(coin) && r.get("side").equals("LONG"))
                    .count();
            assertEquals(markets.get(coin).longShare(), (double) longs / all, 5e-4, coin + " long share");
        }
        for (Map<String, String> r : csv("positions_2025-10-10/hl_liq_adl_by_coin_2115-2127.csv")) {
            PopulationMarket m = markets.get(r.get("coin"));
            if (m != null) {
                assertEquals(Double.parseDouble(r.get("total_fills")), m.weight(), 0, r.get("coin") + " weight");
            }
        }
    }

    /** The closes of 20:59 UTC (not 19:59, as they once were), from the source the 2025-10-10 scenario replays. */
    @Test
    void pricesAreThe2059UtcClosesToFiveFigures() throws IOException {
        long t = 1_760_129_940_000L; // 2025-10-10 20:59:00 UTC
        assertEquals("2025-10-10T20:59:00Z", java.time.Instant.ofEpochMilli(t).toString());
        Map<String, String> sourceFile = Map.of("BTC-USD_OKXindex", "okx_BTC-USD_index_1m_derived_2025-10-10.csv",
                "ETHUSD", "gemini_spot_1m_2025-10-10.csv", "ENA-USD", "coinbase_spot_1m_2025-10-10.csv",
                "AAVEUSD_PERP", "binance_coinm_perp_1m_2025-10-10.csv", "DOTUSD_PERP",
                "binance_coinm_perp_1m_2025-10-10.csv");
        Map<String, String> symbolOf = new HashMap<>(Map.of("BTC", "BTC-USD_OKXindex", "ETH", "ETHUSD", "ENA",
                "ENA-USD", "AAVE", "AAVEUSD_PERP", "DOT", "DOTUSD_PERP"));
        for (String coin : List.of("SOL", "XRP", "DOGE", "LINK", "AVAX")) {
            symbolOf.put(coin, coin + "USDT");
        }
        Map<String, Double> close = new HashMap<>();
        for (Map.Entry<String, String> e : symbolOf.entrySet()) {
            String file = sourceFile.getOrDefault(e.getValue(), "binance_usdm_perp_1m_2025-10-10.csv");
            for (Map<String, String> r : csv("crash_2025-10-10/" + file)) {
                if (Long.parseLong(r.get("timestamp_ms")) == t && r.get("symbol").equals(e.getValue())) {
                    close.put(e.getKey(), Double.parseDouble(r.get("close")));
                }
            }
        }
        for (PopulationAsset a : PopulationUniverse.standard().assets()) {
            if (!a.symbol().equals(PopulationUniverse.QUOTE)) {
                assertEquals(PopulationGenerator.significant5(close.get(a.symbol())), a.price(), 0, a.symbol());
            }
        }
    }
}
