package io.solvent.engine.sim;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Per-market depth in a scenario: BTC-PERP on the recorded 2025-10-10 BTCUSDT bookDepth (read from ../shared/data,
 * never copied), a per-market constant override, and every other market on the scenario-wide default.
 */
class MarketDepthReplayTest {
    static final Path DEPTH = Path.of("..", "..", "shared", "data", "crash_2025-10-10",
            "binance_usdm_BTCUSDT_bookdepth_2025-10-10_12-24UTC.csv");
    static final Path BOOK = Path.of("..", "assets", "books", "population-300.json");

    /** Half an hour of synthetic BTC and ETH from 2025-10-10 20:40 UTC, both dropping 20% at 20:50. */
    static Path scenario(Path dir, String markets) throws Exception {
        long start = 1_760_128_800_000L;
        String text = """
                {"format": 1, "book": "%s",
                 "feeds": [
                   {"synthetic": {"symbol": "BTCUSD", "initialPrice": 114310, "volatility": 0.5, "startMs": %d,
                                  "stepMs": 1000, "steps": 1800, "seed": 3}},
                   {"synthetic": {"symbol": "ETHUSD", "initialPrice": 3863.0, "volatility": 0.5, "startMs": %d,
                                  "stepMs": 1000, "steps": 1800, "seed": 4}}],
                 "symbols": {"BTCUSD": "BTC", "ETHUSD": "ETH"},
                 "liquidity": {"depthPerPercentUsd": 2000000 %s},
                 "insuranceFund": {"openingBalanceUsd": 100000},
                 "shocks": [{"type": "instant", "symbol": "BTCUSD", "atMs": %d, "drop": 0.2},
                            {"type": "instant", "symbol": "ETHUSD", "atMs": %d, "drop": 0.2}]}
                """.formatted(BOOK.toAbsolutePath().normalize().toString().replace("\\", "/"), start, start, markets,
                start + 600_000, start + 600_000);
        Path f = dir.resolve("depth-scenario.json");
        Files.writeString(f, text);
        return f;
    }

    static List<SimulationEvent> liquidations(Scenario s, int market) {
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.Result r = ReplayRunner.run(s, ReplaySink.events(events::add));
        assertTrue(r.summary().maxLedgerImbalance() <= 1e-9, "imbalance " + r.summary().maxLedgerImbalance());
        return events.stream().filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION && e.market() == market)
                .toList();
    }

    @Test
    void recordedBtcDepthGivesOtherFillsThanTheConstantDefault(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(DEPTH), "shared crash data not present at " + DEPTH.toAbsolutePath() + ": skipping");
        String depthPath = DEPTH.toAbsolutePath().normalize().toString().replace("\\", "/");
        Scenario constant = ScenarioReader.read(scenario(dir, ""));
        Scenario recorded = ScenarioReader.read(scenario(dir,
                ", \"markets\": {\"BTC-PERP\": {\"depthFile\": \"" + depthPath + "\"}}"));
        assertTrue(recorded.inputs().stream().anyMatch(p -> p.endsWith(DEPTH.getFileName())),
                "the depth file is an input (its SHA-256 goes in the manifest): " + recorded.inputs());
        Scenario.RecordedDepth btc = (Scenario.RecordedDepth) recorded.depth().markets().get("BTC-PERP");
        assertEquals("BTCUSDT", btc.symbol(), "the file's only symbol");
        assertEquals(1440, btc.history().size());

        int btcPerp = marketIndex(constant, "BTC-PERP");
        int ethPerp = marketIndex(constant, "ETH-PERP");
        List<SimulationEvent> btcConstant = liquidations(constant, btcPerp);
        List<SimulationEvent> btcRecorded = liquidations(recorded, btcPerp);
        assertTrue(!btcConstant.isEmpty() && !btcRecorded.isEmpty(), "the drop liquidates BTC-PERP positions");
        // $2M per 1% against the recorded book's hundreds of millions within 5%: the same first liquidation, the
        // largest fill, fills closer to the reference price on the recorded book
        assertEquals(btcConstant.getFirst().subAccount(), btcRecorded.getFirst().subAccount(), "the same first one");
        SimulationEvent a = btcConstant.stream().max(java.util.Comparator.comparingDouble(
                SimulationEvent::amountUsd)).orElseThrow();
        SimulationEvent b = btcRecorded.stream().filter(e -> e.subAccount() == a.subAccount() && e.timeMs() == a.timeMs())
                .findFirst().orElseThrow();
        double gap = Math.abs(a.priceUsd() - b.priceUsd()) / a.priceUsd();
        System.out.printf("largest BTC-PERP liquidation (%.0f USD, size %.4f): fill %.2f on $2M per 1%%, %.2f on the"
                + " recorded BTCUSDT book (%.1f bp apart); %d vs %d fills%n", a.amountUsd(), a.size(), a.priceUsd(),
                b.priceUsd(), gap * 1e4, btcConstant.size(), btcRecorded.size());
        assertTrue(gap > 1e-4, "more than 1 bp apart: " + gap);
        // a long is sold into the bids: the deeper recorded book fills higher
        assertEquals(Math.signum(a.size()), Math.signum(b.priceUsd() - a.priceUsd()), "less slippage on the deeper book");
        // ETH-PERP keeps the scenario-wide default in both
        assertEquals(liquidations(constant, ethPerp).getFirst(), liquidations(recorded, ethPerp).getFirst());
    }

    @Test
    void aPerMarketOverrideIsHonouredAndOthersKeepTheDefault(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, "");
        Scenario base = ScenarioReader.read(f);
        Scenario thin = ScenarioReader.read(f, Map.of("liquidity.markets.ETH-PERP.depthPerPercentUsd", "100000"));
        assertEquals(new Scenario.ConstantDepth(100_000), thin.depth().markets().get("ETH-PERP"));
        assertEquals(2_000_000, thin.depth().defaultPerPercentUsd());
        int btcPerp = marketIndex(base, "BTC-PERP");
        int ethPerp = marketIndex(base, "ETH-PERP");
        List<SimulationEvent> ethBase = liquidations(base, ethPerp);
        List<SimulationEvent> ethThin = liquidations(thin, ethPerp);
        SimulationEvent a = ethBase.getFirst();
        SimulationEvent b = ethThin.getFirst();
        assertEquals(a.subAccount(), b.subAccount(), "the same first ETH-PERP liquidation");
        assertEquals(a.timeMs(), b.timeMs());
        // a thinner book fills further from the reference: lower for a sale (closing a long), higher for a purchase
        assertEquals(-Math.signum(a.size()), Math.signum(b.priceUsd() - a.priceUsd()),
                "more slippage on the $100k book: " + a + " vs " + b);
        assertEquals(liquidations(base, btcPerp).getFirst(), liquidations(thin, btcPerp).getFirst(),
                "BTC-PERP keeps the default");
    }

    private static int marketIndex(Scenario s, String symbol) {
        for (int m = 0; m < s.book().markets().size(); m++) {
            if (s.book().markets().get(m).symbol().equals(symbol)) {
                return m;
            }
        }
        throw new AssertionError(symbol);
    }
}
