package io.solvent.app.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.engine.input.InputException;

import java.util.regex.Pattern;

/**
 * A node of a parsed JSON document with its file and JSON path; its accessors fail with an {@link InputException}
 * naming the file, the path and what was expected.
 *
 * @param source the file as the user named it
 * @param path   the node's JSON path, such as {@code $.insuranceFund.endUsd}
 * @param node   the node ({@link com.fasterxml.jackson.databind.node.MissingNode} when absent)
 */
record ReportJson(String source, String path, JsonNode node) {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param source the file as the user named it
     * @param place  where the text is, prefixed to the place of a syntax error ("line 3: " in a JSON-lines file), or
     *               empty
     * @param text   the document
     * @return its root
     */
    static ReportJson parse(String source, String place, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new InputException(source, place.isEmpty() ? "" : place, "is empty; expected a JSON document",
                        null);
            }
            return new ReportJson(source, place.isEmpty() ? "$" : place + ", $", root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : (place.isEmpty() ? "line " + at.getLineNr() + ", " : place + ", ")
                    + "column " + at.getColumnNr();
            String message = e.getOriginalMessage();
            int nl = message.indexOf('\n');
            throw new InputException(source, where, "invalid JSON: " + (nl < 0 ? message : message.substring(0, nl)),
                    e);
        }
    }

    InputException fail(String problem) {
        return new InputException(source, path, problem, null);
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    ReportJson field(String name) {
        String p = PLAIN_KEY.matcher(name).matches() ? path + "." + name : path + "['" + name + "']";
        return new ReportJson(source, p, node.path(name));
    }

    ReportJson element(int i) {
        return new ReportJson(source, path + "[" + i + "]", node.path(i));
    }

    ReportJson object() {
        if (node.isMissingNode()) {
            throw fail("missing; expected an object");
        }
        if (!node.isObject()) {
            throw fail("expected an object, found " + found());
        }
        return this;
    }

    ReportJson array() {
        if (node.isMissingNode()) {
            throw fail("missing; expected an array");
        }
        if (!node.isArray()) {
            throw fail("expected an array, found " + found());
        }
        return this;
    }

    double number() {
        if (node.isMissingNode()) {
            throw fail("missing; expected a number");
        }
        if (!node.isNumber()) {
            throw fail("expected a number, found " + found());
        }
        return node.doubleValue();
    }

    long integer() {
        if (node.isMissingNode()) {
            throw fail("missing; expected an integer");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw fail("expected an integer, found " + found());
        }
        return node.longValue();
    }

    String text() {
        if (node.isMissingNode()) {
            throw fail("missing; expected a string");
        }
        if (!node.isTextual()) {
            throw fail("expected a string, found " + found());
        }
        return node.textValue();
    }

    /** @return a scalar as the report shows it: a string's text, a number or boolean as written, "null" */
    String scalar() {
        if (node.isMissingNode()) {
            throw fail("missing; expected a value");
        }
        if (node.isContainerNode()) {
            throw fail("expected a string, number, boolean or null, found " + found());
        }
        return node.isTextual() ? node.textValue() : node.asText();
    }

    private String found() {
        return switch (node.getNodeType()) {
            case STRING -> "string \"" + abbreviate(node.textValue()) + "\"";
            case NUMBER -> "number " + node.asText();
            case BOOLEAN -> "boolean " + node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
