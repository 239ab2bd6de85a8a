package io.solvent.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderCommitTest {
    private static final List<String> FILES = List.of("events.csv", "manifest.json", "metrics.csv", "summary.json");

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void oldRun() throws IOException {
        for (String f : FILES) {
            Files.writeString(dir.resolve(f), "old");
        }
    }

    private void assertRun(String which) throws IOException {
        for (String f : FILES) {
            assertEquals(which, Files.readString(dir.resolve(f)), f);
        }
    }

    @Test
    void aCommitReplacesEveryFileAndLeavesNothingElse() throws Exception {
        oldRun();
        Files.writeString(dir.resolve("audit.jsonl"), "kept");
        try (FolderCommit c = FolderCommit.begin(dir)) {
            for (String f : FILES) {
                c.writeText(f, w -> w.write("new"));
            }
            assertRun("old");
            c.commit();
        }
        assertRun("new");
        assertEquals(List.of("audit.jsonl", "events.csv", "manifest.json", "metrics.csv", "summary.json"), names());
    }

    @Test
    void aRunThatFailsBeforeItsCommitLeavesTheOldFiles() throws Exception {
        oldRun();
        try (FolderCommit c = FolderCommit.begin(dir)) {
            c.writeText("events.csv", w -> w.write("new"));
            c.writeText("metrics.csv", w -> w.write("new"));
        }
        assertRun("old");
        assertEquals(FILES, names());
    }

    /** The state a kill leaves between the commit record and the last rename: completed by the next begin or read. */
    @Test
    void aCommitCutShortAfterItsRecordIsCompletedAsAWhole() throws Exception {
        oldRun();
        long dead = AtomicFilesTest.deadPid();
        StringBuilder record = new StringBuilder("solvent-commit 1\n");
        for (int i = 0; i < FILES.size(); i++) {
            String tmp = "." + FILES.get(i) + "." + dead + "." + (i + 1) + ".tmp";
            record.append(tmp).append('\t').append(FILES.get(i)).append('\n');
            // the first two were renamed before the kill
            Files.writeString(dir.resolve(i < 2 ? FILES.get(i) : tmp), "new");
        }
        Files.writeString(dir.resolve(FolderCommit.RECORD), record);
        assertTrue(FolderCommit.recover(dir));
        assertRun("new");
        assertEquals(FILES, names());
        assertFalse(FolderCommit.recover(dir), "nothing left to complete");
    }

    @Test
    void aKilledRunBeforeItsCommitLeavesTemporaryFilesTheNextRunRemoves() throws Exception {
        oldRun();
        long dead = AtomicFilesTest.deadPid();
        Files.writeString(dir.resolve(".events.csv." + dead + ".1.tmp"), "half a run");
        Files.writeString(dir.resolve(".metrics.csv." + dead + ".2.tmp"), "half a run");
        try (FolderCommit c = FolderCommit.begin(dir)) {
            assertEquals(FILES, names(), "the killed run's files are gone before this one writes");
        }
        assertRun("old");
    }

    @Test
    void aMalformedRecordIsAnErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve(FolderCommit.RECORD), "solvent-commit 1\n../../etc/passwd\tsummary.json\n");
        IOException e = assertThrows(IOException.class, () -> FolderCommit.recover(dir));
        assertTrue(e.getMessage().contains(FolderCommit.RECORD + ": line 2: "), e.getMessage());
    }
}
