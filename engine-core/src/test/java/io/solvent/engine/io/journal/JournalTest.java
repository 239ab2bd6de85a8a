package io.solvent.engine.io.journal;

import io.solvent.engine.feed.live.MessageDecoder;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.feed.VenueLiquidationEvent;
import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {
    private static final String MARK = "{\"e\":\"markPriceUpdate\",\"E\":1562305380000,\"s\":\"BTCUSDT\","
            + "\"p\":\"11794.15000000\",\"i\":\"11784.62659091\",\"P\":\"11784.25641265\",\"r\":\"0.00038167\","
            + "\"T\":1562306400000}";
    private static final String FORCE = "{\"e\":\"forceOrder\",\"E\":1568014460893,\"o\":{\"s\":\"BTCUSDT\","
            + "\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.014\",\"p\":\"9910\",\"ap\":\"9910\","
            + "\"X\":\"FILLED\",\"l\":\"0.014\",\"z\":\"0.014\",\"T\":1568014460893}}";
    private static final String HERMES = "{\"binary\":{\"encoding\":\"hex\",\"data\":[\"504e4155\"]},"
            + "\"parsed\":[{\"id\":\"e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43\","
            + "\"price\":{\"price\":\"6201740000000\",\"conf\":\"2956823570\",\"expo\":-8,\"publish_time\":1717516541},"
            + "\"ema_price\":{\"price\":\"6197500000000\",\"conf\":\"3012000000\",\"expo\":-8,\"publish_time\":1717516541},"
            + "\"metadata\":{\"slot\":85480034,\"proof_available_time\":1717516542,\"prev_publish_time\":1717516540}}]}";

    @TempDir
    Path dir;

    @Test
    void binanceMessagesFromTheDocumentation() {
        MessageDecoder d = JsonMessageDecoder.binanceFutures();
        assertEquals(List.of(PriceEvent.of(1562305380000L, "BTCUSDT", 11794.15, "binance-futures"),
                PriceEvent.of(1562305380000L, "BTCUSDT@index", 11784.62659091, "binance-futures")),
                d.decode(MARK).events());
        assertEquals(List.of(new VenueLiquidationEvent(1568014460893L, "BTCUSDT", "SELL", 9910, 0.014,
                "binance-futures")), d.decode("{\"stream\":\"btcusdt@forceOrder\",\"data\":" + FORCE + "}").events());
        assertEquals(MARK, d.decode("  " + MARK + "\n").msgJson(), "recorded verbatim");
    }

    @Test
    void pythPriceTimesTenToTheExponent() {
        MessageDecoder d = JsonMessageDecoder.pyth(Map.of("0xE62DF6C8B4A85FE1A67DB44DC12DE5DB330F7AC66B72DC658AFEDF0F4A415B43",
                "BTC"));
        assertEquals(List.of(new PriceEvent(1717516541000L, "BTC", 62017.4, 29.5682357, "pyth")),
                d.decode(HERMES).events());
        assertEquals("e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43",
                ((PriceEvent) JsonMessageDecoder.pyth(Map.of()).decode(HERMES).events().getFirst()).symbol());
    }

    @Test
    void garbageIsAProblemNeverAnException() {
        MessageDecoder d = JsonMessageDecoder.binanceFutures();
        for (String g : List.of("", "not json", "[1,2]", "42", "{\"e\":\"kline\"}", "{\"e\":\"markPriceUpdate\"}",
                "{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"X\",\"p\":\"NaN\"}",
                "{\"e\":\"markPriceUpdate\",\"E\":1.5,\"s\":\"X\",\"p\":\"1\"}",
                "{\"e\":\"forceOrder\",\"E\":1,\"o\":{\"s\":\"X\",\"S\":\"UP\",\"T\":1,\"ap\":\"1\",\"q\":\"1\"}}")) {
            MessageDecoder.Decoded r = d.decode(g);
            assertTrue(!r.understood() && r.events().isEmpty(), g + " -> " + r);
        }
        assertEquals("\"not json\"", d.decode("not json").msgJson(), "recorded as a JSON string");
        assertTrue(JsonMessageDecoder.pyth(Map.of()).decode("{\"parsed\":[{\"id\":\"ab\",\"price\":{\"price\":\"1\","
                + "\"conf\":\"1\",\"expo\":-999,\"publish_time\":1}}]}").problem().contains("expo"));
    }

    private Path journal(List<String> binanceMessages) {
        Path file = dir.resolve("j.jsonl");
        MessageDecoder d = JsonMessageDecoder.binanceFutures();
        try (JournalWriter w = JournalWriter.open(file, true, s -> { })) {
            w.appendSession(1000, "binance-futures", Map.of());
            w.appendStatus(SourceStatusEvent.of(1001, "binance-futures", SourceStatusEvent.Status.CONNECTED, "up"));
            long t = 1002;
            for (String m : binanceMessages) {
                w.append(t++, "binance-futures", d.decode(m));
            }
        }
        return file;
    }

    private static List<FeedEvent> readAll(Path file, List<String> warnings) {
        List<FeedEvent> out = new ArrayList<>();
        try (JournalReader r = JournalReader.open(file, warnings::add)) {
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void writesOneLinePerMessageAndReplaysThemWithNotes() throws IOException {
        Path file = journal(List.of(MARK, "garbage", FORCE));
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size());
        assertEquals("{\"t\":1002,\"source\":\"binance-futures\",\"msg\":" + MARK + "}", lines.get(2));
        assertEquals("{\"t\":1003,\"source\":\"binance-futures\",\"msg\":\"garbage\"}", lines.get(3));
        List<String> warnings = new ArrayList<>();
        List<FeedEvent> events = readAll(file, warnings);
        assertEquals(4, events.size());
        assertEquals(SourceStatusEvent.of(1001, "binance-futures", SourceStatusEvent.Status.CONNECTED, "up"),
                events.getFirst());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aTruncatedLastLineIsSkippedWithAWarningAndTheRestReplays() throws IOException {
        Path file = journal(List.of(MARK, FORCE, MARK));
        long size = Files.size(file);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(size - 40); // the crash: the last line loses its end and its newline
        }
        List<String> warnings = new ArrayList<>();
        List<FeedEvent> events = readAll(file, warnings);
        assertEquals(1 + 2 + 1, events.size(), "status, mark + index, liquidation");
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().startsWith(file + ": line 5: skipped an incomplete last line"),
                warnings.getFirst());
    }

    @Test
    void aGarbledLineInTheMiddleIsAnErrorNamingFileAndLine() throws IOException {
        Path file = journal(List.of(MARK, FORCE));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).substring(0, 30));
        Files.write(file, lines);
        InputException e = assertThrows(InputException.class, () -> readAll(file, new ArrayList<>()));
        assertEquals(file.toString(), e.source());
        assertEquals("line 3", e.place());

        Files.write(file, List.of("{\"t\":1,\"source\":\"kraken\",\"msg\":{}}", "{\"t\":2,\"source\":\"pyth\",\"msg\":{}}"));
        InputException unknown = assertThrows(InputException.class, () -> readAll(file, new ArrayList<>()));
        assertEquals("line 1, $.source", unknown.place());
    }

    @Test
    void reopeningAfterACrashCutsTheIncompleteLineSoAppendsStayReadable() throws IOException {
        Path file = journal(List.of(MARK, FORCE));
        Files.write(file, "{\"t\":9,\"source\":\"binance-fu".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        try (JournalWriter w = JournalWriter.open(file, false, warnings::add)) {
            w.append(2000, "binance-futures", JsonMessageDecoder.binanceFutures().decode(MARK));
        }
        assertEquals(1, warnings.size());
        List<String> readWarnings = new ArrayList<>();
        assertEquals(1 + 2 + 1 + 2, readAll(file, readWarnings).size());
        assertEquals(List.of(), readWarnings);
    }

    @Test
    void pythNamesComeFromTheSessionNote() {
        Path file = dir.resolve("p.jsonl");
        MessageDecoder live = JsonMessageDecoder.pyth(Map.of("e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43",
                "BTC/USD"));
        List<FeedEvent> liveEvents;
        try (JournalWriter w = JournalWriter.open(file, false, s -> { })) {
            w.appendSession(1, "pyth", Map.of("e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43",
                    "BTC/USD"));
            MessageDecoder.Decoded d = live.decode(HERMES);
            liveEvents = d.events();
            w.append(2, "pyth", d);
        }
        assertEquals(liveEvents, readAll(file, new ArrayList<>()));
        assertEquals("BTC/USD", liveEvents.getFirst().symbol());
    }
}
