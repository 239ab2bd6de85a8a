package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest {
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    @Test
    void replaysTheShippedScenarioTwiceToTheSameStateHash(@TempDir Path dir) throws Exception {
        CliRun first = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString());
        CliRun second = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, first.status(), first.err());
        assertEquals(0, second.status(), second.err());
        for (String f : new String[] {"summary.json", "events.csv", "metrics.csv", "manifest.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(f)), f);
        }
        assertEquals(Files.readString(dir.resolve("a/summary.json")), Files.readString(dir.resolve("b/summary.json")));
        assertEquals(Files.readString(dir.resolve("a/events.csv")), Files.readString(dir.resolve("b/events.csv")));
        assertTrue(first.err().contains("stateHash "), first.err());
    }

    @Test
    void aBadScenarioIsBadInputAndWritesNothing(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, "{\"format\": 1, \"book\": \"missing.json\", \"feeds\": []}");
        CliRun run = CliRun.of("replay", scenario.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().startsWith("solvent: "), run.err());
        assertTrue(run.err().contains("missing.json: no such file"), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        CliRun noOut = CliRun.of("replay", GAP.toString());
        assertEquals(ExitCodes.BAD_INPUT, noOut.status());
    }
}
