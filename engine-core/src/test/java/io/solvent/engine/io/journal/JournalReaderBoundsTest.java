package io.solvent.engine.io.journal;

import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15: a journal line is read within a bound, so a file without line breaks is refused, not held whole. */
class JournalReaderBoundsTest {
    @Test
    void aLineLongerThanTheBoundIsRefusedWithItsNumber(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("j.jsonl");
        Files.writeString(f, "{\"t\":1,\"source\":\"solvent\",\"msg\":{\"status\":\"CONNECTED\",\"of\":\"pyth\"}}\n"
                + "x".repeat(JournalReader.MAX_LINE + 10));
        InputException e = assertThrows(InputException.class, () -> {
            try (JournalReader r = JournalReader.open(f, w -> { })) {
                while (r.next() != null) {
                    // drained
                }
            }
        });
        assertEquals("line 2", e.place(), e.getMessage());
        assertTrue(e.problem().startsWith("is longer than 1048576 characters"), e.getMessage());
    }
}
