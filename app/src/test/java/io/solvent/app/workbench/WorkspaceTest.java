package io.solvent.app.workbench;

import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {
    static Workspace sample() {
        return new Workspace(Workspace.FORMAT, "desk", "assets/scenarios/slow-crash.json", List.of(
                new RunAction.Fork("mm-up", "original", 1_735_690_996_000L,
                        Map.of("markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.03")),
                new RunAction.Change("original", 1_735_691_000_000L, Map.of("liquidation.buffer", "0.03"))),
                "mm-up", 1_735_692_000_000L, true, List.of(new Bookmark(1_735_690_996_000L, "first\nbankruptcy")),
                "compare", Map.of("accounts.filter", "at risk"));
    }

    @Test
    void savedAtomicallyAndReadBackEqual(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w").resolve("desk.workspace.json");
        Workspace w = sample();
        w.save(f);
        assertEquals(w, Workspace.read(f));
        assertEquals("first bankruptcy", w.bookmarks().getFirst().note(), "a note is one line");
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList(), "no temporary file left beside it");
        }
        String text = Files.readString(f);
        assertTrue(text.contains("\"action\" : \"fork\"") && text.contains("\"action\" : \"change\""), text);
    }

    /** A workspace is a file to share: the umask's permissions, not the owner-only ones of a temporary file. */
    @Test
    void savedWithOrdinaryPermissionsAndAKilledSavesTemporaryFileRemoved(@TempDir Path dir) throws Exception {
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(dir.resolve(".desk.workspace.json." + gone.pid() + ".7.tmp"), "{\"format\"");
        Path f = dir.resolve("desk.workspace.json");
        sample().save(f);
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(f));
        assertTrue(Files.notExists(stale), "a killed save's temporary file is removed by the next save");
    }

    @Test
    void aBadFileIsOneLineNamingItAndThePlace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\": 1, \"name\": \"x\",\n \"actions\": [{\"action\": \"teleport\"}]}");
        InputException e = assertThrows(InputException.class, () -> Workspace.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("line 2"), e.getMessage());
        Files.writeString(f, "{\"format\": 7, \"name\": \"x\"}");
        assertTrue(assertThrows(InputException.class, () -> Workspace.read(f)).getMessage()
                .contains("$.format: expected 1, was 7"));
        assertTrue(assertThrows(InputException.class, () -> Workspace.read(dir.resolve("none.json")))
                .getMessage().contains("no such workspace file"));
    }
}
