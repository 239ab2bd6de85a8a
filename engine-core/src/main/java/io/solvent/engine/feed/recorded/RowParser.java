package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.DepthEvent;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.input.InputException;

import java.util.Locale;

/**
 * Turns one data line of a recorded file into feed events, checking every field. Stateless apart from the reusable
 * field array, so one parser serves one cursor.
 */
final class RowParser {
    /** Epoch values above this are not milliseconds (10^14 ms is the year 5138): Binance's µs klines. */
    static final long MICROS_THRESHOLD = 100_000_000_000_000L;
    /**
     * Timestamps from here up to {@link #SECONDS_UNTIL} are seconds, not milliseconds: as seconds they are
     * 2001-09-09 to 5138, as milliseconds the first two years of 1970, when no market was recorded.
     */
    static final long SECONDS_FROM = 1_000_000_000L;
    /** See {@link #SECONDS_FROM}: 10^11 ms is 1973-03-03. */
    static final long SECONDS_UNTIL = 100_000_000_000L;
    private static final int MAX_FIELDS = 16;

    private final RecordedFormat format;
    private final int columns;
    private final String file;
    private final String source;
    private final String fixedSymbol;
    private final String[] fields = new String[MAX_FIELDS];
    private final PriceEvent[] bar = new PriceEvent[4];

    /**
     * @param format      the format
     * @param columns     how many columns every line has (for ticks 3 or 4, from the header)
     * @param file        the file as the user named it, for errors
     * @param source      the events' source
     * @param fixedSymbol the symbol for formats without a symbol column, else null
     */
    RowParser(RecordedFormat format, int columns, String file, String source, String fixedSymbol) {
        this.format = format;
        this.columns = columns;
        this.file = file;
        this.source = source;
        this.fixedSymbol = fixedSymbol;
    }

    /** Splits a line into the field array (RFC 4180 quoting, {@link CsvFields}), checking the column count. */
    void split(String line, long lineNo) {
        int[] n = {0};
        try {
            CsvFields.split(line, f -> {
                if (n[0] < MAX_FIELDS) {
                    fields[n[0]] = f;
                }
                n[0]++;
            });
        } catch (CsvFields.Malformed e) {
            throw new InputException(file, "line " + lineNo + ", column " + e.column(), e.getMessage(), e);
        }
        if (n[0] != columns) {
            throw error(lineNo, "expected " + columns + " columns (" + expectedColumns() + "), found " + n[0]);
        }
    }

    private String expectedColumns() {
        return String.join(",", format.columns().subList(0, columns));
    }

    /** @return the timestamp of the line last split, in ms (klines in µs are converted) */
    long timestamp(long lineNo) {
        int c = format.timeColumn();
        String f = fields[c];
        long t;
        try {
            t = Long.parseLong(f);
        } catch (NumberFormatException e) {
            throw error(lineNo, "column " + format.columns().get(c) + ": expected an integer timestamp in "
                    + (format.microsAllowed() ? "ms or µs" : "ms") + " since the epoch, found '" + f + "'");
        }
        if (t < 0) {
            throw error(lineNo, "column " + format.columns().get(c) + ": timestamp " + t + " is negative");
        }
        if (t >= SECONDS_FROM && t < SECONDS_UNTIL) {
            throw error(lineNo, "column " + format.columns().get(c) + ": " + t + " looks like seconds since the epoch"
                    + " (" + java.time.Instant.ofEpochSecond(t) + "; read as milliseconds it would be "
                    + java.time.Instant.ofEpochMilli(t) + "); expected milliseconds (multiply by 1000)");
        }
        if (t > MICROS_THRESHOLD) {
            if (format.microsAllowed()) {
                return t / 1000;
            }
            throw error(lineNo, "column " + format.columns().get(c) + ": " + t + " is not in milliseconds since the"
                    + " epoch (it would be after the year 5000; micro- or nanoseconds?)");
        }
        return t;
    }

    /** @return the symbol of the line last split */
    String symbol(long lineNo) {
        if (fixedSymbol != null) {
            return fixedSymbol;
        }
        String s = fields[format.symbolColumn()];
        if (s.isEmpty()) {
            throw error(lineNo, "column symbol: empty");
        }
        return s;
    }

