package io.solvent.engine.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Any bytes as a scenario: a scenario or one clear input error. Beside it lie the files a scenario may name: the
 * example book as {@code book.json} and a small bars feed as {@code feed.csv}.
 */
class ScenarioReaderFuzzTest {
    private static final byte[] FEED = ("timestamp_ms,symbol,open,high,low,close,volume\n"
            + "1735689600000,ETHUSD,3000,3010,2990,3005,12\n1735689660000,ETHUSD,3005,3020,2900,2950,30\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @FuzzTest
    void readScenario(byte[] input) {
        FuzzInput.file("book.json", exampleBook());
        FuzzInput.file("feed.csv", FEED);
        Path file = FuzzInput.file("scenario.json", input);
        FuzzInput.expectResultOrInputError(null, () -> ScenarioReader.read(file));
    }

    private static byte[] book;

    private static byte[] exampleBook() {
        if (book == null) {
            try (InputStream in = ScenarioReaderFuzzTest.class.getResourceAsStream("BookReaderFuzzTestInputs/readBook/example.json")) {
                book = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return book;
    }
}
