package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.FeedEvent;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15: what recorded files were silently misread as — CR-only line ends (no data), quoted fields (a separate
 * series), timestamps in seconds (1970) — is now read right or refused with its place; and no line is read without
 * bound.
 */
class RecordedFeedHardeningTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static List<PriceEvent> prices(Path f) {
        List<PriceEvent> out = new ArrayList<>();
        try (RecordedFeedReader r = RecordedFeedReader.open(f)) {
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                out.add((PriceEvent) e);
            }
        }
        return out;
    }

    @Test
    void crOnlyAndMixedLineEndsReadEveryRow() throws IOException {
        String rows = "timestamp_ms,symbol,price|1735689600000,BTCUSDT,94000|1735689601000,BTCUSDT,94010|"
                + "1735689602000,BTCUSDT,94020|";
        for (String end : new String[] {"\r", "\r\n", "\n"}) {
            List<PriceEvent> p = prices(write("t.csv", rows.replace("|", end)));
            assertEquals(3, p.size(), "line end " + end.replace("\r", "CR").replace("\n", "LF"));
            assertEquals(94020, p.get(2).price());
        }
        // symbol blocks (two runs) found by byte offset must still line up with CR-only ends
        String blocks = "timestamp_ms,symbol,price\r1735689601000,ETHUSDT,3300\r1735689600000,BTCUSDT,94000\r"
                + "1735689602000,BTCUSDT,94020\r";
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "BTCUSDT"),
                prices(write("b.csv", blocks)).stream().map(PriceEvent::symbol).toList());
    }

    @Test
    void quotedFieldsAreReadAsTheirTextNotAsAnotherSeries() throws IOException {
        List<PriceEvent> p = prices(write("q.csv", "\"timestamp_ms\",\"symbol\",\"price\"\n"
                + "1735689600000,BTCUSDT,94000\n1735689601000,\"BTCUSDT\",\"94010\"\n1735689602000, \"BTC\"\"USDT\" ,1\n"));
        assertEquals(List.of("BTCUSDT", "BTCUSDT", "BTC\"USDT"), p.stream().map(PriceEvent::symbol).toList());
        assertEquals(94010, p.get(1).price());
    }

    @Test
    void brokenQuotingIsRefusedWithLineAndColumn() throws IOException {
        Path f = write("q.csv", "timestamp_ms,symbol,price\n1735689600000,\"BTC,USDT,94000\n");
        InputException e = assertThrows(InputException.class, () -> prices(f));
        assertEquals("line 2, column 15", e.place(), e.getMessage());
        assertTrue(e.problem().startsWith("a quoted field is not closed on its line"), e.getMessage());
        Path g = write("q2.csv", "timestamp_ms,symbol,price\n1735689600000,BT\"C,94000\n");
        assertEquals("line 2, column 17", assertThrows(InputException.class, () -> prices(g)).place());
    }

    @Test
    void timestampsInSecondsAreRefusedNamingTheColumnAndUnit() throws IOException {
        Path f = write("s.csv", "timestamp_ms,symbol,price\n1735689600,BTCUSDT,94000\n");
        InputException e = assertThrows(InputException.class, () -> prices(f));
        assertEquals(f + ": line 2: column timestamp_ms: 1735689600 looks like seconds since the epoch"
                + " (2025-01-01T00:00:00Z; read as milliseconds it would be 1970-01-21T02:08:09.600Z); expected"
                + " milliseconds (multiply by 1000)", e.getMessage());
    }

    @Test
    void aFirstLineThatNeverEndsIsRefusedAfterOneMebibyte() throws IOException {
        Path f = dir.resolve("long.csv");
        Files.write(f, "x".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII));
        InputException e = assertThrows(InputException.class, () -> RecordedFeedReader.open(f));
        assertEquals("line 1", e.place());
        assertTrue(e.problem().startsWith("is longer than 1048576 bytes"), e.getMessage());
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        assertEquals("line 1", assertThrows(InputException.class, () -> RecordedFeedReader.open(zero)).place());
    }

    @Test
    void aLongDataLineIsRefusedWithItsNumber() throws IOException {
        Path f = write("l.csv", "timestamp_ms,symbol,price\n1735689600000,BTCUSDT,94000\n1735689601000,"
                + "B".repeat(2 << 20) + ",1\n");
        InputException e = assertThrows(InputException.class, () -> prices(f));
        assertEquals("line 3", e.place(), e.getMessage());
    }
}
