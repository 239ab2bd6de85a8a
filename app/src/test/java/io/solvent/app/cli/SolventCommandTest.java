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

    /**
     * picocli formats help texts: a lone % (as in "95%") makes it print a warning instead of the text. Every
     * command's help is rendered here with standard error captured, where picocli writes those warnings.
     */
    @Test
    void noHelpTextMakesPicocliWarn() {
        picocli.CommandLine root = new picocli.CommandLine(new SolventCommand());
        java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int commands = 0;
        StringBuilder help = new StringBuilder();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            while (!todo.isEmpty()) {
                picocli.CommandLine c = todo.pop();
                todo.addAll(c.getSubcommands().values());
                help.append(c.getUsageMessage());
                commands++;
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(commands >= 8, "commands rendered: " + commands);
        assertEquals("", warnings);
        assertTrue(help.toString().contains("fund loss at 95% and 99%"), "the % signs print as %");
    }
}
