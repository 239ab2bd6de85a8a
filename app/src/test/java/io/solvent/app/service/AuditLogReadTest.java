package io.solvent.app.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Found by AuditLogFuzzTest: a log whose last line a kill cut inside a multi-byte character was unreadable as a
 * whole (MalformedInputException); the cut line is skipped like any line cut short and the entries before it stand.
 * A line of no end is skipped in bounded memory.
 */
class AuditLogReadTest {
    @Test
    void aLastLineCutInsideACharacterIsSkipped(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(AuditLog.FILE);
        AuditEntry e = new AuditEntry("2026-12-07T10:00:00Z", "ops", "s.json", "original", 1000, "liquidation.buffer",
                "0.02", "0.03", "tighter", "change");
        new AuditLog(f).append(e);
        byte[] cut = "{\"why\":\"€".getBytes(StandardCharsets.UTF_8);
        Files.write(f, Arrays.copyOf(cut, cut.length - 1), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, AuditLog.read(f).size());
    }

    @Test
    void aLineLongerThanAnEntryIsSkipped(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(AuditLog.FILE);
        Files.writeString(f, "x".repeat(1 << 20) + "\n");
        AuditEntry e = new AuditEntry("2026-12-07T10:00:00Z", "ops", "s.json", "original", 1000, "oracle.latencyMs",
                "2000", "5000", "", "change");
        new AuditLog(f).append(e);
        assertEquals(1, AuditLog.read(f).size());
    }
}
