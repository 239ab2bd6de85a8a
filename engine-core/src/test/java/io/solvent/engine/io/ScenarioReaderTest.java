package io.solvent.engine.io;

import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioReaderTest {
    static final Path SHIPPED = Path.of("..", "assets", "scenarios", "flash-crash.json");

    @Test
    void readsTheShippedScenario() {
        Scenario s = ScenarioReader.read(SHIPPED);
        assertEquals(2, s.feeds().size());
        assertEquals("ETH", s.symbols().get("ETHUSD"));
        assertEquals(2000, s.oracle().latencyMs());
        assertTrue(s.liquidity().cascadeFeedback());
        assertEquals(20000, s.insuranceFundUsd());
        assertEquals(2, s.shocks().size());
        assertEquals(2, s.inputs().size(), "the scenario and its book");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field|\"deleverage\": \"deficit\",|$.deleverage|unknown field 'deleverage'",
        "unknown policy|\"deleveraging\": \"bailout\",|$.deleveraging|unknown policy 'bailout'",
        "negative fund|\"insuranceFund\": {\"openingBalanceUsd\": -1},|$.insuranceFund.openingBalanceUsd|expected a balance >= 0",
        "bad buffer|\"liquidation\": {\"buffer\": -0.1},|$.liquidation.buffer|expected a number >= 0",
        "unknown asset|\"symbols\": {\"ETHUSD\": \"ETHER\"},|$.symbols.ETHUSD|unknown asset 'ETHER'",
        "bad staleness|\"oracle\": {\"stalenessPolicy\": \"ignore\"},|$.oracle.stalenessPolicy|expected \"keep-last\" or \"pause\"",
        "bad shock|\"shocks\": [{\"type\": \"meteor\"}],|$.shocks[0].type|expected \"instant\" or \"crash\"",
        "fractional ms|\"oracle\": {\"latencyMs\": 1.5},|$.oracle.latencyMs|expected a whole number"
    })
    void rejects(String name, String field, String place, String problem, @TempDir Path dir) throws Exception {
        Path book = Path.of("..", "assets", "books", "example.json").toAbsolutePath().normalize();
        String text = "{\"format\": 1, " + field + " \"book\": \"" + book.toString().replace("\\", "/")
                + "\", \"feeds\": [{\"synthetic\": {\"symbol\": \"ETHUSD\", \"initialPrice\": 2000, \"volatility\": 0.5,"
                + " \"startMs\": 0, \"stepMs\": 1000, \"steps\": 10}}], \"symbols\": {\"ETHUSD\": \"ETH\"}}";
        if (field.contains("\"symbols\"")) {
            text = text.replace(", \"symbols\": {\"ETHUSD\": \"ETH\"}}", "}");
        }
        Path f = dir.resolve("s.json");
        Files.writeString(f, text);
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals(place, e.place(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void aBadBookInsideIsNamedByItsOwnFile(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("book.json");
        Files.writeString(book, "{\"format\": 1, \"assets\": [], \"accounts\": 3}");
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"format\": 1, \"book\": \"book.json\", \"feeds\": []}");
        InputException e = assertThrows(InputException.class, () -> ScenarioReader.read(f));
        assertEquals(book.toString(), e.source());
        assertEquals("$.accounts", e.place());
    }
}
