package io.solvent.engine.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writing files atomically: a temporary file beside the target, moved over it when complete. The temporary file gets
 * the permissions of an ordinary new file ({@code rw-r--r--}), not the owner-only ones of
 * {@link Files#createTempFile}, since books and results are made to be shared.
 */
final class AtomicFiles {
    private AtomicFiles() {
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
