package io.solvent.engine.io.journal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.testing.FuzzInput;

import java.nio.file.Path;

/** Any bytes as a recorder's journal, replayed to its end: events, warnings, or one clear input error. */
class JournalReaderFuzzTest {
    @FuzzTest
    void readJournal(byte[] input) {
        Path file = FuzzInput.file("journal.jsonl", input);
        FuzzInput.expectResultOrInputError(file.toString(), () -> {
            try (JournalReader r = JournalReader.open(file, warning -> { })) {
                for (FeedEvent e = r.next(); e != null; e = r.next()) {
                    // drained
                }
            }
        });
    }
}
