package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.recorded.RecordedFormatDetector.Layout;
import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordedFormatDetectorTest {

    private static Layout detect(String fileName, String firstLine) {
        return RecordedFormatDetector.layout(fileName, fileName, firstLine, null);
    }

    @Test
    void headersNameTheirFormat() {
        assertEquals(new Layout(RecordedFormat.TICKS, 3, true), detect("a.csv", "timestamp_ms,symbol,price"));
        assertEquals(new Layout(RecordedFormat.TICKS, 4, true),
                detect("a.csv", "Timestamp_ms, Symbol, Price, Confidence"));
        assertEquals(new Layout(RecordedFormat.BARS, 7, true),
                detect("a.csv", "timestamp_ms,symbol,open,high,low,close,volume"));
        assertEquals(new Layout(RecordedFormat.TRADES, 5, true), detect("a.csv", "timestamp_ms,symbol,price,qty,side"));
        assertEquals(new Layout(RecordedFormat.DEPTH, 5, true),
                detect("a.csv", "timestamp_ms,symbol,percentage,depth_base,notional_usd"));
        assertEquals(new Layout(RecordedFormat.BINANCE_KLINES, 12, true), detect("a.csv",
                "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                        + "taker_buy_quote_volume,ignore"));
        assertEquals(new Layout(RecordedFormat.BARS, 7, true),
                detect("a.csv", "\uFEFFtimestamp_ms,symbol,open,high,low,close,volume"), "byte-order mark ignored");
    }

    @Test
    void headerlessKlinesByColumnsOrByName() {
        String row = "1584011700000,6232.67,6325.01,6200.38,6281.34,773.981,1584011759999,4830000.1,1000,400.1,"
                + "2500000.2,0";
        assertEquals(new Layout(RecordedFormat.BINANCE_KLINES, 12, false), detect("whatever.csv", row));
        assertEquals(new Layout(RecordedFormat.BINANCE_KLINES, 12, false),
                detect("BTCUSDT-1m-2020-03.csv", "1584011700000,6232.67"), "the name decides; the columns are"
                        + " checked line by line");
    }

    @Test
    void symbolFromBinanceFileNames() {
        assertEquals(Optional.of("BTCUSDT"), RecordedFormatDetector.binanceSymbol("BTCUSDT-1m-2020-03.csv"));
        assertEquals(Optional.of("ETHUSDT"), RecordedFormatDetector.binanceSymbol("ETHUSDT-1s-2025-01-01.csv"));
        assertEquals(Optional.of("LUNAUSDT"), RecordedFormatDetector.binanceSymbol("LUNAUSDT-1M-2022.csv"));
        assertEquals(Optional.empty(), RecordedFormatDetector.binanceSymbol("binance_usdm_BTCUSDT_1m.csv"));
    }

    @Test
    void formatNames() {
        assertEquals(RecordedFormat.BINANCE_KLINES, RecordedFormat.ofOptionName("Binance-Klines"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordedFormat.ofOptionName("ohlc"));
        assertEquals("unknown format 'ohlc'; expected one of ticks, bars, trades, binance-klines, binance-klines-symbol, index, depth",
                e.getMessage());
    }

    @Test
    void dataWithoutHeaderIsNamedForWhatItLooksLike() {
        InputException trades = assertThrows(InputException.class, () -> detect("t.csv", "1,A,2,3,buy"));
        assertEquals("missing header line: the first line is data (like trades: timestamp_ms,symbol,price,qty,side,"
                + " or depth: timestamp_ms,symbol,percentage,depth_base,notional_usd); a recorded file starts with"
                + " its header (or choose the format with --format)", trades.problem());
    }
}
