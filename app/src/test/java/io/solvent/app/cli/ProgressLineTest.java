package io.solvent.app.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLineTest {

    @Test
    void formatsPositionPercentageRateAndEta() {
        assertEquals("solvent: replay: 2025-10-10T21:00:00Z  25.0%  100,000 events  50,000 events/s  ETA 0:06",
                ProgressLine.format("replay", ProgressLine.instant(1_760_130_000_000L), 100_000, "events", 0.25,
                        2_000));
        assertEquals("solvent: stress:  3.0%  3 runs  0 runs/s  ETA 1:00:00",
                ProgressLine.format("stress", "", 3, "runs", 0.03, 111_340));
        assertEquals("solvent: replay: 1970-01-01T00:00:01Z  12 events  6 events/s",
                ProgressLine.format("replay", ProgressLine.instant(1_000), 12, "events", Double.NaN, 2_000),
                "no percentage and no ETA when the end is unknown");
        assertEquals("solvent: replay:  0 events", ProgressLine.format("replay", ProgressLine.instant(Long.MIN_VALUE), 0,
                "events", Double.NaN, 0));
        assertEquals("solvent: stress:  100.0%  8 runs  4 runs/s  ETA 0:00",
                ProgressLine.format("stress", "", 8, "runs", 1.0, 2_000));
        assertEquals("1:01:01", ProgressLine.duration(3_661_000));
        assertEquals("0:59", ProgressLine.duration(59_400));
    }

    @Test
    void updatesAtMostFourTimesASecondAndClearsTheLine() {
        AtomicLong nanos = new AtomicLong(0);
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), true, nanos::get);
        line.update("replay", "", 1, "events", Double.NaN);
        assertEquals("", err.toString(), "nothing in the first quarter second");
        nanos.set(250_000_000L);
        line.update("replay", "", 10, "events", Double.NaN);
        nanos.set(300_000_000L);
        line.update("replay", "", 20, "events", Double.NaN);
        assertEquals("\rsolvent: replay:  10 events  40 events/s", err.toString(), "one update per quarter second");
        nanos.set(500_000_000L);
        line.update("replay", "", 5_000, "events", Double.NaN);
        assertTrue(err.toString().endsWith("\rsolvent: replay:  5,000 events  10,000 events/s"), err.toString());
        line.clear();
        String all = err.toString();
        String erased = all.substring(all.lastIndexOf("events/s") + "events/s".length());
        assertEquals("\r" + " ".repeat("solvent: replay:  5,000 events  10,000 events/s".length()) + "\r", erased);
    }

    @Test
    void aDisabledLineWritesNothing() {
        AtomicLong nanos = new AtomicLong(0);
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), false, nanos::get);
        nanos.set(10_000_000_000L);
        line.update("stress", "", 1, "runs", 0.5);
        line.clear();
        assertEquals("", err.toString());
    }
}
