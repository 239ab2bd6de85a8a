package io.solvent.app.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {
    private static AuditEntry entry(String key, String why) {
        return new AuditEntry("2026-12-07T10:00:00Z", "alice", "slow crash", "fork-1", 1_735_690_996_000L, key,
                "0.02", "0.03", why, "fork");
    }

    @Test
    void appendsOneLineEachAndReadsThemBack(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir.resolve("sub").resolve(AuditLog.FILE));
        log.append(entry("markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "cascade risk"));
        log.append(entry("liquidation.buffer", "a reason\nover two lines"));
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(2, lines.size(), "one line per entry, a newline in a reason escaped");
        assertTrue(lines.getFirst().contains("\"new\":\"0.03\""), lines.getFirst());
        List<AuditEntry> back = AuditLog.read(log.file());
        assertEquals(2, back.size());
        assertEquals("a reason\nover two lines", back.get(1).why());
        assertEquals(entry("liquidation.buffer", "a reason\nover two lines"), back.get(1));
    }

    @Test
    void aLineCutShortByAKillIsSkippedAndTheLogGoesOn(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir.resolve(AuditLog.FILE));
        log.append(entry("a", "first"));
        Files.writeString(log.file(), "{\"wallTime\":\"2026-12-07T10:0", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(1, AuditLog.read(log.file()).size());
        Files.writeString(log.file(), "\n", StandardOpenOption.APPEND);
        log.append(entry("b", "after the kill"));
        List<AuditEntry> back = AuditLog.read(log.file());
        assertEquals(List.of("first", "after the kill"), back.stream().map(AuditEntry::why).toList());
    }

    @Test
    void theNextAppendRemovesALineCutShortSoThatItIsNotSwallowed(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir.resolve(AuditLog.FILE));
        log.append(entry("a", "first"));
        String whole = Files.readString(log.file());
        Files.writeString(log.file(), "{\"wallTime\":\"2026-12-07T10:0", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        log.append(entry("b", "after the kill"));
        assertEquals(List.of("first", "after the kill"), AuditLog.read(log.file()).stream().map(AuditEntry::why)
                .toList());
        assertTrue(Files.readString(log.file()).startsWith(whole + "{"), "the cut line is gone, the first kept");
        assertEquals(2, Files.readAllLines(log.file()).size());
    }
}
