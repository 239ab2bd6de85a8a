package io.solvent.engine.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 15: messages stay on one line whatever the user's names hold; lines are read within a bound. */
class OneLineTest {
    @Test
    void controlCharactersAreEscaped() {
        assertEquals("plain €", OneLine.escape("plain €"));
        assertEquals("a\\nb\\rc\\td\\u0007e\\u2028", OneLine.escape("a\nb\rc\td\u0007e\u2028"));
    }

    @Test
    void anInputErrorEchoingANewlineIsOneLine() {
        InputException e = new InputException("bad\nname.json", "$.x['a\nb']", "unknown field 'a\nb'", null);
        assertEquals("bad\\nname.json: $.x['a\\nb']: unknown field 'a\\nb'", e.getMessage());
    }

    @Test
    void linesEndAtLfCrlfOrCrAndLongOnesAreRefused() throws IOException {
        LineReader r = new LineReader(new StringReader("a\rb\r\nc\nd"), 4);
        assertEquals("a", r.readLine());
        assertEquals("b", r.readLine());
        assertEquals("c", r.readLine());
        assertEquals("d", r.readLine());
        assertNull(r.readLine());
        LineReader longOne = new LineReader(new StringReader("abcdef\nok"), 4);
        assertThrows(LineReader.LineTooLongException.class, longOne::readLine);
        longOne.skipLine();
        assertEquals("ok", longOne.readLine());
    }

    @Test
    void aFolderUnderAFileIsSaidToBeUnderAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals(file + " is a file, not a folder", Folders.whyNotAFolder(file.resolve("sub/deeper")));
        assertEquals("the folder " + dir.resolve("none") + " does not exist",
                Folders.whyNotAFolder(dir.resolve("none")));
    }
}
