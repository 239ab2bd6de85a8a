package io.solvent.app.report;

import io.solvent.engine.input.InputException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of a CSV file as {@code solvent replay} writes them: comma-separated, a field holding a comma,
 * a quote or a line break quoted with {@code "} (a quote inside doubled), {@code \n} or {@code \r\n} between records.
 */
final class CsvRecords {
    private final Reader in;
    private final String source;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int line = 1;
    private int recordLine;
    private int pending = -2;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    /**
     * @param in     the text, buffered by the caller
     * @param source the file as the user named it, for errors
     */
    CsvRecords(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** @return the line the last record returned by {@link #next} starts on, 1-based */
    int line() {
        return recordLine;
    }

    /** @return the next record's fields (reused: copy what must be kept), or null at the end */
    List<String> next() throws IOException {
        fields.clear();
        field.setLength(0);
        int c = read();
        while (c == '\n' || c == '\r') { // blank lines
            c = read();
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new InputException(source, "line " + recordLine, "a quoted field is not closed", null);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pending = d;
                    }
                }
                fields.add(field.toString());
                return fields;
            } else if (wasQuoted) {
                throw new InputException(source, "line " + line, "text after a quoted field's closing quote", null);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (pending != -2) {
            c = pending;
            pending = -2;
            return c;
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        c = buf[pos++];
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
