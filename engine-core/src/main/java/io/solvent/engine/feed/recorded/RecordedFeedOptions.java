package io.solvent.engine.feed.recorded;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to read a recorded file.
 *
 * @param format    the format, or null to detect it from the header line, the column count and the file name
 *                  ({@link RecordedFormatDetector})
 * @param symbol    for Binance klines, the symbol of the file's bars; null to take it from the file name
 *                  ({@code BTCUSDT-1m-2020-03.csv} → {@code BTCUSDT}); must be null for formats with a symbol column
 * @param symbolMap feed symbol → asset. Empty: every symbol is accepted. Not empty: a symbol that is not a key is an
 *                  error naming its line (a scenario that forgot a symbol must not silently drop its prices). The
 *                  events keep the feed symbol; the mapping is applied downstream.
 */
public record RecordedFeedOptions(RecordedFormat format, String symbol, Map<String, String> symbolMap) {

    /** Detect the format, symbol from the file name, every symbol accepted. */
    public static final RecordedFeedOptions DETECT = new RecordedFeedOptions(null, null, Map.of());

    public RecordedFeedOptions {
        symbolMap = Map.copyOf(new TreeMap<>(Objects.requireNonNull(symbolMap, "symbolMap")));
        if (symbol != null && symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
    }

    /** @return these options with the format chosen explicitly (null: detect) */
    public RecordedFeedOptions withFormat(RecordedFormat f) {
        return new RecordedFeedOptions(f, symbol, symbolMap);
    }

    /** @return these options with the klines symbol given explicitly (null: from the file name) */
    public RecordedFeedOptions withSymbol(String s) {
        return new RecordedFeedOptions(format, s, symbolMap);
    }

    /** @return these options accepting only the symbols of {@code map} (empty: every symbol) */
    public RecordedFeedOptions withSymbolMap(Map<String, String> map) {
        return new RecordedFeedOptions(format, symbol, map);
    }
}
