package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing files atomically, the one implementation every writer of Solvent uses (books, scenarios, results, the
 * console's settings, workspaces and rules): the content goes to a temporary file beside the target, which is moved
 * over the target when complete, so the target is always the old file or the whole new one.
 *
 * <p>Temporary files are named {@code .NAME.PID.N.tmp} in the target's folder (NAME the target's file name, PID the
 * writing process, N a counter within it), so that they can be recognised: a kill leaves one behind, and the next
 * write of the same target removes every such file of a process that no longer runs ({@link #removeStale}). A live
 * process's temporary file is never removed.
 *
 * <p>Files get the permissions of an ordinary new file (from the umask, {@code rw-r--r--} typically), since books and
 * results are made to be shared, unless {@link Option#PRIVATE} asks for {@code rw-------}.
 */
public final class AtomicFiles {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(\\d{1,19})\\.(\\d{1,19})\\.tmp");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFiles() {
    }

    /** What a caller asks of a write besides atomicity. */
    public enum Option {
        /**
         * Force the content to the device before the move and the folder after it ({@code fsync}), so that the
         * write also survives a crash of the machine, not only of the process. Costs a disk flush: for the
         * console's small files, not for large results.
         */
        FORCE,
        /** Create the target's folder, and the folders above it, when missing. */
        CREATE_PARENTS,
        /** Owner-only permissions ({@code rw-------}) on a POSIX file system. */
        PRIVATE
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * @param out where the content goes: a stream or writer on the temporary file, or the temporary file itself
         * @throws IOException when it cannot be written; the target is then left as it was
         */
        void write(T out) throws IOException;
    }

    /**
     * Writes a file atomically: the content goes to a temporary file beside the target, which is moved over the
     * target when complete and removed if anything fails, so the target is either the old file or the whole new one.
     * Stale temporary files of the same target left by processes that died are removed first.
     *
     * @param target  the file to create or replace
     * @param body    writes the content (buffered; closing the stream, as some libraries do, is harmless)
     * @param options what else to do
     * @throws IOException when the folder or the file cannot be written; the target is then unchanged
     */
    public static void write(Path target, Body<OutputStream> body, Option... options) throws IOException {
        boolean force = List.of(options).contains(Option.FORCE);
        replace(target, tmp -> fill(tmp, body, force), options);
    }

    /**
     * {@link #write} for a writer that needs the temporary file itself: to write it with a library that takes a path,
     * or to read it back and check it before it replaces the target. The target is replaced only when {@code body}
     * returns normally.
     *
     * @param target  the file to create or replace
     * @param body    writes the temporary file (given empty, in the target's folder), and may check it
     * @param options what else to do ({@link Option#FORCE} forces the folder; the body forces its own writes)
     * @throws IOException when the folder or the file cannot be written; the target is then unchanged
     */
    public static void replace(Path target, Body<Path> body, Option... options) throws IOException {
        List<Option> opts = List.of(options);
        Path dir = folder(target);
        if (opts.contains(Option.CREATE_PARENTS)) {
            Files.createDirectories(dir);
        }
        String name = target.getFileName().toString();
        removeStale(dir, name);
        Path tmp = temporary(dir, name, opts.contains(Option.PRIVATE));
        try {
            body.write(tmp);
            moveIntoPlace(tmp, target);
            if (opts.contains(Option.FORCE)) {
                forceFolder(dir);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@link #write} for UTF-8 text. */
    public static void writeText(Path target, Body<BufferedWriter> body, Option... options) throws IOException {
        write(target, text(body), options);
    }

    /** {@link #write} for a JSON document, indented, {@code "key": value}, ending with a newline. */
    static void writeJson(Path target, Body<JsonGenerator> body) throws IOException {
        write(target, json(body));
    }

    static Body<OutputStream> text(Body<BufferedWriter> body) {
        return out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        };
    }

    static Body<OutputStream> json(Body<JsonGenerator> body) {
        return out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
                body.write(g);
                g.writeRaw('\n');
            }
        };
    }

    /**
     * Writes a temporary file's whole content.
     *
     * @param tmp   the temporary file (existing, empty)
     * @param body  writes the content
     * @param force whether to force it to the device before returning
     */
    static void fill(Path tmp, Body<OutputStream> body, boolean force) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.write(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // a library closing its stream (Jackson does) must not close the channel
                }
            });
            out.flush();
            if (force) {
                ch.force(true);
            }
        }
    }

    /**
     * @param dir     the folder of the target
     * @param target  the target's file name, used in the temporary name
     * @param privateFile whether the file is to be owner-only
     * @return a new, empty temporary file {@code .TARGET.PID.N.tmp} in {@code dir}
     */
    static Path temporary(Path dir, String target, boolean privateFile) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + target + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                if (privateFile && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    return Files.createFile(tmp, OWNER_ONLY);
                }
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                // left by an earlier process of the same id: take the next number
            }
        }
    }

    /** {@link #temporary(Path, String, boolean)}, ordinary permissions. */
    static Path temporary(Path dir, String target) throws IOException {
        return temporary(dir, target, false);
    }

    /** Moves a complete temporary file over its target, atomically where the file system can. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a folder's entries (a rename) to the device where the platform allows; otherwise nothing. */
    static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens folders (Windows): the rename is still atomic, only not yet durable
        }
    }

    /**
     * @param fileName a file's name
     * @return whether it is a temporary file of this class, {@code .NAME.PID.N.tmp}
     */
    public static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName).matches();
    }

    /**
     * Removes the temporary files that processes which no longer run left in a folder: those of one target, or all.
     * A temporary file of this process, or of any process still running, is kept. Best effort: a file that cannot
     * be removed stays for the next time. Nothing is removed from a folder with a {@link FolderCommit} under way or cut
     * short, whose files are not stale.
     *
     * @param dir    the folder (nothing happens when it does not exist)
     * @param target the target's file name, or {@code null} for the temporary files of every target
     * @return how many were removed
     */
    public static int removeStale(Path dir, String target) {
        if (!Files.isDirectory(dir) || FolderCommit.pending(dir)) {
            return 0; // a cut-short commit still needs its files: FolderCommit.recover first
        }
        String glob = target == null ? ".*.tmp" : "." + globEscape(target) + ".*.tmp";
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path p : files) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (!m.matches() || (target != null && !m.group(1).equals(target))) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == PID || ProcessHandle.of(pid).isPresent()) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // left for the next time
                }
            }
        } catch (IOException e) {
            // an unreadable folder: nothing to clean here
        }
        return removed;
    }

    private static String globEscape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("\\*?[]{}".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static Path folder(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException(target + " has no folder");
        }
        return dir;
    }
}
