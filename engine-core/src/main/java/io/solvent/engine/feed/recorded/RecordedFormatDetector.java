package io.solvent.engine.feed.recorded;

import io.solvent.engine.input.InputException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a recorded file's format from its first line and its name, or checks the first line against a format chosen
 * explicitly.
 *
 * <p>Detection: a header line is matched by its column names (case and spaces around commas ignored) against every
 * format's header; a ticks header may omit {@code confidence}, a bars header {@code count}. A first line of 12 numeric columns is a header-less
 * Binance klines file, as is any file named like Binance's dumps ({@code SYMBOL-INTERVAL-...csv}, such as
 * {@code BTCUSDT-1m-2020-03.csv}). Any other first line is an error that says what was expected.
 */
public final class RecordedFormatDetector {
    private static final Pattern BINANCE_NAME =
            Pattern.compile("^([A-Za-z0-9]+)-(\\d+[smhdwM])-.*\\.csv$");

    /**
     * What the first line says about a file.
     *
     * @param format    the format
     * @param columns   the number of columns of every data line
     * @param hasHeader whether the first line is a header (else it is the first data line)
     */
    public record Layout(RecordedFormat format, int columns, boolean hasHeader) {
    }

    private RecordedFormatDetector() {
    }

    /**
     * @param fileName the file's name (without directories), such as {@code BTCUSDT-1m-2020-03.csv}
     * @return the symbol a Binance public-data file name gives, if it is named like one
     */
    public static Optional<String> binanceSymbol(String fileName) {
        Matcher m = BINANCE_NAME.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * @param file      the file as the user named it, for errors
     * @param fileName  the file's name without directories
     * @param firstLine the file's first line (a leading byte-order mark is ignored), or null if the file is empty
     * @param format    the format chosen explicitly, or null to detect it
     * @return the layout
     * @throws InputException when the first line fits no format, or not the chosen one
     */
    public static Layout layout(String file, String fileName, String firstLine, RecordedFormat format) {
        if (firstLine == null || firstLine.isBlank()) {
            throw new InputException(file, "", "is empty; expected a header line such as "
                    + RecordedFormat.BARS.header(), null);
        }
        String line = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
        List<String> names = normalisedFields(file, line);
        boolean looksLikeData = isInteger(names.getFirst());
        if (format != null) {
            return explicit(file, line, names, looksLikeData, format);
        }
        for (RecordedFormat f : RecordedFormat.values()) {
            int n = headerColumns(f, names);
            if (n > 0) {
                return new Layout(f, n, true);
            }
        }
        if (looksLikeData) {
            if (names.size() == 12 && allNumeric(names)) {
                return new Layout(RecordedFormat.BINANCE_KLINES, 12, false);
            }
            if (binanceSymbol(fileName).isPresent()) {
                return new Layout(RecordedFormat.BINANCE_KLINES, 12, false);
            }
            throw new InputException(file, "line 1", "missing header line: the first line is data" + guess(names)
                    + "; a recorded file starts with its header (or choose the format with --format)", null);
        }
        throw new InputException(file, "line 1", "unrecognised header '" + line.strip() + "'; expected one of: "
                + allHeaders() + " (or choose the format with --format)", null);
    }

    private static Layout explicit(String file, String line, List<String> names, boolean looksLikeData,
                                   RecordedFormat format) {
        int n = headerColumns(format, names);
        if (n > 0) {
            return new Layout(format, n, true);
        }
        if (format == RecordedFormat.BINANCE_KLINES && looksLikeData) {
            return new Layout(format, 12, false);
        }
        if (looksLikeData) {
            throw new InputException(file, "line 1", "missing header line: expected " + format.documentedHeader()
                    + " before the data", null);
        }
        throw new InputException(file, "line 1", "header '" + line.strip() + "' does not fit format " + format
                + ": expected " + format.documentedHeader(), null);
    }

    /** @return the header's column count if the names are this format's header, else 0 */
    private static int headerColumns(RecordedFormat f, List<String> names) {
        List<String> cols = f.columns();
        if (names.equals(cols)) {
            return cols.size();
        }
        if (f.optionalLastColumn() && names.equals(cols.subList(0, cols.size() - 1))) {
            return cols.size() - 1;
        }
        return 0;
    }

    private static String guess(List<String> fields) {
        return switch (fields.size()) {
            case 3, 4 -> " (like ticks: " + RecordedFormat.TICKS.documentedHeader() + ")";
            case 5 -> " (like trades: " + RecordedFormat.TRADES.header() + ", or depth: "
                    + RecordedFormat.DEPTH.header() + ")";
            case 7 -> " (like bars: " + RecordedFormat.BARS.header() + ")";
            default -> " of " + fields.size() + " columns";
        };
    }

    private static String allHeaders() {
        StringBuilder b = new StringBuilder();
        for (RecordedFormat f : RecordedFormat.values()) {
            if (!b.isEmpty()) {
                b.append(" | ");
            }
            b.append(f.documentedHeader());
        }
        return b.toString();
    }

    private static List<String> normalisedFields(String file, String line) {
        List<String> out = new java.util.ArrayList<>();
        try {
            CsvFields.split(line, f -> out.add(f.toLowerCase(Locale.ROOT)));
        } catch (CsvFields.Malformed e) {
            throw new InputException(file, "line 1, column " + e.column(), e.getMessage(), e);
        }
        return out;
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allNumeric(List<String> fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
