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
