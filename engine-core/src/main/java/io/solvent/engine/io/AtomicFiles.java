package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writing files atomically: a temporary file beside the target, moved over it when complete. The temporary file gets
 * the permissions of an ordinary new file ({@code rw-r--r--}), not the owner-only ones of
 * {@link Files#createTempFile}, since books and results are made to be shared. Public for the app's writers (the
 * HTML report of a run).
 */
public final class AtomicFiles {
    private static final JsonFactory JSON = new JsonFactory();

    private AtomicFiles() {
    }

    /** What writes a file's content. */
    public interface Body<T> {
        void write(T out) throws IOException;
    }

    /**
     * Writes a file atomically: the content goes to a temporary file beside the target, which is moved over the
     * target when complete and removed if anything fails, so the target is either the old file or the whole new one.
     *
     * @param target the file to create or replace
     * @param body   writes the content (buffered)
     */
    public static void write(Path target, Body<OutputStream> body) throws IOException {
        Path tmp = temporary(target.toAbsolutePath().getParent(), target.getFileName().toString());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@link #write} for UTF-8 text. */
    public static void writeText(Path target, Body<BufferedWriter> body) throws IOException {
        write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    /** {@link #write} for a JSON document, indented, {@code "key": value}, ending with a newline. */
    static void writeJson(Path target, Body<JsonGenerator> body) throws IOException {
        write(target, out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
                body.write(g);
                g.writeRaw('\n');
            }
        });
    }

    /**
     * @param dir    the folder of the target
     * @param target the target's file name, used in the temporary name
     * @return a new, empty temporary file in {@code dir}
     */
    static Path temporary(Path dir, String target) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + target, ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return tmp;
    }

    /** Moves a complete temporary file over its target, atomically where the file system can. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
