package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.solvent.engine.input.InputException;

import java.util.regex.Pattern;

/**
 * The limits every JSON input is read within, and Jackson's errors in the project's words: {@code FILE: line L,
 * column C: problem}, one line, without Jackson's class names, stream types or configuration advice.
 */
public final class JsonErrors {
    /** The deepest nesting of arrays and objects read: the deepest of our files (a scenario with its book) is 8. */
    public static final int MAX_DEPTH = 64;
    /** The longest string value, in characters. */
    public static final int MAX_STRING = 1 << 20;
    /** The longest number, in characters. */
    public static final int MAX_NUMBER = 100;
    /** The longest field name, in characters. */
    public static final int MAX_NAME = 4096;

    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?\\[Source: .*?; line: (\\d+), column: (\\d+)]\\)?");
    private static final Pattern CONSTRAINT = Pattern.compile(",? from `StreamReadConstraints\\.\\w+\\(\\)`");
    private static final Pattern QUALIFIED = Pattern.compile("`?(?<![\\w$.])(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)`?");
    private static final Pattern ADVICE = Pattern.compile("(?:: not allowed as per `[^`]*`|; `[^`]*` enabled|: enable `[^`]*`|; enable `[^`]*`| \\(?(?:to allow|through reference chain|if disabled)\\b.*)");

    private JsonErrors() {
    }

    /**
     * @param maxDocumentBytes the largest document read, in bytes
     * @return a factory whose parsers keep to {@link #MAX_DEPTH}, {@link #MAX_STRING}, {@link #MAX_NUMBER},
     *         {@link #MAX_NAME} and that size
     */
    public static JsonFactory boundedFactory(long maxDocumentBytes) {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER)
                .maxNameLength(MAX_NAME).maxDocumentLength(maxDocumentBytes).build()).build();
    }

    /**
     * @param source the file as the user named it
     * @param e      what Jackson reported
     * @return the error naming the file, the line and column (and the JSON path of a mapping error) and the problem
     */
    public static InputException of(String source, JsonProcessingException e) {
        return new InputException(source, place(e), problem(e), e);
    }

    /** @return {@code line L, column C}, with the field's path after it for a mapping error; empty when unknown */
    public static String place(JsonProcessingException e) {
        return place(e, null);
    }

    /**
     * @param e      what Jackson reported
     * @param parser the parser that was reading, for the place of an error that has none (a limit exceeded), or null
     * @return {@code line L, column C}, with the field's path after it for a mapping error; empty when unknown
     */
    public static String place(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
        String place = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder("$");
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append('.').append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            place = place.isEmpty() ? path.toString() : place + " (" + path + ")";
        }
        return place;
    }

    /** @return what is wrong, in one line and the project's words */
    public static String problem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "too large: " + clean(e.getOriginalMessage()) + " (limits: nesting " + MAX_DEPTH + ", strings "
                    + MAX_STRING + " characters, numbers " + MAX_NUMBER + " digits, field names " + MAX_NAME + ")";
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return clean(cause.getMessage()); // a record's own check, such as a bound out of range
        }
        String why = clean(e.getOriginalMessage());
        return e instanceof JsonMappingException ? why : "invalid JSON: " + why;
    }

    /** @return Jackson's message, first line, without stream sources, class packages or advice */
    static String clean(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        s = SOURCE.matcher(s).replaceAll(" at line $1, column $2");
        s = CONSTRAINT.matcher(s).replaceAll("");
        boolean nonNumeric = s.contains("ALLOW_NON_NUMERIC_NUMBERS");
        s = ADVICE.matcher(s).replaceAll("");
        s = QUALIFIED.matcher(s).replaceAll("$1");
        return (nonNumeric ? s + "; expected a finite number" : s).strip();
    }
}
