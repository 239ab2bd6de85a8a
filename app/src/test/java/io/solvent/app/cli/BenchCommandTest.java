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
