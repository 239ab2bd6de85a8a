package io.solvent.engine.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

import java.io.ByteArrayInputStream;

/** Any bytes streamed as a book into the hot state: a book or one clear input error (docs/reliability.md). */
class MarginBookReaderFuzzTest {
    @FuzzTest
    void readBook(byte[] input) {
        FuzzInput.expectResultOrInputError("book.json", () -> MarginBookReader.read("book.json",
                new ByteArrayInputStream(input), "USDC"));
    }
}
