package io.solvent.app.scenario;

import io.solvent.engine.io.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLibraryTest {

    @Test
    void theBundledScenariosAreNamedDescribedAndOpenableFromTheJarsCopy(@TempDir Path config) {
        ScenarioLibrary lib = new ScenarioLibrary(config, null);
        List<LibraryEntry> bundled = lib.bundled();
        assertEquals(List.of("console-default.json", "flash-crash.json", "gap-down.json", "2025-10-10.json",
                        "slow-crash.json"), bundled.stream().map(e -> e.path().getFileName().toString()).toList());
        for (LibraryEntry e : bundled) {
            assertEquals(LibraryEntry.Kind.BUNDLED, e.kind());
            assertTrue(e.path().startsWith(config.resolve("bundled")), e.path().toString());
            assertFalse(e.description().isBlank());
        }
        LibraryEntry flash = bundled.get(1);
        assertTrue(flash.name().startsWith("flash crash: ETH −35%"), flash.name());
        assertEquals("2025-01-01 00:00 UTC, 60.0 min", flash.window());
        assertNull(flash.note());
        assertEquals(300, ScenarioReader.read(flash.path()).book().accounts().size(), "its book copied beside it");
        LibraryEntry october = bundled.get(3);
        assertNotNull(october.note(), "the jar does not ship the recorded data");
        assertTrue(october.note().startsWith("its recorded data is not here: 6 files missing"), october.note());
        assertEquals("2025-10-10 21:00 UTC, 3.0 h", october.window());
    }

    @Test
    void inACheckoutTheBundledScenariosAreReadWhereTheyAre(@TempDir Path config) {
        ScenarioLibrary lib = new ScenarioLibrary(config, Path.of("..", "assets"));
        LibraryEntry flash = lib.bundled().get(1);
        assertEquals(Path.of("..", "assets", "scenarios", "flash-crash.json").toAbsolutePath(), flash.path());
        assertTrue(!Files.exists(config.resolve("bundled")));
        boolean data = Files.isDirectory(Path.of("..", "..", "shared", "data", "crash_2025-10-10"));
        assertEquals(data, lib.bundled().get(3).openable(), "openable exactly when the recorded data is beside it");
    }

    @Test
    void theUsersFilesAreListedByNameAndAnUnreadableOneSaysWhy(@TempDir Path config) throws Exception {
        ScenarioLibrary lib = new ScenarioLibrary(config, null);
        assertEquals(List.of(), lib.user());
        Files.createDirectories(lib.userFolder());
        Files.copy(lib.bundledFile("gap-down.json"), lib.userFolder().resolve("b.json"));
        Files.writeString(lib.userFolder().resolve("a.json"), "{\"format\": 1, \"name\": ");
        Files.writeString(lib.userFolder().resolve("notes.txt"), "not a scenario");
        List<LibraryEntry> user = lib.user();
        assertEquals(2, user.size());
        assertEquals("a.json", user.get(0).name());
        assertTrue(user.get(0).note().startsWith("unreadable: "), user.get(0).note());
        assertTrue(user.get(0).note().contains("a.json"), user.get(0).note());
        assertTrue(user.get(1).name().startsWith("gap down"), user.get(1).name());
        assertEquals(LibraryEntry.Kind.USER, user.get(1).kind());
        assertTrue(user.get(1).openable() || user.get(1).note().contains("population-300.json"),
                "copied away from its book, it says which file is missing: " + user.get(1).note());
    }

    @Test
    void recentOnesAreMostRecentFirstAtMostTenAndGoneOnesAreDroppedWithANote(@TempDir Path config)
            throws Exception {
        ScenarioLibrary lib = new ScenarioLibrary(config, null);
        Path base = lib.bundledFile("flash-crash.json");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path f = lib.userFolder().resolve("s" + i + ".json");
            Files.createDirectories(f.getParent());
            Files.writeString(f, Files.readString(base).replace("../books/", "../bundled/books/"));
            files.add(f);
            lib.noteOpened(f);
        }
        lib.noteOpened(files.get(5)); // again: moves to the front, not twice in the list
        List<LibraryEntry> recent = lib.recent();
        assertEquals(10, recent.size());
        assertEquals(files.get(5).toAbsolutePath(), recent.get(0).path());
        assertEquals(files.get(11).toAbsolutePath(), recent.get(1).path());
        assertNull(recent.get(0).note(), recent.get(0).note());
        assertTrue(Files.readString(lib.recentStore().file()).contains("\"recent\""));

        Files.delete(files.get(11));
        List<LibraryEntry> after = lib.recent();
        assertEquals(9, after.size());
        assertEquals(List.of("dropped from the recent scenarios: " + files.get(11).toAbsolutePath()
                + " is no longer there"), lib.notes());
        assertEquals(9, lib.recentStore().load().size(), "and the saved list rewritten without it");
        assertEquals(List.of(), lib.notes(), "said once");
    }

    @Test
    void openingReadsTheScenarioAndPutsItFirst(@TempDir Path config) {
        ScenarioLibrary lib = new ScenarioLibrary(config, null);
        Path gap = lib.bundledFile("gap-down.json");
        assertTrue(lib.open(gap).name().startsWith("gap down"));
        assertEquals(gap.toAbsolutePath(), lib.recent().getFirst().path());
        assertEquals(LibraryEntry.Kind.RECENT, lib.all().getLast().kind());
    }

    private static void assertFalse(boolean b) {
        assertTrue(!b);
    }
}
