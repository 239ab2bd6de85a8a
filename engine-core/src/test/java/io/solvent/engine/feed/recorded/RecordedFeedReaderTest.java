package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedFeedReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static List<FeedEvent> readAll(FeedReader r) {
        List<FeedEvent> out = new ArrayList<>();
        try (r) {
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<FeedEvent> read(Path p) {
        return readAll(RecordedFeedReader.open(p));
    }

    private static double price(FeedEvent e) {
        return ((PriceEvent) e).price();
    }

    private InputException rejected(String name, String content) throws IOException {
        return rejected(name, content, RecordedFeedOptions.DETECT);
    }

    /** The error must surface whether it is found on opening or on reading. */
    private InputException rejected(String name, String content, RecordedFeedOptions options) throws IOException {
        Path p = file(name, content);
        return assertThrows(InputException.class, () -> readAll(RecordedFeedReader.open(p, options)));
    }

    // --- formats -------------------------------------------------------------------------------------------------

    @Test
    void ticksWithAndWithoutConfidence() throws IOException {
        List<FeedEvent> plain = read(file("t.csv", "timestamp_ms,symbol,price\n1000,BTC,100.5\n2000,BTC,101\n"));
        assertEquals(2, plain.size());
        PriceEvent first = (PriceEvent) plain.getFirst();
        assertEquals(new PriceEvent(1000, "BTC", 100.5, Double.NaN, "t.csv"), first);
        assertFalse(first.hasConfidence());

        List<FeedEvent> conf = read(file("c.csv", "timestamp_ms,symbol,price,confidence\n1000,BTC,100,0.25\n"
                + "1500,BTC,101,\n"));
        assertEquals(0.25, ((PriceEvent) conf.get(0)).confidence());
        assertFalse(((PriceEvent) conf.get(1)).hasConfidence(), "an empty confidence is none");
    }

    @Test
    void barsWithABinanceSampleCountReadAsBars() throws IOException {
        List<FeedEvent> e = read(file("m.csv", "timestamp_ms,symbol,open,high,low,close,volume,count\n"
                + "1000,BTCUSDT,100,110,90,105,0,300\n"));
        assertEquals(List.of(100.0, 90.0, 110.0, 105.0), e.stream().map(RecordedFeedReaderTest::price).toList());
        InputException bad = rejected("n.csv", "timestamp_ms,symbol,open,high,low,close,volume,count\n"
                + "1000,BTCUSDT,100,110,90,105,0,-1\n");
        assertTrue(bad.getMessage().endsWith("n.csv: line 2: column count: -1 is negative"), bad.getMessage());
    }

    @Test
    void klinesWithASymbolColumnTakeTheSymbolFromIt() throws IOException {
        String header = "symbol,open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                + "taker_buy_quote_volume,ignore\n";
        List<FeedEvent> e = read(file("f.csv", header
                + "SOLUSDT,1760119200000,200,201,199,200.5,10,1760119259999,2000,5,4,800,0\n"
                + "BTCUSDT,1760119200000000,100,110,90,105,1,1760119259999,100,1,1,100,0\n"));
        assertEquals(8, e.size());
        assertEquals(java.util.Set.of("SOLUSDT", "BTCUSDT"),
                e.stream().map(FeedEvent::symbol).collect(java.util.stream.Collectors.toSet()));
        assertTrue(e.stream().allMatch(x -> x.timestampMs() == 1760119200000L), "µs open times are converted");
    }

    @Test
    void indexSamplesAreOnePriceEachAtTheExchangeTime() throws IOException {
        List<FeedEvent> e = read(file("i.csv", "timestamp_ms,timestamp_us,local_timestamp_us,symbol,index_price\n"
                + "1760119200467,1760119200467000,1760119200648488,BTC-USD,117671.3\n"
                + "1760119201480,1760119201480000,1760119201724084,BTC-USD,117673.5\n"));
        assertEquals(List.of(new PriceEvent(1760119200467L, "BTC-USD", 117671.3, Double.NaN, "i.csv"),
                new PriceEvent(1760119201480L, "BTC-USD", 117673.5, Double.NaN, "i.csv")), e);
        InputException bad = rejected("j.csv", "timestamp_ms,timestamp_us,local_timestamp_us,symbol,index_price\n"
                + "1760119200467,soon,1760119200648488,BTC-USD,117671.3\n");
        assertTrue(bad.getMessage().endsWith("j.csv: line 2: column timestamp_us: expected an integer, found 'soon'"), bad.getMessage());
    }

    @Test
    void barsBecomeFourTicksAtTheOpenTime() throws IOException {
        // open 100 is nearer the low 95 than the high 110: open, low, high, close
        // open 108 is nearer the high 110: open, high, low, close
        List<FeedEvent> ev = read(file("b.csv", "timestamp_ms,symbol,open,high,low,close,volume\n"
                + "60000,ETH,100,110,95,105,3\n120000,ETH,108,110,90,92,0\n"));
        assertEquals(8, ev.size());
        assertEquals(List.of(100.0, 95.0, 110.0, 105.0, 108.0, 110.0, 90.0, 92.0), ev.stream().map(
                RecordedFeedReaderTest::price).toList());
        assertTrue(ev.subList(0, 4).stream().allMatch(e -> e.timestampMs() == 60000));
        assertTrue(ev.subList(4, 8).stream().allMatch(e -> e.timestampMs() == 120000));
    }

    @Test
    void tradesGiveTradePrices() throws IOException {
        List<FeedEvent> ev = read(file("tr.csv", "timestamp_ms,symbol,price,qty,side\n1,X,26.58,37,sell\n"
                + "1,X,26.60,1,BUY\n5,Y,3,0.5,buy\n"));
        assertEquals(List.of(26.58, 26.60, 3.0), ev.stream().map(RecordedFeedReaderTest::price).toList());
    }

    @Test
    void depthGivesDepthEvents() throws IOException {
        List<FeedEvent> ev = read(file("d.csv", "timestamp_ms,symbol,percentage,depth_base,notional_usd\n"
                + "1760097607000,BTCUSDT,-5,10470.478,1248073901.8459\n1760097607000,BTCUSDT,5,9000,1.1e9\n"));
        assertEquals(new DepthEvent(1760097607000L, "BTCUSDT", -5, 10470.478, 1248073901.8459, "d.csv"),
                ev.getFirst());
        assertEquals(2, ev.size());
    }

    private static final String KLINE_1 = "1584011700000,6232.67,6325.01,6200.38,6281.34,773.981,1584011759999,"
            + "4830000.1,1000,400.1,2500000.2,0\n";
    private static final String KLINE_2 = "1584011760000,6284.43,6366.69,6249.54,6284.63,863.921,1584011819999,"
            + "5430000.1,1100,420.1,2600000.2,0\n";

    @Test
    void binanceKlinesWithoutHeaderSymbolFromFileName() throws IOException {
        Path p = file("BTCUSDT-1m-2020-03.csv", KLINE_1 + KLINE_2);
        RecordedFeedReader r = RecordedFeedReader.open(p);
        assertEquals(RecordedFormat.BINANCE_KLINES, r.format());
        List<FeedEvent> ev = readAll(r);
        assertEquals(8, ev.size());
        assertEquals("BTCUSDT", ev.getFirst().symbol());
        assertEquals(List.of(6232.67, 6200.38, 6325.01, 6281.34), ev.subList(0, 4).stream()
                .map(RecordedFeedReaderTest::price).toList());
        assertEquals(1584011760000L, ev.get(4).timestampMs());
    }

    @Test
    void binanceKlinesWithHeaderAndMicroseconds() throws IOException {
        String header = String.join(",", RecordedFormat.BINANCE_KLINES.columns()) + "\n";
        String micros = "1735689600000000,93576.0,93610.93,93537.5,93610.93,8.21827,1735689659999999,768978.9,2634,"
                + "4.7,441600.5,0\n";
        List<FeedEvent> ev = read(file("ETHUSDT-1s-2025-01-01.csv", header + micros));
        assertEquals(1735689600000L, ev.getFirst().timestampMs(), "µs open time converted to ms");
        assertEquals("ETHUSDT", ev.getFirst().symbol());
    }

    @Test
    void binanceKlinesSymbolGivenExplicitly() throws IOException {
        Path p = file("dump.csv", KLINE_1);
        List<FeedEvent> ev = readAll(RecordedFeedReader.open(p, RecordedFeedOptions.DETECT.withSymbol("BTCUSD")));
        assertEquals("BTCUSD", ev.getFirst().symbol());
        InputException e = assertThrows(InputException.class, () -> RecordedFeedReader.open(p,
                RecordedFeedOptions.DETECT.withFormat(RecordedFormat.BINANCE_KLINES)));
        assertTrue(e.problem().contains("cannot tell the symbol"), e.getMessage());
    }

    @Test
    void explicitFormatIsChecked() throws IOException {
        Path p = file("t.csv", "timestamp_ms,symbol,price\n1,A,2\n");
        assertEquals(1, readAll(RecordedFeedReader.open(p, RecordedFeedOptions.DETECT.withFormat(
                RecordedFormat.TICKS))).size());
        InputException e = assertThrows(InputException.class, () -> RecordedFeedReader.open(p,
                RecordedFeedOptions.DETECT.withFormat(RecordedFormat.BARS)));
        assertEquals("line 1", e.place());
        assertTrue(e.problem().startsWith("header 'timestamp_ms,symbol,price' does not fit format bars"),
                e.problem());
    }

    @Test
    void crlfByteOrderMarkAndBlankLinesAreTolerated() throws IOException {
        List<FeedEvent> ev = read(file("t.csv", "\uFEFFtimestamp_ms, symbol, price\r\n1,A,2\r\n\r\n3,A,4\r\n"));
        assertEquals(List.of(2.0, 4.0), ev.stream().map(RecordedFeedReaderTest::price).toList());
    }

    @Test
    void headerOnlyFileIsEmpty() throws IOException {
        RecordedFeedReader r = RecordedFeedReader.open(file("t.csv", "timestamp_ms,symbol,price\n"));
        assertEquals(0, r.runs());
        assertNull(r.next());
        r.close();
    }

    // --- ordering ------------------------------------------------------------------------------------------------

    @Test
    void symbolBlocksAreMergedIntoOneTimeOrderedStream() throws IOException {
        // the shared multi-symbol files: all of one symbol, then all of the next
        Path p = file("blocks.csv", "timestamp_ms,symbol,price\n10,A,1\n20,A,2\n30,A,3\n5,B,10\n20,B,20\n40,B,40\n"
                + "1,C,7\n");
        RecordedFeedReader r = RecordedFeedReader.open(p);
        assertEquals(3, r.runs());
        List<FeedEvent> ev = readAll(r);
        assertEquals(List.of(1L, 5L, 10L, 20L, 20L, 30L, 40L), ev.stream().map(FeedEvent::timestampMs).toList());
        assertEquals(List.of("C", "B", "A", "A", "B", "A", "B"), ev.stream().map(FeedEvent::symbol).toList(),
                "equal timestamps keep file order");
    }

    @Test
    void aSymbolGoingBackInTimeIsAnError() throws IOException {
        InputException e = rejected("t.csv", "timestamp_ms,symbol,price\n10,A,1\n5,B,1\n20,A,1\n15,A,1\n");
        assertEquals("t.csv", Path.of(e.source()).getFileName().toString());
        assertEquals("line 5", e.place());
        assertEquals("out of order: A at 15 is before 20 on line 4 (each symbol's lines must be in time order)",
                e.problem());
    }

    @Test
    void equalTimestampsAreFineForTicksButADuplicateBarIsNot() throws IOException {
        assertEquals(2, read(file("t.csv", "timestamp_ms,symbol,price\n10,A,1\n10,A,2\n")).size());
        InputException e = rejected("b.csv", "timestamp_ms,symbol,open,high,low,close,volume\n"
                + "60000,A,1,1,1,1,0\n60000,A,1,1,1,1,0\n");
        assertEquals("line 3", e.place());
        assertEquals("duplicate bar: A at 60000 already on line 2", e.problem());
    }

    @Test
    void tooManyRunsIsAnError() throws IOException {
        StringBuilder b = new StringBuilder("timestamp_ms,symbol,price\n");
        for (int i = 0; i < RecordedFeedReader.MAX_RUNS + 1; i++) {
            b.append(1000 - i).append(",S").append(i).append(",1\n");
        }
        InputException e = rejected("t.csv", b.toString());
        assertEquals("line " + (RecordedFeedReader.MAX_RUNS + 2), e.place());
        assertTrue(e.problem().contains("sort it by timestamp"), e.problem());
    }

    // --- rejections ----------------------------------------------------------------------------------------------

    @Test
    void unknownSymbolWithAMap() throws IOException {
        String content = "timestamp_ms,symbol,price\n1,BTCUSDT,2\n2,ETHUSDT,3\n";
        Path p = file("t.csv", content);
        assertEquals(2, readAll(RecordedFeedReader.open(p)).size(), "no map: every symbol is accepted");
        InputException e = rejected("t.csv", content, RecordedFeedOptions.DETECT.withSymbolMap(
                Map.of("BTCUSDT", "BTC")));
        assertEquals("line 3", e.place());
        assertEquals("unknown symbol ETHUSDT: not in the symbol map [BTCUSDT] (map it to an asset, e.g. --map "
                + "ETHUSDT=ASSET)", e.problem());
        InputException k = rejected("ETHUSDT-1m-2020-03.csv", KLINE_1, RecordedFeedOptions.DETECT.withSymbolMap(
                Map.of("BTCUSDT", "BTC")));
        assertTrue(k.problem().startsWith("unknown symbol ETHUSDT"), k.problem());
    }

    @Test
    void unparseableNumbers() throws IOException {
        InputException e = rejected("t.csv", "timestamp_ms,symbol,price\n1,A,2\n2,A,1O0\n");
        assertEquals("line 3", e.place());
        assertEquals("column price: expected a number, found '1O0'", e.problem());
        assertEquals("column price: expected a finite number, found 'NaN'",
                rejected("t.csv", "timestamp_ms,symbol,price\n1,A,NaN\n").problem());
        assertEquals("column price: expected a finite number, found '2d'",
                rejected("t.csv", "timestamp_ms,symbol,price\n1,A,2d\n").problem());
        InputException t = rejected("t.csv", "timestamp_ms,symbol,price\n2020-03-12,A,2\n");
        assertEquals("column timestamp_ms: expected an integer timestamp in ms since the epoch, found '2020-03-12'",
                t.problem());
        assertEquals("column qty: expected a number, found 'x'",
                rejected("tr.csv", "timestamp_ms,symbol,price,qty,side\n1,A,2,x,buy\n").problem());
        assertEquals("column depth_base: expected a number, found ''", rejected("d.csv",
                "timestamp_ms,symbol,percentage,depth_base,notional_usd\n1,A,-1,,5\n").problem());
    }

    @Test
    void nonPositivePrices() throws IOException {
        assertEquals("column price: price 0 is not positive",
                rejected("t.csv", "timestamp_ms,symbol,price\n1,A,0\n").problem());
        InputException bar = rejected("b.csv", "timestamp_ms,symbol,open,high,low,close,volume\n"
                + "60000,A,1,2,1,1,0\n120000,A,1,2,-0.5,1,0\n");
        assertEquals("line 3", bar.place());
        assertEquals("column low: price -0.5 is not positive", bar.problem());
        assertEquals("column price: price -3 is not positive",
                rejected("tr.csv", "timestamp_ms,symbol,price,qty,side\n1,A,-3,1,buy\n").problem());
    }

    @Test
    void inconsistentBarsAndBadTradeFields() throws IOException {
        String h = "timestamp_ms,symbol,open,high,low,close,volume\n";
        assertEquals("low 5 is above high 4", rejected("b.csv", h + "60000,A,4,4,5,4,0\n").problem());
        assertEquals("open 9 is outside [low, high] = [1, 4]", rejected("b.csv", h + "60000,A,9,4,1,4,0\n")
                .problem());
        assertEquals("close 0.5 is outside [low, high] = [1, 4]", rejected("b.csv", h + "60000,A,2,4,1,0.5,0\n")
                .problem());
        assertEquals("column volume: -1 is negative", rejected("b.csv", h + "60000,A,2,4,1,2,-1\n").problem());
        String t = "timestamp_ms,symbol,price,qty,side\n";
        assertEquals("column side: expected buy or sell, found 'long'", rejected("tr.csv", t + "1,A,2,1,long\n")
                .problem());
        assertEquals("column qty: 0 is not positive", rejected("tr.csv", t + "1,A,2,0,buy\n").problem());
    }

    @Test
    void wrongColumnCounts() throws IOException {
        InputException e = rejected("b.csv", "timestamp_ms,symbol,open,high,low,close,volume\n60000,A,1,1,1,1,0\n"
                + "120000,A,1,1,1,1\n");
        assertEquals("line 3", e.place());
        assertEquals("expected 7 columns (timestamp_ms,symbol,open,high,low,close,volume), found 6", e.problem());
        InputException k = rejected("BTCUSDT-1m-2020-03.csv", KLINE_1 + "1584011760000,1,1,1,1,1\n");
        assertEquals("line 2", k.place());
        assertTrue(k.problem().startsWith("expected 12 columns"), k.problem());
    }

    @Test
    void missingOrUnknownHeader() throws IOException {
        InputException bars = rejected("b.csv", "60000,A,1,1,1,1,0\n");
        assertEquals("line 1", bars.place());
        assertEquals("missing header line: the first line is data (like bars: timestamp_ms,symbol,open,high,low,"
                + "close,volume); a recorded file starts with its header (or choose the format with --format)",
                bars.problem());
        InputException explicit = rejected("t.csv", "1,A,2\n", RecordedFeedOptions.DETECT.withFormat(
                RecordedFormat.TICKS));
        assertEquals("missing header line: expected timestamp_ms,symbol,price[,confidence] before the data",
                explicit.problem());
        InputException unknown = rejected("u.csv", "time,pair,px\n1,A,2\n");
        assertTrue(unknown.problem().startsWith("unrecognised header 'time,pair,px'; expected one of:"),
                unknown.problem());
        assertEquals("is empty; expected a header line such as timestamp_ms,symbol,open,high,low,close,volume",
                rejected("e.csv", "").problem());
    }

    @Test
    void microsecondsInAMillisecondColumn() throws IOException {
        InputException e = rejected("t.csv", "timestamp_ms,symbol,price\n1584011700000000,A,2\n");
        assertTrue(e.problem().contains("is not in milliseconds since the epoch"), e.problem());
    }

    @Test
    void missingFileDirectoryAndMisplacedSymbol() throws IOException {
        InputException missing = assertThrows(InputException.class,
                () -> RecordedFeedReader.open(dir.resolve("nope.csv")));
        assertEquals("no such file", missing.problem());
        InputException directory = assertThrows(InputException.class, () -> RecordedFeedReader.open(dir));
        assertTrue(directory.problem().startsWith("is a directory"), directory.problem());
        Path ticks = file("t.csv", "timestamp_ms,symbol,price\n1,A,2\n");
        InputException symbol = assertThrows(InputException.class, () -> RecordedFeedReader.open(ticks,
                RecordedFeedOptions.DETECT.withSymbol("BTCUSDT")));
        assertTrue(symbol.problem().startsWith("a symbol can be given only for Binance klines"), symbol.problem());
    }

    @Test
    void invalidUtf8AndLinesWithoutBreaks() throws IOException {
        Path bad = dir.resolve("bin.csv");
        byte[] head = "timestamp_ms,symbol,price\n1,A,2\n2,".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 5];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3;
        content[head.length + 1] = (byte) 0x28;
        System.arraycopy(",3\n".getBytes(StandardCharsets.UTF_8), 0, content, head.length + 2, 3);
        Files.write(bad, content);
        InputException e = assertThrows(InputException.class, () -> readAll(RecordedFeedReader.open(bad)));
        assertEquals("line 3", e.place());
        assertEquals("is not UTF-8 text (a malformed byte sequence); recorded files are UTF-8", e.problem());

        Path noBreaks = file("long.csv", "timestamp_ms,symbol,price\n" + "9".repeat(LineScanner.MAX_LINE + 10));
        InputException l = assertThrows(InputException.class, () -> RecordedFeedReader.open(noBreaks));
        assertEquals("line 2", l.place());
        assertTrue(l.problem().startsWith("is longer than"), l.problem());
    }

    @Test
    void errorsNameTheFileAsGiven() throws IOException {
        Path p = file("t.csv", "timestamp_ms,symbol,price\n1,A,x\n");
        InputException e = assertThrows(InputException.class, () -> readAll(RecordedFeedReader.open(p)));
        assertEquals(p.toString(), e.source());
        assertEquals(p + ": line 2: column price: expected a number, found 'x'", e.getMessage());
    }
}
