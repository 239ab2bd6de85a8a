package io.solvent.app.console;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlessTest {
    @Test
    void withoutADisplayTheConsoleSaysSoInOneLineAndNamesSnapshot() {
        String why = Headless.reason(Map.of(), "Linux");
        assertTrue(why.contains("DISPLAY") && why.contains("solvent snapshot") && why.contains("replay"), why);
        assertTrue(!why.contains("\n"));
        assertNull(Headless.reason(Map.of("DISPLAY", ":99"), "Linux"));
        assertNull(Headless.reason(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
        assertNull(Headless.reason(Map.of(), "Windows 11"));
    }
}
