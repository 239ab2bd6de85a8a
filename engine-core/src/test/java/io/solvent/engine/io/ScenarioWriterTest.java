package io.solvent.engine.io;

import com.fasterxml.jackson.databind.node.IntNode;
import io.solvent.engine.feed.synthetic.CrashShock;
import io.solvent.engine.feed.synthetic.DepegShock;
import io.solvent.engine.feed.synthetic.FrozenFeedShock;
import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.input.InputException;
import io.solvent.engine.scenario.Scenario;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
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

/** A scenario written by {@link ScenarioWriter} reads back to the scenario it describes. */
class ScenarioWriterTest {
    private static final Path FLASH_CRASH = Path.of("..", "assets", "scenarios", "flash-crash.json");
    private static final long T0 = 1_735_689_600_000L;

    @Property(tries = 60)
    void shocksOfEveryKindRoundTrip(@ForAll("shocks") @Size(min = 1, max = 4) List<Shock> added) throws IOException {
        Path dir = Files.createTempDirectory("scenario-writer");
        try {
            Scenario base = ScenarioReader.read(FLASH_CRASH);
            Path target = dir.resolve("sub").resolve("what-if.json");
            Files.createDirectories(target.getParent());
            ScenarioWriter.write(ScenarioDocument.read(FLASH_CRASH).withName("what if").withShocksAdded(added),
                    target);
            Scenario back = ScenarioReader.read(target);

            List<Shock> expected = new ArrayList<>(base.shocks());
            expected.addAll(added);
            assertEquals(expected, back.shocks());
            assertEquals("what if", back.name());
            assertEquals(base.book(), back.book());
            assertEquals(base.feeds(), back.feeds());
            assertEquals(base.symbols(), back.symbols());
            assertEquals(base.window(), back.window());
            assertEquals(base.depth(), back.depth());
            assertEquals(base.insuranceFundUsd(), back.insuranceFundUsd());
            assertEquals(base.seed(), back.seed());
            assertEquals(base.parameters(), back.parameters());
            assertEquals(normalized(base.files().subList(1, base.files().size())),
                    normalized(back.files().subList(1, back.files().size())), "the same book file, from elsewhere");
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<List<Shock>> shocks() {
        Arbitrary<String> symbol = Arbitraries.of("ETHUSD", "BTCUSD");
        Arbitrary<Long> at = Arbitraries.longs().between(T0, T0 + 3_600_000L);
        Arbitrary<Long> ms = Arbitraries.longs().between(0, 1_800_000L);
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 0.999).ofScale(4);
        Arbitrary<Shock> instant = Combinators.combine(symbol, at, Arbitraries.doubles().between(-2, 0.999).ofScale(4))
                .as(InstantShock::new);
        Arbitrary<Shock> crash = Combinators.combine(symbol, at, fraction, ms, Arbitraries.doubles().between(0, 1).ofScale(4), ms)
                .as(CrashShock::new);
        Arbitrary<Shock> depeg = Combinators.combine(symbol, at, Arbitraries.doubles().between(0.01, 1.5).ofScale(6), ms, ms, ms,
                Arbitraries.doubles().between(0.01, 1.5).ofScale(6)).as(DepegShock::new);
        Arbitrary<Shock> freeze = Combinators.combine(symbol, at, ms).as((s, a, d) -> new FrozenFeedShock(s, a, a + d));
        return Arbitraries.oneOf(instant, crash, depeg, freeze).list();
    }

    @Test
    void recordedFeedPathsStillNameTheirFilesFromAnotherFolder(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("eth.csv"), "timestamp_ms,symbol,price\n" + T0 + ",ETHUSD,3863\n"
                + (T0 + 1000) + ",ETHUSD,3800\n");
        Path books = Files.createDirectories(dir.resolve("books"));
        Files.copy(Path.of("..", "assets", "books", "example.json"), books.resolve("example.json"));
        Path src = Files.createDirectories(dir.resolve("a").resolve("b")).resolve("base.json");
        Files.writeString(src, """
                {"format": 1, "book": "../../books/example.json",
                 "feeds": [{"file": "../../data/eth.csv", "format": "ticks"}],
                 "symbols": {"ETHUSD": "ETH"}}
                """);
        Path target = Files.createDirectories(dir.resolve("elsewhere")).resolve("copy.json");
        ScenarioWriter.write(ScenarioDocument.read(src).with("oracle.latencyMs", IntNode.valueOf(1500)), target);

        String text = Files.readString(target);
        assertTrue(text.contains("\"../data/eth.csv\""), text);
        assertTrue(text.contains("\"../books/example.json\""), text);
        Scenario back = ScenarioReader.read(target);
        assertEquals(data.resolve("eth.csv").normalize(),
                ((Scenario.RecordedFeed) back.feeds().getFirst()).path().normalize());
        assertEquals(1500, back.oracle().latencyMs());
        assertEquals(ScenarioReader.read(src).book(), back.book());
    }

    @Test
    void aFreezeEndingBeforeItStartsIsRefusedWithItsPlace(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.copy(Path.of("..", "assets", "books", "example.json"), dir.resolve("example.json"));
        Files.writeString(dir.resolve("eth.csv"), "timestamp_ms,symbol,price\n" + T0 + ",ETHUSD,3863\n");
        Files.writeString(f, """
                {"format": 1, "book": "example.json", "feeds": [{"file": "eth.csv", "format": "ticks"}],
                 "shocks": [{"type": "freeze", "symbol": "ETHUSD", "fromMs": 10, "toMs": 5}]}
                """);
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertTrue(e.getMessage().contains("$.shocks[0].toMs") && e.getMessage().contains("expected toMs >= fromMs"),
                e.getMessage());
    }

    @Test
    void aDepegWithoutItsOptionalFieldsHoldsForeverAtItsLow(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("depeg.json");
        Files.copy(Path.of("..", "assets", "books", "example.json"), dir.resolve("example.json"));
        Files.writeString(dir.resolve("eth.csv"), "timestamp_ms,symbol,price\n" + T0 + ",ETHUSD,3863\n");
        Files.writeString(f, """
                {"format": 1, "book": "example.json", "feeds": [{"file": "eth.csv", "format": "ticks"}],
                 "symbols": {"USDCUSD": "USDC"},
                 "shocks": [{"type": "depeg", "symbol": "USDCUSD", "startMs": 1000, "depegPrice": 0.87}]}
                """);
        Shock s = ScenarioReader.read(f).shocks().getFirst();
        assertEquals(new DepegShock("USDCUSD", 1000, 0.87, 0, 0, 0, 0.87), s);
        assertEquals(0.87, s.multiplier(1_000_000_000L));
    }

    private static List<Path> normalized(List<Path> ps) {
        return ps.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
