package io.solvent.engine.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

import java.io.ByteArrayInputStream;

/** Any bytes given as a book: a book or one clear input error, never another exception (docs/reliability.md). */
class BookReaderFuzzTest {
    @FuzzTest
    void readBook(byte[] input) {
        FuzzInput.expectResultOrInputError("book.json", () -> BookReader.read("book.json",
                new ByteArrayInputStream(input)));
    }
}
