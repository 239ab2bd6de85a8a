package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StressCommandTest {
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    @Test
    void aGridGivesOneRowPerCombinationWhateverTheThreads(@TempDir Path dir) throws Exception {
        String[] grid = {"--set", "deleveraging=adl-ranked,deficit", "--set", "insuranceFund.openingBalanceUsd=0,1e6"};
        CliRun one = CliRun.of(concat(new String[] {"stress", GAP.toString(), "--threads", "1", "--out",
            dir.resolve("one").toString()}, grid));
        CliRun two = CliRun.of(concat(new String[] {"stress", GAP.toString(), "--threads", "2", "--out",
            dir.resolve("two").toString()}, grid));
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        List<String> rows = Files.readAllLines(dir.resolve("one/stress.csv"));
        assertEquals(5, rows.size(), "header and 4 runs");
        assertTrue(rows.get(0).startsWith("deleveraging,insuranceFund.openingBalanceUsd,ticks,"), rows.get(0));
        assertTrue(rows.get(1).startsWith("adl-ranked,0,"), rows.get(1));
        assertTrue(rows.get(4).startsWith("deficit,1e6,"), rows.get(4));
        assertEquals(Files.readString(dir.resolve("one/stress.csv")), Files.readString(dir.resolve("two/stress.csv")));
        assertEquals(Files.readString(dir.resolve("one/stress.json")),
                Files.readString(dir.resolve("two/stress.json")));
    }

    @Test
    void aBadValueIsBadInputBeforeAnythingRuns(@TempDir Path dir) {
        CliRun run = CliRun.of("stress", GAP.toString(), "--set", "liquidation.buffer=0.02,-1", "--out",
                dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().contains("$.liquidation.buffer: expected a number >= 0"), run.err());
        assertFalse(Files.exists(dir.resolve("x")));
        CliRun malformed = CliRun.of("stress", GAP.toString(), "--set", "deleveraging", "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, malformed.status());
    }

    @Test
    void aGridTooLargeToRunIsOneLineBeforeAnythingIsBuilt(@TempDir Path dir) {
        String fiftyThousand = String.join(",", java.util.Collections.nCopies(50_000, "0.01"));
        CliRun square = CliRun.of("stress", GAP.toString(), "--set", "liquidation.buffer=" + fiftyThousand,
                "--set", "liquidation.maxFraction=" + fiftyThousand, "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, square.status(), square.err());
        assertTrue(square.err().contains("--set: 2,500,000,000 cells (50000 × 50000 values) is more than one grid"
                + " takes (at most 100,000"), square.err());
        assertEquals(1, square.err().strip().lines().filter(l -> l.startsWith("solvent")).count(), square.err());
        assertFalse(Files.exists(dir.resolve("x")));

        String thousand = String.join(",", java.util.Collections.nCopies(1000, "0.5"));
        CliRun cube = CliRun.of("stress", GAP.toString(), "--set", "liquidation.buffer=" + thousand, "--set",
                "liquidation.maxFraction=" + thousand, "--set", "liquidity.cascadeFeedback=" + thousand, "--out",
                dir.resolve("y").toString());
        assertEquals(ExitCodes.BAD_INPUT, cube.status(), cube.err());
        assertTrue(cube.err().contains("1,000,000,000 cells"), cube.err());
    }

    @Test
    void reverseFindsTheDropThatEmptiesTheFundAndShowsTheRun(@TempDir Path dir) throws Exception {
        Path flash = Path.of("..", "assets", "scenarios", "flash-crash.json");
        CliRun run = CliRun.of("stress", flash.toString(), "--reverse", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        String reverse = Files.readString(dir.resolve("reverse.json"));
        assertTrue(reverse.contains("\"emptiesFundAtDrop\": 0.2343109130859375"), reverse);
        String summary = Files.readString(dir.resolve("run/summary.json"));
        assertTrue(summary.contains("\"minimumUsd\": 0.0"), "the run shows the fund emptied: " + summary);
        CliRun both = CliRun.of("stress", flash.toString(), "--reverse", "--set", "deleveraging=deficit", "--out",
                dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, both.status());
    }

    @Test
    void reverseOnAScenarioThatEmptiesTheFundByItselfSaysSo(@TempDir Path dir) throws Exception {
        // gap-down's own gap empties its $5,000 fund: no added drop is needed, and the command says so in words
        CliRun run = CliRun.of("stress", GAP.toString(), "--reverse", "--out", dir.toString(), "--no-progress");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("the scenario empties the fund without any added drop (1 run); there is no"
                + " smallest drop to find"), run.err());
        assertFalse(run.err().contains("NaN"), run.err());
        assertTrue(Files.readString(dir.resolve("run/summary.json")).contains("\"minimumUsd\": 0.0"));
    }

    @Test
    void aForkedGridCellIsTheReplayForkWithTheSameSettings(@TempDir Path dir) throws Exception {
        // the flash crash starts at 00:20; at 00:25 it is half-way down and has already liquidated: each cell keeps
        // that shared history and goes on under its own values
        Path flash = Path.of("..", "assets", "scenarios", "flash-crash.json");
        String at = "2025-01-01T00:25:00Z";
        String[] grid = {"--set", "deleveraging=adl-ranked,deficit", "--set", "liquidation.buffer=0.02,0.1"};
        CliRun one = CliRun.of(concat(new String[] {"stress", flash.toString(), "--fork-at", at, "--threads", "1",
            "--no-progress", "--out", dir.resolve("one").toString()}, grid));
        CliRun two = CliRun.of(concat(new String[] {"stress", flash.toString(), "--fork-at", "1735691100000",
            "--threads", "2", "--out", dir.resolve("two").toString()}, grid));
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        assertTrue(one.err().contains("4 runs forked at 2025-01-01T00:25:00Z"), one.err());
        List<String> rows = Files.readAllLines(dir.resolve("one/stress.csv"));
        assertEquals(5, rows.size(), "header and 4 runs");
        assertTrue(rows.get(0).startsWith("deleveraging,liquidation.buffer,ticks,"), "rows unchanged in format: "
                + rows.get(0));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode report = json.readTree(dir.resolve("one/stress.json").toFile());
        assertEquals(1735691100000L, report.get("forkAtMs").asLong());
        assertEquals(at, report.get("forkAt").asText());
        CliRun plain = CliRun.of(concat(new String[] {"stress", flash.toString(), "--no-progress", "--out",
            dir.resolve("plain").toString()}, grid));
        assertEquals(0, plain.status(), plain.err());
        assertFalse(Files.readString(dir.resolve("plain/stress.json")).contains("forkAt"));
        com.fasterxml.jackson.databind.JsonNode fromStart = json.readTree(dir.resolve("plain/stress.json").toFile());
        for (int cell = 0; cell < 4; cell++) {
            com.fasterxml.jackson.databind.JsonNode row = report.get("runs").get(cell);
            String deleveraging = row.get("set").get("deleveraging").asText();
            String buffer = row.get("set").get("liquidation.buffer").asText();
            Path a = dir.resolve("replay" + cell + "a");
            Path b = dir.resolve("replay" + cell + "b");
            CliRun replay = CliRun.of("replay", flash.toString(), "--out", a.toString(), "--fork-at", at, "--set",
                    "deleveraging=" + deleveraging, "--set", "liquidation.buffer=" + buffer, "--fork-out", b.toString(),
                    "--no-progress");
            assertEquals(0, replay.status(), replay.err());
            com.fasterxml.jackson.databind.JsonNode fork = json.readTree(b.resolve("summary.json").toFile());
            assertEquals(fork.get("stateHash").asText(), row.get("stateHash").asText(), "cell " + cell);
            assertEquals(fork.findValue("badDebtUsd").asDouble(), row.get("badDebtUsd").asDouble(), 0.0,
                    "cell " + cell);
            if (buffer.equals("0.1")) { // a wider buffer liquidates otherwise from the start than from 00:25
                assertFalse(fromStart.get("runs").get(cell).get("stateHash").asText()
                        .equals(row.get("stateHash").asText()), "cell " + cell + " kept the history before the fork");
            }
        }
        assertEquals(Files.readString(dir.resolve("one/stress.csv")), Files.readString(dir.resolve("two/stress.csv")),
                "the same rows whatever the threads, TIME as ISO-8601 or ms");
    }

    @Test
    void aForkedGridRefusesWhatAForkCannotChange(@TempDir Path dir) {
        CliRun input = CliRun.of("stress", GAP.toString(), "--fork-at", "1735690799000", "--set",
                "insuranceFund.openingBalanceUsd=0,1e6", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, input.status());
        assertTrue(input.err().contains("--set insuranceFund.openingBalanceUsd: "), input.err());
        CliRun badTime = CliRun.of("stress", GAP.toString(), "--fork-at", "yesterday", "--set",
                "deleveraging=deficit", "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, badTime.status());
        assertTrue(badTime.err().contains("--fork-at expects an ISO-8601"), badTime.err());
        CliRun reverse = CliRun.of("stress", GAP.toString(), "--fork-at", "1735690799000", "--reverse", "--out",
                dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, reverse.status());
        assertTrue(reverse.err().contains("--fork-at goes with a grid"), reverse.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void progressIsOnlyOnStandardErrorAndChangesNoFile(@TempDir Path dir) throws Exception {
        String[] grid = {"--set", "deleveraging=adl-ranked,deficit", "--set", "liquidity.markets.ETH-PERP.depthPerPercentUsd=1e5,1e6"};
        CliRun shown = CliRun.of(concat(new String[] {"stress", GAP.toString(), "--progress", "--out",
            dir.resolve("shown").toString()}, grid));
        CliRun hidden = CliRun.of(concat(new String[] {"stress", GAP.toString(), "--no-progress", "--out",
            dir.resolve("hidden").toString()}, grid));
        assertEquals(0, shown.status(), shown.err());
        assertEquals(0, hidden.status(), hidden.err());
        assertEquals("", shown.out());
        assertEquals("", hidden.out());
        // whether a line was drawn depends on the wall clock (none in the first quarter second); any is erased
        assertTrue(shown.err().substring(shown.err().lastIndexOf('\r') + 1).startsWith("solvent: stress: 4 runs"),
                "the line is erased before the summary: " + shown.err());
        assertEquals("solvent: stress: 4 runs written to " + dir.resolve("hidden").resolve("stress.csv")
                + " and stress.json", hidden.err().strip(), "--no-progress: the summary only");
        assertEquals(Files.readString(dir.resolve("shown/stress.csv")), Files.readString(dir.resolve("hidden/stress.csv")));
        List<String> rows = Files.readAllLines(dir.resolve("hidden/stress.csv"));
        assertTrue(!rows.get(1).split(",")[rows.get(0).split(",").length - 1]
                .equals(rows.get(2).split(",")[rows.get(0).split(",").length - 1]),
                "a per-market depth in a grid changes the run's stateHash");
    }
}
