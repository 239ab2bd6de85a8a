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

    /** Half an hour of synthetic BTC and ETH from 2025-10-10 20:40 UTC, both falling 20% over five minutes from 20:50. */
    static Path scenario(Path dir, String markets) throws Exception {
        return scenario(dir, markets, true);
    }

    /** As {@link #scenario(Path, String)}, ETH crashing too or not. */
    static Path scenario(Path dir, String markets, boolean ethCrashes) throws Exception {
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
                 "shocks": [{"type": "crash", "symbol": "BTCUSD", "startMs": %d, "drop": 0.2, "crashMs": 300000},
                            {"type": "crash", "symbol": "%s", "startMs": %d, "drop": 0.2, "crashMs": 300000}]}
                """.formatted(BOOK.toAbsolutePath().normalize().toString().replace("\\", "/"), start, start, markets,
                start + 600_000, ethCrashes ? "ETHUSD" : "BTCUSD", start + 600_000);
        Path f = dir.resolve("depth-scenario.json");
        Files.writeString(f, text);
        return f;
    }

    static List<SimulationEvent> liquidations(Scenario s, int market) {
        List<SimulationEvent> events = new ArrayList<>();
        ReplayRunner.Result r = ReplayRunner.run(s, ReplaySink.events(events::add));
        assertTrue(r.summary().maxLedgerImbalance() <= 1e-9, "imbalance " + r.summary().maxLedgerImbalance());
        // the fills against the book (a position the book cannot take is handed over at the mark)
        return events.stream().filter(e -> e.kind() == SimulationEvent.Kind.LIQUIDATION && e.market() == market
                && !e.detail().startsWith("handed over")).toList();
    }

    @Test
    void recordedBtcDepthGivesOtherFillsThanTheConstantDefault(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(DEPTH), "shared crash data not present at " + DEPTH.toAbsolutePath() + ": skipping");
        String depthPath = DEPTH.toAbsolutePath().normalize().toString().replace("\\", "/");
        Scenario constant = ScenarioReader.read(scenario(dir, "", false));
        Scenario recorded = ScenarioReader.read(scenario(dir,
                ", \"markets\": {\"BTC-PERP\": {\"depthFile\": \"" + depthPath + "\"}}", false));
        assertTrue(recorded.files().stream().anyMatch(p -> p.endsWith(DEPTH.getFileName())),
                "the depth file is an input (its SHA-256 goes in the manifest): " + recorded.files());
        Scenario.RecordedDepth btc = (Scenario.RecordedDepth) recorded.depth().markets().get("BTC-PERP");
        assertEquals("BTCUSDT", btc.symbol(), "the file's only symbol");
        assertEquals(1440, btc.history().size());

        int btcPerp = marketIndex(constant, "BTC-PERP");
        int ethPerp = marketIndex(constant, "ETH-PERP");
        List<SimulationEvent> btcConstant = liquidations(constant, btcPerp);
        List<SimulationEvent> btcRecorded = liquidations(recorded, btcPerp);
        assertTrue(!btcConstant.isEmpty() && !btcRecorded.isEmpty(), "the fall liquidates BTC-PERP positions");
        // $2M per 1% against the recorded book's hundreds of millions within 5%: the largest fill both books made (the
        // same sub-account at the same moment) fills closer to the reference price on the recorded book
        SimulationEvent a = btcConstant.stream().filter(x -> btcRecorded.stream().anyMatch(y -> same(x, y)))
                .max(java.util.Comparator.comparingDouble(SimulationEvent::amountUsd)).orElseThrow();
        SimulationEvent b = btcRecorded.stream().filter(e -> same(a, e)).findFirst().orElseThrow();
        double gap = Math.abs(a.priceUsd() - b.priceUsd()) / a.priceUsd();
        System.out.printf("largest BTC-PERP liquidation (%.0f USD, size %.4f): fill %.2f on $2M per 1%%, %.2f on the"
                + " recorded BTCUSDT book (%.1f bp apart); %d vs %d fills%n", a.amountUsd(), a.size(), a.priceUsd(),
                b.priceUsd(), gap * 1e4, btcConstant.size(), btcRecorded.size());
        assertTrue(gap > 1e-4, "more than 1 bp apart: " + gap);
        // a long is sold into the bids: the deeper recorded book fills higher
        assertEquals(Math.signum(a.size()), Math.signum(b.priceUsd() - a.priceUsd()), "less slippage on the deeper book");
        // ETH-PERP keeps the scenario-wide default book in both (its fills differ only through the cross accounts that
        // hold both markets)
        assertEquals(constant.depth().historyOf("ETH-PERP").get(0), recorded.depth().historyOf("ETH-PERP").get(0));
        assertTrue(ethPerp != btcPerp);
    }

    private static boolean same(SimulationEvent x, SimulationEvent y) {
        return x.subAccount() == y.subAccount() && x.timeMs() == y.timeMs();
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
