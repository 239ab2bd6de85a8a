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
    void aRunThatHaltsOnABrokenInvariantIsStatusThreeWithOneLineSayingWhatAndWhen() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        picocli.CommandLine cli = SolventCommand.commandLine(new java.io.PrintStream(out), new java.io.PrintStream(err));
        cli.addSubcommand("halting", new Halting());
        cli.setErr(new java.io.PrintWriter(err, true, java.nio.charset.StandardCharsets.UTF_8)); // to the new one too
        assertEquals(ExitCodes.HALTED, cli.execute("halting"));
        String line = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("solvent: the run halted at 2025-10-10T21:00:00Z (step 42): conservation invariant"
                + " broken: the ledger's balances sum to 2.0E-6 of its gross flow; no figures were written for it"),
                line);
        assertTrue(CliRun.of("--help").out().contains("3   a run halted"));
    }

    /** A command whose run breaks an invariant, as a replay's would. */
    @picocli.CommandLine.Command(name = "halting")
    static final class Halting implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new io.solvent.engine.sim.InvariantViolationException(new io.solvent.engine.sim.InvariantViolation(
                    1_760_130_000_000L, 42, "conservation", "the ledger's balances sum to 2.0E-6 of its gross flow"));
        }
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
