package io.solvent.app.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The console's small files (settings, guardrails, workspaces) written whole or not at all: a temporary file beside the target, flushed to disk, then renamed
 * over it. A kill at any moment leaves the old file or the new one, and at most a stray {@code .tmp} beside it.
 */
public final class AtomicWrite {
    /** What writes the content. */
    @FunctionalInterface
    public interface Body {
        /** @param out the temporary file's stream @throws IOException when writing fails */
        void write(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    /**
     * @param target the file
     * @param body   writes its content
     * @throws IOException when the folder cannot be made or the file written
     */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            body.write(bytes);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes.toByteArray());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
