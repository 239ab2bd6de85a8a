package io.solvent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code solvent bench --quick} prints one valid JSON document with every field (no timing is asserted). */
class BenchCommandTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data");
    private static final Path SCENARIO = Path.of("..", "assets", "scenarios", "2025-10-10.json");
    private static final List<String> FIELDS = List.of("accounts", "fullRevaluationNsPerSubaccount",
            "parallelRevaluationNsPerSubaccount", "streamBaselineNsPerSubaccount",
            "rowStreamBaselineNsPerSubaccount", "naiveNsPerSubaccount",
            "quietTickMedianNs", "quietTickP99Ns", "replaySpeedX", "replaySimulatedSeconds", "replayLiquidations",
            "forkSeconds", "viewedReplaySpeedX", "publicationCost", "riskPassMs", "riskPasses", "reason", "heapBytesPerSubaccount", "jdk", "cpu", "cores", "maxHeap", "quick");

    @Test
    void withoutTheDataTheReplayFiguresAreNullWithTheReason(@TempDir Path empty) throws Exception {
        CliRun run = CliRun.of("bench", "--accounts", "1500", "--quick", "--scenario",
                empty.resolve("2025-10-10.json").toString());
        assertEquals(0, run.status(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(FIELDS, iterable(doc));
        assertEquals(1500, doc.get("accounts").asInt());
        for (String f : List.of("fullRevaluationNsPerSubaccount", "streamBaselineNsPerSubaccount",
                "rowStreamBaselineNsPerSubaccount", "naiveNsPerSubaccount", "quietTickMedianNs", "quietTickP99Ns", "heapBytesPerSubaccount")) {
            assertTrue(doc.get(f).isNumber() && doc.get(f).asDouble() > 0, f + ": " + doc.get(f));
        }
        assertTrue(doc.get("replaySpeedX").isNull());
        assertTrue(doc.get("forkSeconds").isNull());
        assertTrue(doc.get("viewedReplaySpeedX").isNull() && doc.get("publicationCost").isNull());
        assertTrue(doc.get("reason").asText().startsWith("no scenario at ")
                && doc.get("reason").asText().endsWith(": replay and fork not measured"), doc.get("reason").asText());
        assertTrue(doc.get("cores").asInt() >= 1);
        assertTrue(doc.get("quick").asBoolean());
        assertTrue(run.err().contains("bench: "), "progress on standard error");
    }

    @Test
    void withTheDataEveryFigureIsMeasured() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("crash_2025-10-10")),
                "shared crash data not present at " + DATA.toAbsolutePath() + ": skipping");
        CliRun run = CliRun.of("bench", "--accounts", "1000", "--quick", "--scenario",
                SCENARIO.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(FIELDS, iterable(doc));
        assertTrue(doc.get("replaySpeedX").asDouble() > 0, run.out());
        assertTrue(doc.get("replaySimulatedSeconds").asDouble() > 2.9 * 3600, "21:00-24:00: " + run.out());
        assertTrue(doc.get("forkSeconds").asDouble() > 0, run.out());
        assertTrue(doc.get("viewedReplaySpeedX").asDouble() > 0, run.out());
        assertTrue(doc.get("publicationCost").isNumber() && doc.get("riskPasses").asLong() >= 1, run.out());
        assertTrue(doc.get("reason").isNull(), run.out());
    }

    /** Every row of {@code bench --console}'s table, with the unit its value must carry (no figure is checked). */
    private static final List<List<String>> CONSOLE_ROWS = List.of(
            List.of("FX pulse, console timer, median", " ms"),
            List.of("FX pulse, console timer, p99", " ms", "≤ 16.7 ms"),
            List.of("FX pulse, console timer, max", " ms", "≤ 50 ms"),
            List.of("FX pulse, whole (+ CSS, layout, charts), median", " ms"),
            List.of("FX pulse, whole, p99", " ms", "≤ 16.7 ms"),
            List.of("FX pulse, whole, max", " ms", "≤ 50 ms"),
            List.of("frames per second", " fps (", " pulses in ", " s)"),
            List.of("replay speed, headless (before / after)", "× (", "× / ", "×)"),
            List.of("replay speed, console attached", "×"),
            List.of("replay speed, console ÷ headless", "×", "≥ 0.8×"),
            List.of("accounts sorts, engine's answer (median / max)", " ms / ", " ms (", " sorts"),
            List.of("longest whole pulse while a sort was pending", " ms", "≤ 50 ms"),
            List.of("first frame, from launch (default scenario)", " s (JVM start → frame ", " s; median of 1)",
                    "≤ 2.5 s"),
            List.of("heap used after GC, console attached", " MB (max ", " MB)"),
            List.of("most work in one pulse, view models", " rows / ", " points / ", " nodes"),
            List.of("most work in one pulse, views", " rows / ", " points / ", " nodes"));

    @Test
    void theConsoleBenchPrintsEveryRowWithItsUnit() {
        CliRun run = CliRun.of("bench", "--console", "--quick");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("solvent bench --console --quick: console default")
                && lines.getFirst().contains("over 2,000 generated sub-accounts"), run.out());
        assertTrue(lines.get(1).startsWith("replayed 2025-10-10 ") && lines.get(1).contains("simulated s a pass"),
                "the span replayed: " + run.out());
        assertTrue(lines.get(2).startsWith("console: a 1440x900 window") && lines.get(2).contains("overview ×"),
                run.out());
        for (List<String> row : CONSOLE_ROWS) {
            String line = lines.stream().filter(l -> l.startsWith(row.getFirst() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + row.getFirst() + ":\n" + run.out()));
            for (String part : row.subList(1, row.size())) {
                assertTrue(line.contains(part), "'" + part + "' in " + line);
            }
            if (row.stream().anyMatch(p -> p.startsWith("≤") || p.startsWith("≥"))) {
                assertTrue(line.endsWith("✓") || line.endsWith("✗"), "met or not: " + line);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("whole FX pulse by the view shown, p99 / max: overview ")
                && l.contains(" ms, market ") && l.endsWith(" ms")), run.out());
        assertTrue(run.err().contains("bench: "), "progress on standard error");
    }

    @Test
    void aShortSoakSamplesEveryPassAndGivesItsVerdict() {
        CliRun run = CliRun.of("bench", "--console", "--quick", "--soak", "PT6S");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("solvent bench --console --soak: console default"), run.out());
        assertTrue(lines.get(1).matches("\\d+ passes in [\\d.]+ min over 2,000 sub-accounts; heap max [\\d,]+ MB;"
                + " warm-up: the first \\d+ passes"), lines.get(1));
        long passes = lines.stream().filter(l -> l.matches("\\s*\\d+ .* ms")).count();
        assertTrue(passes >= 2, "a pass a second or so, each sampled: " + run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("heap after warm-up: ") && (l.contains(" MB a minute")
                || l.contains("too few passes"))), run.out());
        assertTrue(lines.getLast().startsWith("queues and logs"), run.out());
        CliRun bad = CliRun.of("bench", "--console", "--soak", "soon");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--soak expects a duration such as PT10M"), bad.err());
        assertEquals(2, CliRun.of("bench", "--soak", "PT1M").status(), "--soak goes with --console");
    }

    @Test
    void snapshotsGoWithTheConsole() {
        CliRun run = CliRun.of("bench", "--snapshots", "4");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--snapshots goes with --console"), run.err());
        run = CliRun.of("bench", "--console", "--snapshots", "1");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--snapshots must be at least 2"), run.err());
    }

    @Test
    void rejectsABadPopulationSize() {
        CliRun run = CliRun.of("bench", "--accounts", "0");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--accounts"), run.err());
    }

    private static List<String> iterable(JsonNode doc) {
        List<String> names = new java.util.ArrayList<>();
        doc.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
