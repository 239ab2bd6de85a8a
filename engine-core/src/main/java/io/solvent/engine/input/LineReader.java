package io.solvent.engine.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line with a bound on each line, where {@link java.io.BufferedReader#readLine} would hold a line
 * without end (a file with no line breaks, {@code /dev/zero}) until memory runs out. Lines end at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as {@code readLine} counts them.
 */
public final class LineReader implements AutoCloseable {
    /** A line longer than the bound: thrown after reading that much of it (the rest is still unread). */
    public static final class LineTooLongException extends IOException {
        /** @param max the bound, in characters */
        public LineTooLongException(int max) {
            super("a line longer than " + max + " characters");
        }
    }

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private boolean skipNewline;
    private StringBuilder line = new StringBuilder();

    /**
     * @param in  the text
     * @param max the longest line read, in characters
     */
    public LineReader(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /**
     * @return the next line without its terminator, or null at the end of the text
     * @throws LineTooLongException when the line is longer than the bound; {@link #skipLine()} then passes over it
     * @throws IOException          when the text cannot be read
     */
    public String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                return any ? line.toString() : null;
            }
            char c = buffer[pos++];
            if (skipNewline) {
                skipNewline = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                skipNewline = true;
                return line.toString();
            }
            if (line.length() >= max) {
                pos--;
                line = new StringBuilder(); // let the long line's storage go
                throw new LineTooLongException(max);
            }
            line.append(c);
        }
    }

    /** Passes over the rest of the current line (after a {@link LineTooLongException}), in bounded memory. */
    public void skipLine() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return;
            }
            char c = buffer[pos++];
            if (c == '\n') {
                return;
            }
            if (c == '\r') {
                skipNewline = true;
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
