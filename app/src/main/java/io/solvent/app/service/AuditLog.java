package io.solvent.app.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.input.LineReader;
import io.solvent.engine.io.JsonErrors;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log of parameter edits, {@code audit.jsonl} in the configuration directory: one JSON object per
 * line ({@link AuditEntry}), each appended whole and forced to disk before the edit is sent to the engine. Lines are
 * never rewritten; a kill leaves at most a last line cut short, which {@link #read} skips and the next append
 * removes (so that it does not swallow the entry written after it).
 */
public final class AuditLog {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonErrors.boundedFactory(AuditLog.MAX_LINE))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();
    /** The file's name in the configuration directory. */
    public static final String FILE = "audit.jsonl";
    private static final int MAX_LINE = 64 * 1024;

    private final Path file;

    /** @param file the log file (created on the first append) */
    public AuditLog(Path file) {
        this.file = file;
    }

    /** @return the log file */
    public Path file() {
        return file;
    }

    /**
     * Appends one entry and forces it to disk.
     *
     * @param e the entry
     * @throws IOException when it cannot be written
     */
    public synchronized void append(AuditEntry e) throws IOException {
        byte[] line = line(e).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            ch.truncate(completeLength(ch)); // a line a crash cut short would swallow this one
            ch.position(ch.size());
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
    }

    /** @return the length of the file's complete lines: up to and including its last newline */
    private static long completeLength(FileChannel ch) throws IOException {
        long end = ch.size();
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (end > 0) {
            long start = Math.max(0, end - b.capacity());
            b.clear().limit((int) (end - start));
            while (b.hasRemaining() && ch.read(b, start + b.position()) >= 0) {
                // fill the window
            }
            for (int i = b.position() - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /**
     * Writes a whole log at once, atomically (a run folder's copy of the entries of its scenario).
     *
     * @param file    the file to create or replace
     * @param entries the entries, in order
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, List<AuditEntry> entries) throws IOException {
        StringBuilder b = new StringBuilder();
        for (AuditEntry e : entries) {
            b.append(line(e));
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes),
                AtomicFiles.Option.CREATE_PARENTS);
    }

    private static String line(AuditEntry e) throws IOException {
        return JSON.writeValueAsString(e).replace("\n", "\\n") + "\n";
    }

    /**
     * @param file an audit log
     * @return its entries, oldest first; a line that cannot be read (a cut last line) is skipped
     * @throws IOException when the file cannot be read
     */
    public static List<AuditEntry> read(Path file) throws IOException {
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        // Malformed UTF-8 becomes U+FFFD, not an error: a kill may cut the last line inside a character, and that line
        // is then skipped like any line cut short, instead of the whole log becoming unreadable.
        try (LineReader r = new LineReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
                MAX_LINE)) {
            while (true) {
                String line;
                try {
                    line = r.readLine();
                } catch (LineReader.LineTooLongException e) {
                    r.skipLine(); // not an entry this log writes: skipped without holding it
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, AuditEntry.class));
                } catch (IOException | RuntimeException e) {
                    // a line cut short by a kill: the entries before it stand
                }
            }
        }
        return out;
    }
}
