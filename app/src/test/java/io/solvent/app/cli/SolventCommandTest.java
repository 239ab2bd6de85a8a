package io.solvent.app.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolventCommandTest {

    @Test
    void noArgumentsPrintsTheHelpUntilTheConsoleExists() {
        CliRun run = CliRun.of();
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: solvent"), run.out());
        assertTrue(run.out().contains("margin"), run.out());
    }

    @Test
    void versionNamesTheProductAndTheRuntime() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status());
        assertTrue(run.out().matches("(?s)solvent \\d+\\.\\d+\\.\\d+.*\\nJava 25.*"), run.out());
    }

    @Test
    void helpListsTheExitStatuses() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("2   bad input"), run.out());
        CliRun margin = CliRun.of("help", "margin");
        assertTrue(margin.out().contains("--prices=PRICES.json"), margin.out());
    }

    @Test
    void unknownCommandIsBadInput() {
        CliRun run = CliRun.of("marginn");
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().contains("Unmatched argument"), run.err());
    }
}
