package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleverageCommandTest {
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    @Test
    void printsATablePerPolicyAndWritesJsonAndCsv(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("deleverage", GAP.toString(), "--at", "2025-01-01T00:00:00Z", "--out",
                dir.resolve("lab.json").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Bankruptcy of acct-55/0 in ETH-PERP at 2025-01-01T00:20:02Z"), run.out());
        for (String policy : List.of("adl-ranked:binance", "adl-ranked:hyperliquid", "socialize", "deficit")) {
            assertTrue(run.out().contains("\n" + policy + " "), policy + " in the comparison: " + run.out());
            assertTrue(run.out().contains("\n" + policy + ": "), policy + "'s payers: " + run.out());
        }
        assertTrue(run.out().contains("overshoot USD"), run.out());
        String json = Files.readString(dir.resolve("lab.json"));
        assertTrue(json.contains("\"shortfallUsd\""), json);
        assertTrue(json.contains("\"policy\" : \"adl-ranked:hyperliquid\"") || json.contains(
                "\"policy\": \"adl-ranked:hyperliquid\""), json);
        CliRun csv = CliRun.of("deleverage", GAP.toString(), "--at", "1735689600000", "--out",
                dir.resolve("lab.csv").toString());
        assertEquals(0, csv.status(), csv.err());
        List<String> rows = Files.readAllLines(dir.resolve("lab.csv"));
        assertTrue(rows.getFirst().startsWith("time_ms,time,bankrupt_account"), rows.getFirst());
        assertTrue(rows.stream().anyMatch(l -> l.contains(",deficit,")), "the deficit policy has its row");
        assertEquals(run.out(), csv.out(), "ms and ISO-8601 name the same moment");
    }

    @Test
    void badInputIsOneLineAndStatusTwo(@TempDir Path dir) {
        CliRun time = CliRun.of("deleverage", GAP.toString(), "--at", "yesterday");
        assertEquals(ExitCodes.BAD_INPUT, time.status());
        assertEquals(1, time.err().lines().count(), time.err());
        assertTrue(time.err().startsWith("solvent: deleverage: --at expects an ISO-8601"), time.err());
        CliRun none = CliRun.of("deleverage", GAP.toString(), "--at", "2030-01-01T00:00:00Z");
        assertEquals(ExitCodes.BAD_INPUT, none.status());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().contains("no bankruptcy at or after 2030-01-01T00:00:00Z reaches deleveraging"),
                none.err());
        CliRun ext = CliRun.of("deleverage", GAP.toString(), "--out", dir.resolve("lab.txt").toString());
        assertEquals(ExitCodes.BAD_INPUT, ext.status());
        assertEquals(1, ext.err().lines().count(), ext.err());
        assertFalse(Files.exists(dir.resolve("lab.txt")));
        CliRun missing = CliRun.of("deleverage", dir.resolve("nothing.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.status());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }
}
