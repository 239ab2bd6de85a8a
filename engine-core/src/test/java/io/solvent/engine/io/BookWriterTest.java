package io.solvent.engine.io;

import io.solvent.engine.model.Book;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BookWriterTest {

    @Property(tries = 100)
    void aWrittenBookReadsBackEqual(@ForAll long seed) {
        Book book = RandomBooks.generate(seed, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookWriter.write(book, out);
        Book back = BookReader.read("written.json", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(book, back);
    }

    @Test
    void writesAtomicallyOverAnExistingFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("book.json");
        Files.writeString(target, "old");
        Book book = RandomBooks.generate(7, 2);
        BookWriter.write(book, target);
        assertEquals(book, BookReader.read(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
