package io.solvent.app.service;

import java.util.regex.Pattern;

/**
 * The patterns a guardrail's {@code keys} may use: the part of regular-expression syntax that names parameters —
 * names, {@code \.} (a dot), {@code .*} (anything), {@code \d+} (an index), {@code \[} and {@code ]} (brackets) and
 * {@code (a|b)} (one of some names). A {@code guardrails.json} is text the operator edits by hand; anything else in it
 * (nested repetition that can take exponential time, a broken expression) is refused with its column instead of
 * being handed to the regular-expression engine.
 */
final class GuardrailKeys {
    private GuardrailKeys() {
    }

    /**
     * @param keys the pattern as written
     * @return it compiled, every name matched literally
     * @throws IllegalArgumentException naming the column of the first construct outside the subset
     */
    static Pattern compile(String keys) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = keys.length();
        while (i < n) {
            char c = keys.charAt(i);
            if (keys.startsWith("\\.", i)) {
                regex.append("\\.");
                i += 2;
            } else if (keys.startsWith("\\[", i)) {
                regex.append("\\[");
                i += 2;
            } else if (keys.startsWith("\\]", i) || c == ']') {
                regex.append("\\]");
                i += c == ']' ? 1 : 2;
            } else if (keys.startsWith("\\d+", i)) {
                regex.append("\\d+");
                i += 3;
            } else if (keys.startsWith(".*", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '(') {
                int close = keys.indexOf(')', i);
                if (close < 0) {
                    throw unsupported(keys, i, "a group not closed");
                }
                regex.append("(?:");
                String[] names = keys.substring(i + 1, close).split("\\|", -1);
                for (int k = 0; k < names.length; k++) {
                    if (names[k].isEmpty() || !isName(names[k])) {
                        throw unsupported(keys, i, "a group of names expected, as (initial|maintenance)");
                    }
                    regex.append(k == 0 ? "" : "|").append(Pattern.quote(names[k]));
                }
                regex.append(')');
                i = close + 1;
            } else if (isNameChar(c)) {
                int start = i;
                while (i < n && isNameChar(keys.charAt(i))) {
                    i++;
                }
                regex.append(Pattern.quote(keys.substring(start, i)));
            } else {
                throw unsupported(keys, i, "'" + c + "'");
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean isName(String s) {
        return s.chars().allMatch(ch -> isNameChar((char) ch));
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static IllegalArgumentException unsupported(String keys, int at, String what) {
        return new IllegalArgumentException("keys '" + keys + "': " + what + " at column " + (at + 1) + " is not"
                + " supported; keys use names, \\. (a dot), .* (anything), \\d+ (an index), \\[ ] and (a|b)");
    }
}
