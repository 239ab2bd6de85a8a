package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A node of a parsed JSON document with its JSON path, whose accessors fail with the path and what was expected. */
final class JsonCursor {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final String path;
    private final JsonNode node;
    private final String name;

    JsonCursor(String source, String path, JsonNode node) {
        this(source, path, node, null);
    }

    private JsonCursor(String source, String path, JsonNode node, String name) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.name = name;
    }

    static JsonCursor root(String source, JsonNode node) {
        return new JsonCursor(source, "$", node);
    }

    String source() {
        return source;
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    InputException fail(String problem) {
        return new InputException(source, path, problem, null);
    }

    /** @return a path below this one for a field name, quoted when it is not a plain identifier */
    String childPath(String name) {
        return PLAIN_KEY.matcher(name).matches() ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }

    JsonCursor field(String name) {
        return new JsonCursor(source, childPath(name), node.path(name), name);
    }

    boolean has(String name) {
        return node.has(name);
    }

    JsonCursor object(Set<String> allowed) {
        if (!node.isObject()) {
            throw fail("expected an object, found " + describe(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw field(name).fail("unknown field '" + name + "'; expected one of " + new TreeSet<>(allowed));
            }
        }
        return this;
    }

    List<JsonCursor> elements() {
        if (!node.isArray()) {
            throw fail("expected an array, found " + describe(node));
        }
        List<JsonCursor> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonCursor(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** @return the entries of an object, in file order */
    List<JsonCursor> entries() {
        if (!node.isObject()) {
            throw fail("expected an object, found " + describe(node));
        }
        List<JsonCursor> out = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(name -> out.add(field(name)));
        return out;
    }

    /** @return the field name this cursor was reached by (else the last one its path shows) */
    String name() {
        if (name != null) {
            return name;
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf("['");
        if (bracket > dot) {
            return path.substring(bracket + 2, path.length() - 2).replace("\\'", "'");
        }
        return path.substring(dot + 1);
    }

    String text() {
        if (node.isMissingNode()) {
            throw fail("missing; expected a string");
        }
        if (!node.isTextual()) {
            throw fail("expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    double number() {
        if (node.isMissingNode()) {
            throw fail("missing; expected a number");
        }
        if (!node.isNumber()) {
            throw fail("expected a number, found " + describe(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw fail("expected a finite number, found " + node.asText());
        }
        return v;
    }

    double number(double defaultValue) {
        return node.isMissingNode() ? defaultValue : number();
    }

    boolean isMissing() {
        return node.isMissingNode();
    }

    boolean isNull() {
        return node.isNull();
    }

    static String describe(JsonNode n) {
        if (n.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType type = n.getNodeType();
        String shown = n.isTextual() ? "\"" + n.textValue() + "\"" : n.isContainerNode() ? "" : " " + n;
        String word = switch (type) {
            case STRING -> "string ";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
        if (type == JsonNodeType.NULL) {
            return "null";
        }
        return (word + shown).trim();
    }
}
