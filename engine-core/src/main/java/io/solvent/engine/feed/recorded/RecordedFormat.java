package io.solvent.engine.feed.recorded;

import java.util.List;
import java.util.Locale;

/**
 * The recorded file formats of {@code cli-and-files.md} ("Price feeds"). Every format is comma-separated text, one
 * record a line, timestamps in milliseconds since the Unix epoch (UTC) unless said otherwise.
 */
public enum RecordedFormat {
    /** {@code timestamp_ms,symbol,price[,confidence]}, header required; one price event a line. */
    TICKS("ticks", List.of("timestamp_ms", "symbol", "price", "confidence"), true, 0, 1, 2),
    /**
     * {@code timestamp_ms,symbol,open,high,low,close,volume[,count]}, header required, {@code timestamp_ms} the bar's
     * open time; each bar replayed as four price events ({@link BarReplay}). The optional {@code count} (Binance's
     * number of trades or samples in the bar, as in its mark- and index-price klines) is read and checked, not used.
     */
    BARS("bars", List.of("timestamp_ms", "symbol", "open", "high", "low", "close", "volume", "count"), true, 0, 1, 2),
    /** {@code timestamp_ms,symbol,price,qty,side}, header required; one price event (the trade price) a line. */
    TRADES("trades", List.of("timestamp_ms", "symbol", "price", "qty", "side"), false, 0, 1, 2),
    /**
     * Binance public-data klines: 12 columns, header optional, open time in ms or µs (µs when above 10^14); the
     * symbol from the file name or given. Replayed as bars.
     */
    BINANCE_KLINES("binance-klines", List.of("open_time", "open", "high", "low", "close", "volume", "close_time",
            "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"), false, 0, -1, 1),
    /**
     * Binance klines with the symbol in a first column ({@code symbol,open_time,open,...,ignore}, 13 columns), header
     * required, open time in ms or µs. Replayed as bars.
     */
    BINANCE_KLINES_WITH_SYMBOL("binance-klines-symbol", List.of("symbol", "open_time", "open", "high", "low", "close",
            "volume", "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"),
            false, 1, 0, 2),
    /**
     * An index price sampled with three clocks (Tardis.dev's derived files, such as OKX's BTC-USD index taken from
     * option-chain snapshots): {@code timestamp_ms,timestamp_us,local_timestamp_us,symbol,index_price}, header
     * required; one price event a line at {@code timestamp_ms} (the exchange's time; the two µs columns are checked
     * to be integers, not used).
     */
    INDEX("index", List.of("timestamp_ms", "timestamp_us", "local_timestamp_us", "symbol", "index_price"), false, 0, 3,
            4),
    /**
     * Order-book depth (Binance bookDepth) {@code timestamp_ms,symbol,percentage,depth_base,notional_usd}, header
     * required; one depth event a line.
     */
    DEPTH("depth", List.of("timestamp_ms", "symbol", "percentage", "depth_base", "notional_usd"), false, 0, 1, 2);

    private final String optionName;
    private final List<String> columns;
    private final boolean optionalLast;
    private final int timeColumn;
    private final int symbolColumn;
    private final int valueColumn;

    RecordedFormat(String optionName, List<String> columns, boolean optionalLast, int timeColumn, int symbolColumn,
                   int valueColumn) {
        this.optionName = optionName;
        this.columns = columns;
        this.optionalLast = optionalLast;
        this.timeColumn = timeColumn;
        this.symbolColumn = symbolColumn;
        this.valueColumn = valueColumn;
    }

    /** @return whether the last of {@link #columns()} may be left out of the header (ticks' confidence, bars' count) */
    public boolean optionalLastColumn() {
        return optionalLast;
    }

    /** @return the index of the column holding the timestamp */
    public int timeColumn() {
        return timeColumn;
    }

    /** @return the index of the column holding the symbol; −1 when the file has none (Binance klines) */
    public int symbolColumn() {
        return symbolColumn;
    }

    /** @return the index of the first value column: the price, the bar's open, or the depth's percentage */
    public int valueColumn() {
        return valueColumn;
    }

    /** @return whether the timestamp may be in µs (values above 10^14 are then divided by 1000): Binance klines */
    public boolean microsAllowed() {
        return this == BINANCE_KLINES || this == BINANCE_KLINES_WITH_SYMBOL;
    }

    /** @return whether each record is a bar replayed as four price events */
    public boolean bars() {
        return this == BARS || this == BINANCE_KLINES || this == BINANCE_KLINES_WITH_SYMBOL;
    }

    /** @return the name used on the command line ({@code --format}), such as {@code binance-klines} */
    public String optionName() {
        return optionName;
    }

    /**
     * @return the column names of the header line, in order; where {@link #optionalLastColumn()}, the last one
     *         ({@code confidence} of ticks, {@code count} of bars) may be left out
     */
    public List<String> columns() {
        return columns;
    }

    /** @return the header line this format expects (without an optional last column) */
    public String header() {
        return String.join(",", optionalLast ? columns.subList(0, columns.size() - 1) : columns);
    }

    /** @return the header as documented, an optional last column in brackets ({@code ...,price[,confidence]}) */
    public String documentedHeader() {
        return header() + (optionalLast ? "[," + columns.getLast() + "]" : "");
    }

    /** @return whether the file gives the symbol in a column ({@code false} for Binance klines) */
    public boolean hasSymbolColumn() {
        return symbolColumn >= 0;
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
