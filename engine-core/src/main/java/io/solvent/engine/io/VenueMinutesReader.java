package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import io.solvent.engine.input.LineReader;
import io.solvent.engine.analytics.FidelityComparison;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a venue's recorded day per minute: the shared {@code hl_liq_adl_per_minute.csv} of Hyperliquid's 2025-10-10
 * ({@code minute_start_ms,minute_utc,liquidation_fills,liq_fills_in_straddling_second,adl_fills,adl_notional_usd}),
 * found by its column names. Errors name the file, the line and what was expected.
 */
public final class VenueMinutesReader {
    private VenueMinutesReader() {
    }

    /**
     * @param file the CSV
     * @return its minutes, in file order
     * @throws InputException when the file is missing, lacks a column, or holds a value that is not a number
     */
    public static List<FidelityComparison.VenueMinute> read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a directory; expected a CSV file", null);
        }
        try (LineReader lines = new LineReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), MAX_LINE)) {
            return read(source, lines);
        } catch (LineReader.LineTooLongException e) {
            throw new InputException(source, "", "has a line longer than " + MAX_LINE + " characters; not a"
                    + " per-minute CSV", e);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The longest line read, in characters. */
    static final int MAX_LINE = 64 * 1024;
    /** The most minutes read: ten years of them. */
    static final int MAX_MINUTES = 10 * 366 * 1440;

    private static List<FidelityComparison.VenueMinute> read(String source, LineReader lines) throws IOException {
        String first = lines.readLine();
        if (first == null) {
            throw new InputException(source, "", "is empty; expected a header line", null);
        }
        List<String> header = Arrays.asList(first.strip().split(","));
        int minute = column(source, header, "minute_start_ms");
        int liquidations = column(source, header, "liquidation_fills");
        int adl = column(source, header, "adl_fills");
        int notional = column(source, header, "adl_notional_usd");
        List<FidelityComparison.VenueMinute> out = new ArrayList<>();
        int lineNo = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (out.size() == MAX_MINUTES) {
                throw new InputException(source, "line " + lineNo, "more than " + MAX_MINUTES + " minutes", null);
            }
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new InputException(source, "line " + lineNo, "expected " + header.size()
                        + " columns, found " + f.length, null);
            }
            try {
                long start = Long.parseLong(f[minute].strip());
                long fills = Long.parseLong(f[liquidations].strip());
                long adlFills = Long.parseLong(f[adl].strip());
                double usd = Double.parseDouble(f[notional].strip());
                if (start < 0 || fills < 0 || adlFills < 0 || !(usd >= 0) || Double.isInfinite(usd)) {
                    throw new InputException(source, "line " + lineNo, "expected minute_start_ms, liquidation_fills,"
                            + " adl_fills and adl_notional_usd >= 0 and finite", null);
                }
                out.add(new FidelityComparison.VenueMinute(start, fills, adlFills, usd));
            } catch (NumberFormatException e) {
                throw new InputException(source, "line " + lineNo, "expected numbers in minute_start_ms,"
                        + " liquidation_fills, adl_fills and adl_notional_usd", e);
            }
        }
        return out;
    }

    private static int column(String file, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputException(file, "line 1", "no column " + name + "; expected "
                    + "minute_start_ms, liquidation_fills, adl_fills, adl_notional_usd", null);
        }
        return i;
    }
}
