package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.FeedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large generated trades file replays in bounded memory: the heap retained while reading (measured after a full
 * collection at checkpoints) does not grow with the part of the file read. Figures are printed, timings are not
 * asserted.
 */
class StreamingMemoryTest {
    private static final int SYMBOLS = 4;
    private static final int LINES_PER_SYMBOL = 750_000;
    private static final int CHECKPOINTS = 10;

    @Test
    void aFewMillionLinesReplayInBoundedMemory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trades.csv");
        long start = 1_760_129_400_000L;
        SplittableRandom random = new SplittableRandom(7);
        // symbol blocks, like the shared files: the reader must cut and merge SYMBOLS runs
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp_ms,symbol,price,qty,side\n");
            for (int s = 0; s < SYMBOLS; s++) {
                long t = start;
                double price = 100.0 * (s + 1);
                for (int i = 0; i < LINES_PER_SYMBOL; i++) {
                    t += random.nextInt(5);
                    price *= 1 + (random.nextDouble() - 0.5) * 1e-3;
                    w.write(Long.toString(t));
                    w.write(",SYM");
                    w.write(Integer.toString(s));
                    w.write(',');
                    w.write(Double.toString(price));
                    w.write(',');
                    w.write(Integer.toString(1 + random.nextInt(100)));
                    w.write(random.nextBoolean() ? ",buy\n" : ",sell\n");
                }
            }
        }
        long bytes = Files.size(file);
        long expected = (long) SYMBOLS * LINES_PER_SYMBOL;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = retained(memory);
        List<Long> samples = new ArrayList<>();
        long count = 0;
        long previous = Long.MIN_VALUE;
        long step = expected / CHECKPOINTS;
        try (RecordedFeedReader r = RecordedFeedReader.open(file)) {
            assertEquals(SYMBOLS, r.runs());
            for (FeedEvent e = r.next(); e != null; e = r.next()) {
                assertTrue(e.timestampMs() >= previous, "time order");
                previous = e.timestampMs();
                if (++count % step == 0) {
                    samples.add(retained(memory));
                }
            }
        }
        assertEquals(expected, count);
        assertEquals(CHECKPOINTS, samples.size());
        long growth = samples.getLast() - samples.getFirst();
        long max = samples.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("streaming: %,d lines, %,d bytes; retained heap before %,d B, at the %d checkpoints "
                        + "%s B; growth from the first to the last checkpoint %,d B, peak above baseline %,d B%n",
                expected, bytes, baseline, CHECKPOINTS, samples, growth, max - baseline);
        // A reader that kept its events (≥ 48 B each) would retain ≥ 130 MB more by the end; a reader that loaded the
        // file would retain its size. Allow a few MB of noise.
        assertTrue(growth < 4L << 20, "retained heap grew by " + growth + " B while reading " + bytes + " B");
        assertTrue(max - baseline < 16L << 20, "retained heap rose " + (max - baseline) + " B above the baseline");
    }

    private static long retained(MemoryMXBean memory) {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
