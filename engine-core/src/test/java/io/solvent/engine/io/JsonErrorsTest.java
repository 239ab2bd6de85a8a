package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15: JSON inputs are read within bounds, and Jackson's errors come out as FILE: line L, column C: problem. */
class JsonErrorsTest {
    private static InputException bookError(Path dir, String text) throws IOException {
        Path f = Files.writeString(dir.resolve("b.json"), text);
        InputException tree = assertThrows(InputException.class, () -> BookReader.read(f));
        InputException stream = assertThrows(InputException.class, () -> MarginBookReader.read(f, "USDC"));
        assertEquals(tree.getMessage(), stream.getMessage());
        for (String internal : new String[] {"StreamReadConstraints", "sun.nio", "Source:", "com.fasterxml", "`"}) {
            assertFalse(tree.getMessage().contains(internal), tree.getMessage());
        }
        assertFalse(tree.getMessage().contains("\n"), tree.getMessage());
        return tree;
    }

    @Test
    void deepNestingIsRefusedWithItsPlaceAndTheLimit(@TempDir Path dir) throws IOException {
        InputException e = bookError(dir, "{\"format\": 1, \"assets\": " + "[".repeat(200) + "]".repeat(200) + "}");
        assertTrue(e.place().startsWith("line 1, column "), e.getMessage());
        assertTrue(e.problem().startsWith("too large: ") && e.problem().contains("exceeds the maximum allowed (64)"),
                e.getMessage());
    }

    @Test
    void aDocumentCutShortSaysWhereWithoutStreamNames(@TempDir Path dir) throws IOException {
        InputException e = bookError(dir, "{\"format\": 1,\n \"assets\": [");
        assertTrue(e.place().startsWith("line 2, column "), e.getMessage());
        assertTrue(e.problem().startsWith("invalid JSON: Unexpected end-of-input"), e.getMessage());
    }

    @Test
    void aNewlineInAFieldNameStaysEscaped(@TempDir Path dir) throws IOException {
        InputException e = bookError(dir, "{\"format\": 1, \"as\\nsets\": []}");
        assertEquals("$['as\\nsets']", e.place(), e.getMessage());
    }

    @Test
    void nonFiniteNumbersSayWhatWasExpected(@TempDir Path dir) throws IOException {
        InputException e = bookError(dir, "{\"format\": NaN}");
        assertTrue(e.problem().endsWith("; expected a finite number"), e.getMessage());
    }
}
