package io.solvent.engine.io.journal;

import io.solvent.engine.feed.live.MessageDecoder;
import io.solvent.engine.feed.live.Journal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.feed.SourceStatusEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Appends received messages to a journal: JSON lines {@code {"t": ms, "source": "...", "msg": {...}}}, one per
 * message, in the order they arrive. Safe for several clients at once.
 *
 * <p>Crash guarantee: each line, newline included, is handed to the operating system in one {@code write} on a
 * {@link FileChannel} opened for appending, with no buffer in the process. When the process dies (crash, kill -9)
 * every line whose {@link #append} returned is in the file; at most the line being written is incomplete, and
 * {@link JournalReader} skips such a last line with a warning. With {@code sync} set the channel is also forced to
 * the device after every line ({@code fsync}), which extends the guarantee to a crash of the machine at the cost of
 * a disk flush per message; without it the channel is forced when the writer closes.
 *
 * <p>Opening an existing journal appends to it; an incomplete last line left by an earlier crash is cut off first
 * (and reported to the warning listener), so that it does not end up in the middle of the file.
 *
 * <p>Lines with the source {@value #NOTE_SOURCE} are the recorder's own notes, not received messages:
 * {@code {"session": {"source": S, "names": {...}}}} when a client starts (the Pyth feed names in force), and
 * {@code {"status": "CONNECTED"|"STALE"|"DISCONNECTED", "of": S, "reason": "..."}} when a source's connection
 * changes, so that a replay shows the gaps the live session had.
 */
public final class JournalWriter implements Journal {
    /** The source name of the recorder's own note lines. */
    public static final String NOTE_SOURCE = "solvent";

    private final Path file;
    private final FileChannel channel;
    private final boolean sync;
    private long lines;
    private boolean closed;

    private JournalWriter(Path file, FileChannel channel, boolean sync) {
        this.file = file;
        this.channel = channel;
        this.sync = sync;
    }

    /**
     * Opens a journal for appending, creating it when absent.
     *
     * @param file     the journal file
     * @param sync     whether to force every line to the device ({@code fsync}); see the class description
     * @param warnings receives a sentence when an incomplete last line of an earlier session is cut off
     * @return the writer
     * @throws UncheckedIOException when the file cannot be opened
     */
    public static JournalWriter open(Path file, boolean sync, Consumer<String> warnings) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            try {
                long keep = completeLength(channel);
                long size = channel.size();
                if (keep < size) {
                    channel.truncate(keep);
                    warnings.accept(file + ": cut off an incomplete last line of " + (size - keep)
                            + " bytes left by an earlier session");
                }
                channel.position(channel.size());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new JournalWriter(file, channel, sync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the length of the file up to and including its last newline */
    private static long completeLength(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (end > 0) {
            long start = Math.max(0, end - buf.capacity());
            buf.clear().limit((int) (end - start));
            while (buf.hasRemaining()) {
                if (channel.read(buf, start + buf.position()) < 0) {
                    break;
                }
            }
            for (int k = buf.position() - 1; k >= 0; k--) {
                if (buf.get(k) == '\n') {
                    return start + k + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /**
     * Appends one received message.
     *
     * @param receivedMs when it arrived, milliseconds since the Unix epoch, UTC (the receiving machine's clock)
     * @param source     the source it came from
     * @param message    the decoded message; its {@link MessageDecoder.Decoded#msgJson()} is recorded
     * @throws UncheckedIOException when the write fails
     */
    public void append(long receivedMs, String source, MessageDecoder.Decoded message) {
        write(receivedMs, source, message.msgJson());
    }

    /**
     * Appends a note that a client started, with the Pyth feed names in force (empty for other sources).
     *
     * @param timestampMs milliseconds since the Unix epoch, UTC
     * @param source      the client's source
     * @param names       feed id to symbol
     */
    public void appendSession(long timestampMs, String source, Map<String, String> names) {
        ObjectNode msg = JsonMessageDecoder.MAPPER.createObjectNode();
        ObjectNode session = msg.putObject("session");
        session.put("source", source);
        ObjectNode n = session.putObject("names");
        names.forEach(n::put);
        write(timestampMs, NOTE_SOURCE, msg.toString());
    }

    /**
     * Appends a note of a source's connection status.
     *
     * @param status the status event
     */
    public void appendStatus(SourceStatusEvent status) {
        ObjectNode msg = JsonMessageDecoder.MAPPER.createObjectNode();
        msg.put("status", status.status().name());
        msg.put("of", status.source());
        msg.put("reason", status.reason());
        write(status.timestampMs(), NOTE_SOURCE, msg.toString());
    }

    private synchronized void write(long t, String source, String msgJson) {
        if (closed) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
        String line = "{\"t\":" + t + ",\"source\":" + JsonMessageDecoder.jsonString(source) + ",\"msg\":" + msgJson
                + "}\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
        lines++;
    }

    /** @return the number of lines this writer appended */
    public synchronized long lines() {
        return lines;
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** Forces the journal to the device and closes it; further appends fail. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel) {
            c.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + file + ": " + e.getMessage(), e);
        }
    }

}
