package io.solvent.app.service;

import io.solvent.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * How the console's views write a file (an exported PNG or CSV): {@link AtomicFiles#write}, forced to disk, its
 * folder made when missing. Only a door: views do not reach engine-core's {@code io} package themselves
 * ({@code ConsoleArchitectureTest}), and the writing is {@link AtomicFiles}'s, the one implementation.
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
     * @throws IOException when the folder cannot be made or the file written; the target is then unchanged
     */
    public static void write(Path target, Body body) throws IOException {
        AtomicFiles.write(target, body::write, AtomicFiles.Option.FORCE, AtomicFiles.Option.CREATE_PARENTS);
    }
}
