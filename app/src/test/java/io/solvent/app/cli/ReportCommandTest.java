package io.solvent.app.cli;

import io.solvent.app.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {

    @Test
    void writesTheReportOfAReplayFolderAndSaysWhatItWrote(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report.html");
        CliRun run = CliRun.of("report", ReportFixtures.plain().toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("solvent: report of gap down: ETH −25% and BTC −15% in one tick, thin book,"
                + " cascade on written to " + out + " ("), run.err());
        assertTrue(run.err().contains("3,601 metrics rows, 357 events"), run.err());
        assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left beside it");
        }
        CliRun help = CliRun.of("report", "--help");
        assertTrue(help.out().contains("--out=FILE.html"), help.out());
    }

    /** Bad input is one line, FILE: PLACE: PROBLEM, exit 2, and no report (the old one stays). */
    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("r.html");
        Files.writeString(out, "old");
        assertBad(tmp.resolve("nowhere"), out, tmp.resolve("nowhere") + ": no such folder");

        Path noMetrics = copy(tmp, "no-metrics");
        Files.delete(noMetrics.resolve("metrics.csv"));
        assertBad(noMetrics, out, noMetrics.resolve("metrics.csv") + ": no such file");

        Path badJson = copy(tmp, "bad-json");
        Files.writeString(badJson.resolve("summary.json"), "{\"scenario\": \"x\",, }");
        assertBad(badJson, out, badJson.resolve("summary.json") + ": line 1, column ");

        Path noField = copy(tmp, "no-field");
        Files.writeString(noField.resolve("summary.json"), Files.readString(noField.resolve("summary.json"))
                .replace("\"badDebtUsd\"", "\"badDebt\""));
        assertBad(noField, out, noField.resolve("summary.json") + ": $.badDebtUsd: missing; expected a number");

        Path badNumber = copy(tmp, "bad-number");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(badNumber.resolve("metrics.csv")));
        lines.set(4, lines.get(4).replaceFirst(",5000\\.0,", ",five thousand,"));
        Files.write(badNumber.resolve("metrics.csv"), lines);
        assertBad(badNumber, out, badNumber.resolve("metrics.csv")
                + ": line 5: column fund_usd: expected a number, found \"five thousand\"");

        Path shortRow = copy(tmp, "short-row");
        Files.writeString(shortRow.resolve("events.csv"), Files.readString(shortRow.resolve("events.csv"))
                + "1735690800000,liquidation,acct-1\n");
        assertBad(shortRow, out, shortRow.resolve("events.csv") + ": line 359: expected 10 columns as in the header,"
                + " found 3");

        Path badAudit = copy(tmp, "bad-audit");
        Files.writeString(badAudit.resolve("audit.jsonl"), "{\"wallTime\": \"2026-12-07T09:30:00Z\", \"user\": \"a\","
                + " \"run\": \"r\", \"simTimeMs\": 1, \"key\": \"k\", \"old\": 1, \"new\": 2, \"why\": \"\","
                + " \"action\": \"apply\"}\n{\"wallTime\": \"2026-12-07T09:31:00Z\", \"user\": \"a\", \"run\": \"r\","
                + " \"simTimeMs\": 1, \"key\": \"k\", \"old\": 2, \"new\": 1, \"why\": \"\", \"action\": \"redo\"}\n");
        assertBad(badAudit, out, badAudit.resolve("audit.jsonl")
                + ": line 2, $.action: expected apply, undo or fork, found \"redo\"");

        Path auditSyntax = copy(tmp, "audit-syntax");
        Files.writeString(auditSyntax.resolve("audit.jsonl"), "{\"wallTime\": 3\n");
        assertBad(auditSyntax, out, auditSyntax.resolve("audit.jsonl") + ": line 1, column ");

        CliRun noOut = CliRun.of("report", ReportFixtures.plain().toString());
        assertEquals(ExitCodes.BAD_INPUT, noOut.status());
        assertTrue(noOut.err().contains("Missing required option: '--out=FILE.html'"), noOut.err());

        CliRun outIsFolder = CliRun.of("report", ReportFixtures.plain().toString(), "--out", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, outIsFolder.status(), outIsFolder.err());
        assertEquals("solvent: " + tmp + ": is a folder; expected the HTML file to write", outIsFolder.err().strip());
    }

    private static void assertBad(Path dir, Path out, String expected) throws IOException {
        CliRun run = CliRun.of("report", dir.toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("solvent: " + expected), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertEquals("old", Files.readString(out), "the old report stays");
    }

    private static Path copy(Path tmp, String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (String f : new String[] {"summary.json", "manifest.json", "metrics.csv", "events.csv"}) {
            Files.copy(ReportFixtures.plain().resolve(f), dir.resolve(f));
        }
        return dir;
    }
}