    /**
     * Parses the line last split into events.
     *
     * @return how many events were written to {@code out} (1, or 4 for a bar)
     */
    int events(long lineNo, FeedEvent[] out) {
        long t = timestamp(lineNo);
        String symbol = symbol(lineNo);
        int v = format.valueColumn();
        if (format.bars()) {
            return bar(lineNo, t, symbol, v, out);
        }
        switch (format) {
            case TICKS -> {
                double price = price(lineNo, v);
                double confidence = Double.NaN;
                if (columns == 4 && !fields[3].isEmpty()) {
                    confidence = number(lineNo, 3);
                    if (confidence < 0) {
                        throw error(lineNo, "column confidence: " + fields[3] + " is negative; expected >= 0"
                                + " or empty for none");
                    }
                }
                out[0] = new PriceEvent(t, symbol, price, confidence, source);
                return 1;
            }
            case TRADES -> {
                double price = price(lineNo, v);
                double qty = number(lineNo, 3);
                if (!(qty > 0)) {
                    throw error(lineNo, "column qty: " + fields[3] + " is not positive");
                }
                String side = fields[4].toLowerCase(Locale.ROOT);
                if (!side.equals("buy") && !side.equals("sell")) {
                    throw error(lineNo, "column side: expected buy or sell, found '" + fields[4] + "'");
                }
                out[0] = PriceEvent.of(t, symbol, price, source);
                return 1;
            }
            case INDEX -> {
                integer(lineNo, 1);
                integer(lineNo, 2);
                out[0] = PriceEvent.of(t, symbol, price(lineNo, v), source);
                return 1;
            }
            case DEPTH -> {
                double percentage = number(lineNo, 2);
                double depth = nonNegative(lineNo, 3);
                double notional = nonNegative(lineNo, 4);
                out[0] = new DepthEvent(t, symbol, percentage, depth, notional, source);
                return 1;
            }
            default -> throw new IllegalStateException(format.name());
        }
    }

    private void integer(long lineNo, int column) {
        try {
            Long.parseLong(fields[column]);
        } catch (NumberFormatException e) {
            throw error(lineNo, "column " + columnName(column) + ": expected an integer, found '" + fields[column]
                    + "'");
        }
    }

    private int bar(long lineNo, long t, String symbol, int first, FeedEvent[] out) {
        double open = price(lineNo, first);
        double high = price(lineNo, first + 1);
        double low = price(lineNo, first + 2);
        double close = price(lineNo, first + 3);
        nonNegative(lineNo, first + 4);
        if (format == RecordedFormat.BARS && columns == 8) {
            nonNegative(lineNo, 7); // count
        }
        if (low > high) {
            throw error(lineNo, "low " + fields[first + 2] + " is above high " + fields[first + 1]);
        }
        if (open < low || open > high) {
            throw error(lineNo, "open " + fields[first] + " is outside [low, high] = [" + fields[first + 2] + ", "
                    + fields[first + 1] + "]");
        }
        if (close < low || close > high) {
            throw error(lineNo, "close " + fields[first + 3] + " is outside [low, high] = [" + fields[first + 2]
                    + ", " + fields[first + 1] + "]");
        }
        BarReplay.fourTicks(t, symbol, open, high, low, close, source, bar);
        System.arraycopy(bar, 0, out, 0, 4);
        return 4;
    }

    private double price(long lineNo, int column) {
        double p = number(lineNo, column);
        if (!(p > 0)) {
            throw error(lineNo, "column " + columnName(column) + ": price " + fields[column]
                    + " is not positive");
        }
        return p;
    }

    private double nonNegative(long lineNo, int column) {
        double v = number(lineNo, column);
        if (v < 0) {
            throw error(lineNo, "column " + columnName(column) + ": " + fields[column] + " is negative");
        }
        return v;
    }

    private double number(long lineNo, int column) {
        String f = fields[column];
        double v;
        try {
            v = Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw error(lineNo, "column " + columnName(column) + ": expected a number, found '" + f + "'");
        }
        if (!Double.isFinite(v) || !isPlainNumber(f)) {
            throw error(lineNo, "column " + columnName(column) + ": expected a finite number, found '" + f + "'");
        }
        return v;
    }

    /** Rejects what Java parses but a CSV number is not: NaN, Infinity, hex, and type suffixes such as 1d. */
    private static boolean isPlainNumber(String f) {
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    private String columnName(int column) {
        return format.columns().get(column);
    }

    InputException error(long lineNo, String problem) {
        return new InputException(file, "line " + lineNo, problem, null);
    }
}
