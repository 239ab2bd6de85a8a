package io.solvent.engine.input;

/**
 * Keeps a message to one line: every error message that echoes something the user gave (a file name, a field name,
 * a value) passes it through {@link #escape}, so that a newline or another control character in it shows as an
 * escape ({@code \n}, {@code \u0007}) instead of breaking the line or the terminal.
 */
public final class OneLine {
    private OneLine() {
    }

    /**
     * @param text any text, or null
     * @return the text with line breaks, tabs and every other control character (C0, DEL, C1, and the Unicode line
     *         and paragraph separators) written as Java-style escapes; null as {@code "null"}
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
