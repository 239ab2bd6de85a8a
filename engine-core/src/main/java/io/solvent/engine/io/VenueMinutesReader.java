package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import io.solvent.engine.analytics.FidelityComparison;

import java.io.IOException;
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
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file", e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new InputException(file.toString(), "", "is empty; expected a header line", null);
        }
        List<String> header = Arrays.asList(lines.getFirst().strip().split(","));
        int minute = column(file, header, "minute_start_ms");
        int liquidations = column(file, header, "liquidation_fills");
        int adl = column(file, header, "adl_fills");
        int notional = column(file, header, "adl_notional_usd");
        List<FidelityComparison.VenueMinute> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != header.size()) {
                throw new InputException(file.toString(), "line " + (i + 1), "expected " + header.size()
                        + " columns, found " + f.length, null);
            }
            try {
                out.add(new FidelityComparison.VenueMinute(Long.parseLong(f[minute].strip()),
                        Long.parseLong(f[liquidations].strip()), Long.parseLong(f[adl].strip()),
                        Double.parseDouble(f[notional].strip())));
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), "line " + (i + 1), "expected numbers in minute_start_ms,"
                        + " liquidation_fills, adl_fills and adl_notional_usd", e);
            }
        }
        return out;
    }

    private static int column(Path file, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputException(file.toString(), "line 1", "no column " + name + "; expected "
                    + "minute_start_ms, liquidation_fills, adl_fills, adl_notional_usd", null);
        }
        return i;
    }
}
