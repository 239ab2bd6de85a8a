package io.solvent.engine.feed.recorded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, remembering where each line starts, so that a line can be found again by its
 * byte offset. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (old Mac files), as {@link
 * java.io.BufferedReader#readLine} counts them. Text must be UTF-8: a malformed line throws a
 * {@link CharacterCodingException}, so the caller can name its line. Holds one buffer and the longest line seen; a
 * line longer than {@link #MAX_LINE} bytes throws a {@link LineTooLongException} after reading that much of it.
 */
final class LineScanner {
    /** The longest line accepted, in bytes: no recorded format comes near it, a file without line breaks does. */
    static final int MAX_LINE = 1 << 20;

    /** A line longer than {@link #MAX_LINE}: not a text file of this kind. */
    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line longer than " + MAX_LINE + " bytes");
        }
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bufferStart;
    private byte[] line = new byte[256];
    private long lineStart;

    LineScanner(InputStream in) {
        this.in = in;
    }

    /** @return the next line without its terminator, or null at the end of the file */
    String next() throws IOException {
        int len = 0;
        boolean any = false;
        lineStart = bufferStart + pos;
        while (true) {
            if (pos == limit && !fill()) {
                return any ? decode(len) : null;
            }
            byte b = buffer[pos++];
            any = true;
            if (b == '\n') {
                return decode(len);
            }
            if (b == '\r') {
                if ((pos < limit || fill()) && buffer[pos] == '\n') {
                    pos++;
                }
                return decode(len);
            }
            if (len == line.length) {
                if (len >= MAX_LINE) {
                    throw new LineTooLongException();
                }
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[len++] = b;
        }
    }

    private String decode(int len) throws CharacterCodingException {
        for (int i = 0; i < len; i++) {
            if (line[i] < 0) {
                return utf8.decode(ByteBuffer.wrap(line, 0, len)).toString();
            }
        }
        return new String(line, 0, len, StandardCharsets.ISO_8859_1);
    }

    private boolean fill() throws IOException {
        bufferStart += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** @return the byte offset of the line last returned by {@link #next()} */
    long lineStart() {
        return lineStart;
    }
}
