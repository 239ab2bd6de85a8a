package io.solvent.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solvent.engine.margin.MarginReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report has exactly the shape cli-and-files.md shows, field for field and in that order. */
class MarginReportWriterTest {

    static JsonNode write(MarginReport report, boolean pretty) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarginReportWriter.write(report, out, pretty);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void hasTheDocumentedFieldsInOrder() throws Exception {
        JsonNode doc = write(MarginReport.of(BookReaderTest.read(BookReaderTest.EXAMPLE)), true);
        JsonNode first = doc.get("subaccounts").get(0);
        assertEquals(List.of("account", "subaccount", "mode", "equity", "liquidatable", "freeCollateral",
                "marginRatio", "leverage", "liquidationPrices", "initial", "maintenance", "positions"), names(first));
        assertEquals(List.of("weightedAssets", "weightedLiabilities", "requirement", "health", "healthFactor"),
                names(first.get("maintenance")));
        assertEquals(List.of("market", "size", "notional", "unrealizedPnl", "initialRequirement",
                "maintenanceRequirement", "liquidationPrice", "liquidationDistance"),
                names(first.get("positions").get(0)));
        assertEquals(List.of("USDC", "ETH"), names(first.get("liquidationPrices")));
        assertEquals("alice", first.get("account").asText());
        assertEquals("isolated", doc.get("subaccounts").get(1).get("mode").asText());
        assertTrue(first.get("liquidationPrices").get("USDC").isNull(), "no USDC price liquidates it");
        assertEquals(9000.0, first.get("equity").doubleValue());
        assertEquals(15000.0 / 11.35, first.get("liquidationPrices").get("ETH").doubleValue(), 1e-9);
    }

    @Test
    void compactIsOneLineAndNeverPrintsNegativeZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String shortAtEntry = BookReaderTest.EXAMPLE.replace("\"size\": -3, \"entryPrice\": 2100",
                "\"size\": -3, \"entryPrice\": 2000");
        MarginReportWriter.write(MarginReport.of(BookReaderTest.read(shortAtEntry)), out, false);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, text.strip().lines().count());
        assertFalse(text.contains("-0.0"), text);
    }

    @Test
    void aFigureThatOverflowsIsNullNeverTheStringInfinityAndNothingThrows() throws Exception {
        var book = BookReaderTest.read(BookReaderTest.EXAMPLE)
                .withPrices(new io.solvent.engine.model.Prices(java.util.Map.of("ETH", 1e308)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarginReportWriter.write(MarginReport.of(book), out, false);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("Infinity"), text);
        assertFalse(text.contains("NaN"), text);
        JsonNode position = new ObjectMapper().readTree(text).get("subaccounts").get(0).get("positions").get(0);
        assertTrue(position.get("notional").isNull(), "10 ETH at 1e308 overflows a double: " + position);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
