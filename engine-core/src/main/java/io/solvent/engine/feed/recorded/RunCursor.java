package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.input.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one time-ordered run of a file's lines — from a byte offset, for a number of lines — through a
 * {@link LineScanner} (lines bounded, ended as the scan that found the run ends them), turning each into events.
 * Holds one line and at most four pending events.
 */
final class RunCursor implements FeedReader {
    private final String file;
    private final RowParser parser;
    private final long endLine;
    private final FeedEvent[] pending = new FeedEvent[4];
    private InputStream stream;
    private LineScanner reader;
    private long lineNo;
    private int next;
    private int count;

    /**
     * @param path      the file
     * @param file      the file as the user named it, for errors
     * @param parser    the row parser
     * @param offset    byte offset of the run's first line
     * @param firstLine number (1-based) of the run's first line
     * @param endLine   number of the first line after the run, or {@link Long#MAX_VALUE} for the end of the file
     */
    RunCursor(Path path, String file, RowParser parser, long offset, long firstLine, long endLine) {
        this.file = file;
        this.parser = parser;
        this.endLine = endLine;
        this.lineNo = firstLine - 1;
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            try {
                channel.position(offset);
                stream = Channels.newInputStream(channel);
                reader = new LineScanner(stream);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new InputException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public FeedEvent next() {
        while (next == count) {
            if (reader == null || lineNo + 1 >= endLine) {
                close();
                return null;
            }
            String line;
            try {
                line = reader.next();
            } catch (LineScanner.LineTooLongException e) {
                throw new InputException(file, "line " + (lineNo + 1), "is longer than " + LineScanner.MAX_LINE
                        + " bytes; not a recorded file", e);
            } catch (CharacterCodingException e) {
                throw new InputException(file, "line " + (lineNo + 1), "is not UTF-8 text (a malformed byte"
                        + " sequence); recorded files are UTF-8", e);
            } catch (IOException e) {
                throw new InputException(file, "line " + (lineNo + 1), "cannot be read: " + e.getMessage()
                        + " (expected UTF-8 text)", e);
            }
            if (line == null) {
                close();
                return null;
            }
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            parser.split(line, lineNo);
            count = parser.events(lineNo, pending);
            next = 0;
        }
        FeedEvent e = pending[next];
        pending[next++] = null;
        return e;
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                reader = null;
                stream = null;
                next = count = 0;
            }
        }
    }
}
