package io.solvent.engine.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.MarginReportWriter;
import io.solvent.engine.margin.MarginReport;
import io.solvent.engine.model.Book;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden vectors computed by the venues' own packages ({@code tools/peer-vectors/}): each vector is a book and the
 * figures a peer computed for it, addressed by JSON Pointer into the {@code solvent margin} document, each with the
 * tolerance that peer earns (see the tool's README).
 */
class PeerGoldenVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("aave.json", "orderly.json", "drift.json");

    static JsonNode load(String name) throws IOException {
        try (InputStream in = PeerGoldenVectorTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing test resource golden/" + name + " (regenerate with tools/peer-vectors)");
            return JSON.readTree(in);
        }
    }

    static JsonNode report(String source, JsonNode bookTree) throws IOException {
        Book book = BookReader.fromTree(source, bookTree);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarginReportWriter.write(MarginReport.of(book), out, false);
        return JSON.readTree(out.toByteArray());
    }

    @TestFactory
    Stream<DynamicTest> engineReproducesThePeers() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            JsonNode doc = load(file);
            String peer = doc.get("peer").asText() + "@" + doc.get("version").asText();
            for (JsonNode vector : doc.get("vectors")) {
                String name = peer + " " + vector.get("name").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> check(name, vector)));
            }
        }
        return tests.stream();
    }

    private static void check(String name, JsonNode vector) throws IOException {
        JsonNode report = report(name, vector.get("book"));
        assertFalse(vector.get("expect").isEmpty(), name + " compares nothing");
        for (JsonNode e : vector.get("expect")) {
            String pointer = e.get("pointer").asText();
            JsonNode expected = e.get("value");
            JsonNode actual = report.at(pointer);
            String what = name + " " + pointer + " (" + e.path("peerField").asText() + ")";
            assertFalse(actual.isMissingNode(), what + ": no such figure in the report");
            if (expected.isNull() || expected.isBoolean()) {
                assertEquals(expected, actual, what);
                continue;
            }
            assertTrue(actual.isNumber(), what + ": expected " + expected + " but was " + actual);
            double rel = e.get("relTol").asDouble();
            double x = expected.asDouble();
            double y = actual.asDouble();
            double tolerance = rel * Math.max(Math.abs(x), Math.abs(y));
            assertTrue(Math.abs(x - y) <= tolerance, () -> what + ": peer " + x + ", engine " + y + ", relative "
                    + Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)) + " > " + rel);
        }
    }

    @Test
    void coverTheHandCasesAndTwentyMoreAccounts() throws IOException {
        int vectors = 0;
        for (String file : FILES) {
            vectors += load(file).get("vectors").size();
        }
        assertTrue(vectors >= 23, "expected at least the 3 hand cases and 20 more, found " + vectors);
    }
}
