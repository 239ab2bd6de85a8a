package io.solvent.app.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConsoleCommandTest {
    private static boolean noDisplay() {
        String d = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        return (d == null || d.isBlank()) && (w == null || w.isBlank());
    }

    @Test
    void withoutADisplayTheConsoleExitsTwoWithOneLine() {
        assumeTrue(noDisplay(), "a display is set: the console would open");
        CliRun run = CliRun.of("console");
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("solvent snapshot"), run.err());
    }

    @Test
    void theSmokeTestsOptionsAreCheckedBeforeAnyWindow() {
        CliRun run = CliRun.of("console", "--screenshot", "x.png");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--screenshot goes with --exit-after"), run.err());
        run = CliRun.of("console", "--exit-after", "-1");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--exit-after -1.0 is out of range"), run.err());
    }

    @Test
    void snapshotRejectsAnUnknownViewInOneLine() {
        CliRun run = CliRun.of("snapshot", "default", "--at", "1m", "--view", "cockpit", "--out", "x.png");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--view 'cockpit' is not a view; expected one of overview, market"), run.err());
        CliRun at = CliRun.of("snapshot", "default", "--at", "yesterday", "--view", "market", "--out", "x.png");
        assertEquals(2, at.status());
        assertTrue(at.err().contains("neither an offset"), at.err());
    }
}
