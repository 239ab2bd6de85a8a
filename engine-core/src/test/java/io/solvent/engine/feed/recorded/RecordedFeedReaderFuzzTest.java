package io.solvent.engine.feed.recorded;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.testing.FuzzInput;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Any bytes as a recorded feed, read to its end: every format of {@link RecordedFormat}. The first byte chooses how
 * the file is opened — its format detected, or one format named (as {@code --format} does) — and its name (a
 * Binance-style name, from which klines take their symbol, or a plain one); the rest is the file.
 */
class RecordedFeedReaderFuzzTest {
    private static final RecordedFormat[] FORMATS = RecordedFormat.values();

    @FuzzTest
    void readFeed(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int choice = input[0] & 0xff;
        int f = choice % (FORMATS.length + 1);
        String name = (choice & 0x80) != 0 ? "BTCUSDT-1m-2020-03.csv" : "feed.csv";
        Path file = FuzzInput.file(name, Arrays.copyOfRange(input, 1, input.length));
        RecordedFeedOptions options = f == FORMATS.length ? RecordedFeedOptions.DETECT
                : RecordedFeedOptions.DETECT.withFormat(FORMATS[f]);
        FuzzInput.expectResultOrInputError(file.toString(), () -> {
            try (RecordedFeedReader r = RecordedFeedReader.open(file, options)) {
                for (FeedEvent e = r.next(); e != null; e = r.next()) {
                    // drained
                }
            }
        });
    }
}
