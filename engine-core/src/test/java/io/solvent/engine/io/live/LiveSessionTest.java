package io.solvent.engine.io.live;

import io.solvent.engine.input.InputException;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.model.Book;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live session's spec checked before anything connects: each bad input one line naming what was expected. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveSessionTest {
    private static final String BTC_ID = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
    /** Nothing listens there (port 1): a session connecting to it keeps reconnecting, harmlessly. */
    private static final String NOWHERE = "ws://127.0.0.1:1";

    @TempDir
    Path dir;

    private static Book book() throws Exception {
        try (InputStream in = LiveSessionTest.class.getResourceAsStream("/live/live-book.json")) {
            return BookReader.read("live-book.json", in);
        }
    }

    private LiveSpec spec(String source, String... feeds) throws Exception {
        return LiveSpec.of(source, List.of(feeds), LiveSession.bookScenario("test", book(), null),
                dir.resolve("j.jsonl")).withEndpoint(source.equals("pyth") ? "http://127.0.0.1:1" : NOWHERE);
    }

    private String rejected(Class<? extends RuntimeException> type, Executable open) {
        String m = assertThrows(type, open).getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertFalse(Files.exists(dir.resolve("j.jsonl")), "checked before the journal is touched");
        return m;
    }

    @Test
    void badSpecsAreRejectedNamingWhatWasExpected() throws Exception {
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("kraken", "XBTUSD")))
                .contains("unknown live source 'kraken'; expected binance-futures or pyth"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures")))
                .contains("expected venue symbols such as BTCUSDT,ETHUSDT"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures",
                "BTC-USDT"))).contains("bad symbol 'BTC-USDT'; expected letters, digits or _"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures",
                "BTCUSDT", "btcusdt"))).contains("given twice"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures",
                "BTCUSDT").withEndpoint("ws://exa mple.com"))).contains("endpoint 'ws://exa mple.com' is not a URL"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures",
                "BTCUSDT").withEndpoint("https://example.com"))).contains("expected a ws:// or wss:// URL"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("pyth",
                BTC_ID + "=BTC/USD").withEndpoint("ws://example.com"))).contains("expected an http:// or https://"));
        assertEquals("feed symbol 'SOLUSDT' prices asset 'SOL', which the book does not hold; expected one of [USDC,"
                + " BTC, ETH], or map the symbol to one of them", rejected(IllegalArgumentException.class,
                () -> LiveSession.open(spec("binance-futures", "BTCUSDT", "SOLUSDT"))));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures",
                "BTCUSDT", "BTCUSDC"))).contains("both price asset BTC"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("binance-futures",
                "BTCUSDT").withAssets(Map.of("ETHUSDT", "ETH")))).contains("feed symbol 'ETHUSDT' is not subscribed"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("pyth", "abc=BTC/USD")))
                .contains("bad feed id 'abc'; expected 64 hex digits"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("pyth", BTC_ID)))
                .contains("names no asset; expected a name (give the id as ID=BTC/USD)"));
        assertTrue(rejected(IllegalArgumentException.class, () -> LiveSession.open(spec("pyth"))).contains(
                "no feed ids given"));
    }

    @Test
    void theJournalMustBeNewAndReplayableOnlyWhenItExists() throws Exception {
        Path used = dir.resolve("used.jsonl");
        Files.writeString(used, "{\"t\":1,\"source\":\"solvent\",\"msg\":{\"status\":\"CONNECTED\",\"of\":\"x\"}}\n");
        InputException e = assertThrows(InputException.class, () -> LiveSession.open(spec("binance-futures",
                "BTCUSDT").withJournal(used)));
        assertTrue(e.getMessage().contains("exists already; expected a new journal file"), e.getMessage());
        e = assertThrows(InputException.class, () -> LiveSession.open(spec("binance-futures", "BTCUSDT")
                .withJournal(dir.resolve("no-such-dir").resolve("j.jsonl"))));
        assertTrue(e.getMessage().contains("its directory does not exist"), e.getMessage());
        e = assertThrows(InputException.class, () -> LiveSession.open(spec("binance-futures", "BTCUSDT")
                .withJournal(dir)));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        e = assertThrows(InputException.class, () -> LiveSession.replayScenario(spec("binance-futures", "BTCUSDT")
                .withJournal(dir.resolve("missing.jsonl"))));
        assertTrue(e.getMessage().endsWith("missing.jsonl: no such file"), e.getMessage());
    }

    @Test
    void symbolsMapToAssetsByDefaultOrAsGiven() throws Exception {
        assertEquals("BTC", LiveSession.defaultAsset("binance-futures", "BTCUSDT"));
        assertEquals("ETH", LiveSession.defaultAsset("binance-futures", "ETHUSDC"));
        assertEquals("BTC", LiveSession.defaultAsset("binance-futures", "BTCUSDT_250328"));
        assertEquals("1000PEPE", LiveSession.defaultAsset("binance-futures", "1000PEPEUSDT"));
        assertEquals("BTC", LiveSession.defaultAsset("pyth", "BTC/USD"));
        assertEquals("ETH", LiveSession.defaultAsset("pyth", "Crypto.ETH/USD"));
        assertNull(LiveSession.defaultAsset("pyth", BTC_ID));

        try (LiveSession s = LiveSession.open(spec("binance-futures", "xbtusdt", "ETHUSDT")
                .withAssets(Map.of("XBTUSDT", "BTC")))) {
            assertEquals(Map.of("XBTUSDT", "BTC", "ETHUSDT", "ETH"), s.symbols());
            assertEquals(List.of("XBTUSDT", "ETHUSDT"), List.copyOf(s.symbols().keySet()), "subscription order");
            Scenario sc = s.scenario();
            assertEquals(s.symbols(), sc.symbols());
            assertEquals(1, sc.feeds().size());
            assertTrue(sc.feeds().getFirst() instanceof Scenario.StreamFeed f && f.file() == null);
            assertTrue(sc.shocks().isEmpty() && sc.window().all());
            assertTrue(Files.exists(dir.resolve("j.jsonl")), "the journal is opened with the session");
        }
        try (LiveSession s = LiveSession.open(spec("pyth", BTC_ID).withJournal(dir.resolve("p.jsonl"))
                .withEndpoint("http://127.0.0.1:1").withAssets(Map.of(BTC_ID, "BTC")))) {
            assertEquals(Map.of(BTC_ID, "BTC"), s.symbols(), "an unnamed id is mapped by its id");
        }
    }

    @Test
    void aBookScenarioNeedsItsSettlementAsset() {
        Book noUsdc = new Book(List.of(io.solvent.engine.model.Asset.of("USDT")), List.of(), List.of(),
                new io.solvent.engine.model.Prices(Map.of("USDT", 1.0)));
        String m = assertThrows(IllegalArgumentException.class, () -> LiveSession.bookScenario("x", noUsdc, null))
                .getMessage();
        assertTrue(m.contains("no priced USDC asset"), m);
    }
}
