package io.solvent.app.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void settingsSurviveARestartAndEveryFieldIsKept() throws Exception {
        SettingsStore store = SettingsStore.inConfigDirectory(Map.of("SOLVENT_CONFIG_DIR", dir.toString()));
        assertEquals(ConsoleSettings.DEFAULTS, store.load(), "the first run's defaults");
        ConsoleSettings s = ConsoleSettings.DEFAULTS.withTheme("light").withView("accounts")
                .withScenario("/x/crash.json").withSpeed(600).withWindow(10, 20, 1300, 820, true);
        store.save(s);
        assertEquals(s, new SettingsStore(dir.resolve("settings.json")).load());
        // an unplaced window (NaN) is written and read back
        store.save(ConsoleSettings.DEFAULTS);
        assertTrue(Double.isNaN(store.load().x()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside the settings");
        }
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(store.file()), "settings stay the user's own (decision record 0012)");
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsUsed() throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"theme\": \"light\", \"width\": ");
        SettingsStore store = new SettingsStore(f);
        assertEquals(ConsoleSettings.DEFAULTS, store.load());
        assertFalse(Files.exists(f));
        assertEquals("{\"theme\": \"light\", \"width\": ", Files.readString(dir.resolve("settings.json.unreadable")));
    }

    @Test
    void valuesOutOfRangeAreBroughtBack() {
        ConsoleSettings s = new ConsoleSettings("purple", Double.POSITIVE_INFINITY, 3, 10, 1e9, false, "", null,
                Double.NaN);
        assertEquals("dark", s.theme());
        assertTrue(Double.isNaN(s.x()));
        assertEquals(640, s.width());
        assertEquals(10_000, s.height());
        assertEquals("overview", s.view());
        assertEquals("", s.scenario());
        assertEquals(60, s.speed());
    }
}
