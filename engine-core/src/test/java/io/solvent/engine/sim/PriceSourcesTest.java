package io.solvent.engine.sim;

import io.solvent.engine.input.InputException;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One price per asset: several feed symbols on one asset never interleave; they combine by a median or an order of
 * preference, a silent source turns stale visibly, and a replay window skips what lies outside it.
 */
class PriceSourcesTest {
    private static final Path BOOK = Path.of("..", "assets", "books", "example.json").toAbsolutePath().normalize();
    private static final long T0 = 1_760_130_000_000L;

    @TempDir
    Path dir;

    /** A scenario over the example book (USDC, ETH, ETH-PERP) with the given ticks and mapping fields. */
    private Scenario scenario(String ticks, String mapping) throws IOException {
        Files.writeString(dir.resolve("ticks.csv"), "timestamp_ms,symbol,price\n" + ticks);
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"format": 1, "book": "%s", "feeds": [{"file": "ticks.csv"}], %s,
                 "oracle": {"staleAfterMs": 5000}}
                """.formatted(BOOK.toString().replace("\\", "/"), mapping));
        return ScenarioReader.read(f);
    }

    private static String tick(long dtMs, String symbol, double price) {
        return (T0 + dtMs) + "," + symbol + "," + price + "\n";
    }

    /** @return the ETH price of every metrics row, with its time */
    private static List<double[]> ethPrices(Scenario s, List<SimulationEvent> events) {
        List<double[]> out = new ArrayList<>();
        int eth = s.book().assets().stream().map(io.solvent.engine.model.Asset::symbol).toList().indexOf("ETH");
        ReplayRunner.run(s, new ReplaySink() {
            @Override
            public void event(SimulationEvent event, String account, String subaccount, String market) {
                events.add(event);
            }

            @Override
            public void metrics(MetricsRow row) {
                out.add(new double[] {row.timeMs() - T0, row.prices()[eth]});
            }
        });
        return out;
    }

    private static double priceAt(List<double[]> rows, long dtMs) {
        return rows.stream().filter(r -> r[0] == dtMs).findFirst().orElseThrow(() -> new AssertionError(
                "no metrics row at +" + dtMs + " ms")).clone()[1];
    }

    @Test
    void twoFeedSymbolsOnOneAssetWithoutARuleAreRefused() throws IOException {
        InputException e = assertThrows(InputException.class, () -> scenario(tick(0, "A", 2000) + tick(0, "B", 2100),
                "\"symbols\": {\"A\": \"ETH\", \"B\": \"ETH\"}"));
        assertTrue(e.getMessage().contains("$.symbols: feed symbols [A, B] all price asset ETH, and their prices would"
                + " interleave; map only one, or combine them with \"priceSources\""), e.getMessage());
    }

    @Test
    void theMedianOfTheFreshSources() throws IOException {
        String ticks = tick(0, "A", 2000) + tick(0, "B", 2200) + tick(0, "C", 1800)
                + tick(1000, "A", 2010)
                + tick(2000, "A", 2020) + tick(2000, "B", 2190)
                // B and C fall silent: from +7,001 ms B (last at +2,000) and C (at 0) are stale
                + tick(8000, "A", 2030)
                + tick(9000, "A", 2040);
        List<SimulationEvent> events = new ArrayList<>();
        List<double[]> rows = ethPrices(scenario(ticks, "\"priceSources\": {\"ETH\": {\"median\": [\"A\", \"B\", \"C\"]}}"),
                events);
        assertEquals(2000, priceAt(rows, 0), 0, "median of 2,000, 2,200 and 1,800");
        assertEquals(2010, priceAt(rows, 1000), 0);
        assertEquals(2020, priceAt(rows, 2000), 0, "median of 2,020, 2,190 and 1,800");
        // at +8,000 only A is fresh: the median of one
        assertEquals(2030, priceAt(rows, 8000), 0);
        List<SimulationEvent> stale = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.ORACLE_STALE).toList();
        assertEquals(2, stale.size(), events.toString());
        // both seen at the first feed event after they turned stale (+8,000), in symbol order
        assertEquals("B (ETH): no price for 6 s, stale after 5 s; ETH now at 2030.0", stale.get(0).detail());
        assertTrue(stale.get(1).detail().startsWith("C (ETH): no price for 8 s"), stale.get(1).detail());
        assertEquals(T0 + 8000, stale.get(0).timeMs());
        assertEquals(0, stale.getFirst().market(), "the asset's market");
    }

    @Test
    void thePreferredSourceAndItsStandInWhileItIsStale() throws IOException {
        String ticks = tick(0, "P", 2000) + tick(0, "S", 1990)
                + tick(1000, "P", 2001) + tick(1000, "S", 1991)
                // P falls silent after +1,000: stale from +6,001; S keeps publishing
                + tick(3000, "S", 1993) + tick(7000, "S", 1997) + tick(8000, "S", 1998)
                + tick(9000, "P", 2009) + tick(9000, "S", 1999);
        List<SimulationEvent> events = new ArrayList<>();
        List<double[]> rows = ethPrices(scenario(ticks,
                "\"priceSources\": {\"ETH\": {\"priority\": [\"P\", \"S\"]}}"), events);
        assertEquals(2001, priceAt(rows, 1000), 0, "the preferred source while fresh");
        assertEquals(2001, priceAt(rows, 3000), 0, "the stand-in's prices are ignored while P is fresh");
        assertEquals(1997, priceAt(rows, 7000), 0, "P stale: the stand-in's price, at once");
        assertEquals(2009, priceAt(rows, 9000), 0, "P fresh again");
        SimulationEvent stale = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.ORACLE_STALE)
                .findFirst().orElseThrow();
        assertEquals(T0 + 7000, stale.timeMs(), "seen at the first feed event after it turned stale");
        assertEquals("P (ETH): no price for 6 s, stale after 5 s; ETH now at 1997.0", stale.detail());
        SimulationEvent fresh = events.stream().filter(e -> e.kind() == SimulationEvent.Kind.ORACLE_FRESH)
                .findFirst().orElseThrow();
        assertEquals(T0 + 9000, fresh.timeMs());
        assertTrue(fresh.detail().startsWith("P (ETH): fresh again"), fresh.detail());
    }

    @Test
    void aWindowReplaysOnlyItsOwnEvents() throws IOException {
        StringBuilder ticks = new StringBuilder();
        for (int s = 0; s < 10; s++) {
            ticks.append(tick(s * 1000L, "ETHUSD", 2000 + s));
        }
        Scenario all = scenario(ticks.toString(), "\"symbols\": {\"ETHUSD\": \"ETH\"}");
        Scenario part = all.withWindow(new Scenario.Window(T0 + 3000, T0 + 6000));
        assertEquals(10, ReplayRunner.run(all, ReplaySink.NONE).ticks());
        assertEquals(3, ReplayRunner.run(part, ReplaySink.NONE).ticks(), "+3,000, +4,000 and +5,000");
        List<double[]> rows = ethPrices(part, new ArrayList<>());
        assertEquals(3000, rows.getFirst()[0], 0);
        assertEquals(2003, rows.getFirst()[1], 0);
        assertEquals(T0 + 5999, ScenarioFeeds.endHintMs(part), "the window's end bounds the progress estimate");
    }
}
