package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oracle's mark and confidence rules reach the engine (they were parsed nowhere and used by nothing): under
 * {@code widen} every exposure is valued on its conservative side of P ± c, and with a mark method the engine values at
 * the mark, venue prices moving it.
 */
class OracleValuationTest {
    private static final long T0 = 1_760_130_000_000L;

    @TempDir
    Path dir;

    /** long 10 ETH at 2,000 on 1,500 USDC (maintenance 5%), and a short facing it. */
    private Path scenario(String oracle, String... files) throws IOException {
        Files.writeString(dir.resolve("book.json"), """
                {"format": 1, "assets": [{"symbol": "USDC"}, {"symbol": "ETH"}],
                 "markets": [{"symbol": "ETH-PERP", "underlying": "ETH", "liquidationFee": 0.01,
                              "tiers": [{"upTo": null, "initialMarginFraction": 0.1, "maintenanceMarginFraction": 0.05}]}],
                 "accounts": [
                   {"id": "long", "subaccounts": [{"id": "0", "mode": "cross", "balances": {"USDC": 1500},
                     "positions": [{"market": "ETH-PERP", "size": 10, "entryPrice": 2000}]}]},
                   {"id": "short", "subaccounts": [{"id": "0", "mode": "cross", "balances": {"USDC": 100000},
                     "positions": [{"market": "ETH-PERP", "size": -10, "entryPrice": 2000}]}]}],
                 "prices": {"USDC": 1, "ETH": 2000}}
                """);
        StringBuilder feeds = new StringBuilder();
        for (String f : files) {
            feeds.append(feeds.isEmpty() ? "" : ", ").append("{\"file\": \"").append(f).append("\"}");
        }
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"format\": 1, \"book\": \"book.json\", \"feeds\": [" + feeds + "],"
                + " \"symbols\": {\"ETHUSD\": \"ETH\"}, \"oracle\": " + oracle + "}");
        return s;
    }

    private static long liquidations(Path scenario) {
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.Result r = ReplayRunner.run(ScenarioReader.read(scenario), ReplaySink.events(events::add));
        assertEquals(0, r.summary().plausibilityViolations());
        return r.summary().liquidations();
    }

    @Test
    void aWideUpdateIsValuedOnEachExposuresConservativeSide() throws IOException {
        // 1,960 ± 60 (3% of the price, above a 1% limit): at 1,960 the long holds 1,100 against 980 of maintenance;
        // valued at 1,900 it holds 500 against 950, and is liquidated; rejected, the price stays 2,000
        Files.writeString(dir.resolve("ticks.csv"), "timestamp_ms,symbol,price,confidence\n"
                + T0 + ",ETHUSD,2000,1\n" + (T0 + 1000) + ",ETHUSD,1960,60\n");
        assertEquals(0, liquidations(scenario("{}", "ticks.csv")), "no confidence rule: valued at 1,960");
        assertEquals(0, liquidations(scenario("{\"maxConfidence\": 0.01, \"confidencePolicy\": \"reject\"}",
                "ticks.csv")), "rejected: the price stays 2,000");
        assertTrue(liquidations(scenario("{\"maxConfidence\": 0.01, \"confidencePolicy\": \"widen\"}", "ticks.csv"))
                > 0, "widened: the long at 1,900");
    }

    @Test
    void aMarkMethodValuesAtTheMarkThatVenuePricesMove() throws IOException {
        // the index stays at 2,000 while the venue's own book trades at 1,880: with Hyperliquid's median mark (of the
        // index plus a zero premium and the one venue price: 1,940) the long holds 900 against 970 and is liquidated;
        // at the index it holds 1,500 against 1,000
        Files.writeString(dir.resolve("index.csv"), "timestamp_ms,symbol,price\n"
                + T0 + ",ETHUSD,2000\n" + (T0 + 2000) + ",ETHUSD,2000\n");
        Files.writeString(dir.resolve("venue.csv"), "timestamp_ms,symbol,price\n" + (T0 + 1000) + ",ETHUSD,1880\n");
        assertEquals(0, liquidations(scenario("{\"mark\": {\"method\": \"index\", \"venueSources\": [\"venue.csv\"]}}",
                "index.csv", "venue.csv")), "at the index");
        assertTrue(liquidations(scenario("{\"mark\": {\"method\": \"median\", \"venueSources\": [\"venue.csv\"]}}",
                "index.csv", "venue.csv")) > 0, "at the mark");
    }

    /** Widening the price of any asset never raises any sub-account's maintenance health. */
    @Property(tries = 300)
    void wideningNeverRaisesHealth(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 0.2) double fraction) {
        MarginBook book = MarginBook.of(RandomBooks.generate(seed, 30), "USDC");
        int n = book.subAccounts().size();
        double[] before = new double[n];
        for (int s = 0; s < n; s++) {
            before[s] = book.maintenanceHealth(s);
        }
        for (int a = 0; a < book.assets().size(); a++) {
            book.setSpread(a, fraction * book.assets().price(a));
        }
        book.revalueAll();
        for (int s = 0; s < n; s++) {
            assertTrue(book.maintenanceHealth(s) <= before[s] + 1e-9 * Math.max(1, Math.abs(before[s])),
                    "sub-account " + s + ": " + before[s] + " -> " + book.maintenanceHealth(s));
        }
    }

    @Test
    void aScenarioReadsTheMarkAndConfidenceRules() throws IOException {
        Files.writeString(dir.resolve("ticks.csv"), "timestamp_ms,symbol,price\n" + T0 + ",ETHUSD,2000\n");
        Scenario s = ScenarioReader.read(scenario("{\"maxConfidence\": 0.02, \"confidencePolicy\": \"widen\","
                + " \"mark\": {\"method\": \"index-plus-premium-ema\", \"venueSources\": [\"ticks.csv\"],"
                + " \"premiumEmaMs\": 150000}}", "ticks.csv"));
        assertEquals(0.02, s.oracle().maxConfidence());
        assertEquals(io.solvent.engine.oracle.ConfidencePolicy.WIDEN, s.oracle().confidencePolicy());
        assertEquals(new io.solvent.engine.oracle.MarkParameters(io.solvent.engine.oracle.MarkMethod
                .INDEX_PLUS_PREMIUM_EMA, List.of("ticks.csv"), 150_000), s.oracle().mark());
    }
}
