package io.solvent.engine.feed.recorded;

import java.util.function.Consumer;

/**
 * Splits one CSV line into fields as RFC 4180 says: fields are separated by commas; a field may be enclosed in double
 * quotes, inside which a comma is text and {@code ""} is one quote. Spaces around a field (quoted or not) are dropped.
 * A quote that is not closed on its line (recorded files hold no line breaks in fields), text after a closing quote,
 * or a quote inside an unquoted field is a {@link Malformed} naming the column (1-based character position).
 */
final class CsvFields {
    /** A line that is not well-formed CSV. */
    static final class Malformed extends IllegalArgumentException {
        private final int column;

        Malformed(int column, String problem) {
            super(problem);
            this.column = column;
        }

        /** @return the 1-based character position of the fault in its line */
        int column() {
            return column;
        }
    }

    private CsvFields() {
    }

    /**
     * @param line  the line, without its terminator
     * @param field receives each field, in order, stripped and unquoted
     * @return the number of fields
     * @throws Malformed when the quoting is broken
     */
    static int split(String line, Consumer<String> field) {
        int n = 0;
        int i = 0;
        int len = line.length();
        while (true) {
            while (i < len && line.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < len && line.charAt(i) == '"') {
                int open = i;
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= len) {
                        throw new Malformed(open + 1, "a quoted field is not closed on its line (a quote opened here;"
                                + " fields cannot span lines)");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < len && line.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                while (i < len && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < len && line.charAt(i) != ',') {
                    throw new Malformed(i + 1, "text after a closing quote; expected a comma or the end of the line");
                }
                value = b.toString().strip();
            } else {
                int start = i;
                while (i < len && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw new Malformed(i + 1, "a quote inside an unquoted field; quote the whole field and"
                                + " double the quote (two quotes)");
                    }
                    i++;
                }
                value = line.substring(start, i).strip();
            }
            field.accept(value);
            n++;
            if (i >= len) {
                return n;
            }
            i++; // the comma
        }
    }
}
