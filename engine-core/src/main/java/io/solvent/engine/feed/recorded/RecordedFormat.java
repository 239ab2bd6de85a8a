package io.solvent.engine.feed.recorded;

import java.util.List;
import java.util.Locale;

/**
 * The recorded file formats of {@code cli-and-files.md} ("Price feeds"). Every format is comma-separated text, one
 * record a line, timestamps in milliseconds since the Unix epoch (UTC) unless said otherwise.
 */
public enum RecordedFormat {
    /** {@code timestamp_ms,symbol,price[,confidence]}, header required; one price event a line. */
    TICKS("ticks", List.of("timestamp_ms", "symbol", "price", "confidence")),
    /**
     * {@code timestamp_ms,symbol,open,high,low,close,volume}, header required, {@code timestamp_ms} the bar's open
     * time; each bar replayed as four price events ({@link BarReplay}).
     */
    BARS("bars", List.of("timestamp_ms", "symbol", "open", "high", "low", "close", "volume")),
    /** {@code timestamp_ms,symbol,price,qty,side}, header required; one price event (the trade price) a line. */
    TRADES("trades", List.of("timestamp_ms", "symbol", "price", "qty", "side")),
    /**
     * Binance public-data klines: 12 columns, header optional, open time in ms or µs (µs when above 10^14); the
     * symbol from the file name or given. Replayed as bars.
     */
    BINANCE_KLINES("binance-klines", List.of("open_time", "open", "high", "low", "close", "volume", "close_time",
            "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore")),
    /**
     * Order-book depth (Binance bookDepth) {@code timestamp_ms,symbol,percentage,depth_base,notional_usd}, header
     * required; one depth event a line.
     */
    DEPTH("depth", List.of("timestamp_ms", "symbol", "percentage", "depth_base", "notional_usd"));

    private final String optionName;
    private final List<String> columns;

    RecordedFormat(String optionName, List<String> columns) {
        this.optionName = optionName;
        this.columns = columns;
    }

    /** @return the name used on the command line ({@code --format}), such as {@code binance-klines} */
    public String optionName() {
        return optionName;
    }

    /**
     * @return the column names of the header line, in order; for {@link #TICKS} the last one, {@code confidence},
     *         is optional
     */
    public List<String> columns() {
        return columns;
    }

    /** @return the header line this format expects (for ticks, without the optional confidence column) */
    public String header() {
        return String.join(",", this == TICKS ? columns.subList(0, 3) : columns);
    }

    /** @return whether the file gives the symbol in a column ({@code false} for Binance klines) */
    public boolean hasSymbolColumn() {
        return this != BINANCE_KLINES;
    }

    /** @return whether a file of this format must start with a header line */
    public boolean headerRequired() {
        return this != BINANCE_KLINES;
    }

    /** @return whether a record becomes price events ({@code false} for depth) */
    public boolean producesPrices() {
        return this != DEPTH;
    }

    /**
     * @param name a command-line name such as {@code bars} or {@code binance-klines} (case-insensitive)
     * @return the format
     * @throws IllegalArgumentException naming the accepted names when there is none by that name
     */
    public static RecordedFormat ofOptionName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (RecordedFormat f : values()) {
            if (f.optionName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected one of " + optionNames());
    }

    /** @return the command-line names of all formats, comma-separated */
    public static String optionNames() {
        StringBuilder b = new StringBuilder();
        for (RecordedFormat f : values()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(f.optionName);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return optionName;
    }
}
