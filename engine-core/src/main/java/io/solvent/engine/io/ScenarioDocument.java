package io.solvent.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.input.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file's text as a JSON tree, with the folder its relative paths are relative to: what a scenario is
 * derived from when a new file is made of it (hypothetical shocks added, the oracle's latency or the liquidity changed,
 * another name), so that everything the base file says — a generated book, synthetic feeds, per-market depth — is
 * kept as it was written rather than re-expressed. Immutable: every {@code with...} returns a changed copy.
 * {@link ScenarioWriter#write} writes it; {@link ScenarioReader#read} reads the file back.
 *
 * @param folder the folder the tree's relative paths (book, feed files, depth files) are relative to, absolute
 * @param tree   the scenario file's JSON object (format 1; docs/simulation.md); this record keeps its own copy
 */
public record ScenarioDocument(Path folder, ObjectNode tree) {

    public ScenarioDocument {
        folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        tree = Objects.requireNonNull(tree, "tree").deepCopy();
    }

    /**
     * @param file a scenario file
     * @return its text as a tree (not validated as a scenario: {@link ScenarioReader#read} does that)
     * @throws InputException when it is not a JSON object, naming the file and the place
     */
    public static ScenarioDocument read(Path file) {
        JsonNode n = JsonInput.read(file);
        if (!(n instanceof ObjectNode o)) {
            throw new InputException(file.toString(), "$", "expected a JSON object (a scenario, format 1)", null);
        }
        return new ScenarioDocument(file.toAbsolutePath().getParent(), o);
    }

    /** @return the tree (a copy: changing it changes nothing here) */
    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** @return the scenario's name as written, or null when it has none (the reader then uses the file name) */
    public String name() {
        JsonNode n = tree.get("name");
        return n == null || n.isNull() ? null : n.asText();
    }

    /** @param name the new name @return a copy named so */
    public ScenarioDocument withName(String name) {
        ObjectNode t = tree();
        t.put("name", Objects.requireNonNull(name, "name"));
        return new ScenarioDocument(folder, t);
    }

    /**
     * @param shocks hypothetical shocks, applied after the base's own, in this order
     * @return a copy with them added to {@code "shocks"}
     */
    public ScenarioDocument withShocksAdded(List<? extends Shock> shocks) {
        ObjectNode t = tree();
        ArrayNode list = t.get("shocks") instanceof ArrayNode a ? a : t.putArray("shocks");
        shocks.forEach(s -> list.add(ScenarioWriter.shock(s)));
        return new ScenarioDocument(folder, t);
    }

    /**
     * Sets one field, creating the objects on its way: {@code oracle.latencyMs}, {@code liquidity.stressedDepthMultiplier}.
     *
     * @param dottedPath the field's path from the top, names separated by dots (no arrays)
     * @param value      its new value
     * @return a copy with it set
     * @throws IllegalArgumentException when a step of the path is there but not an object
     */
    public ScenarioDocument with(String dottedPath, JsonNode value) {
        ObjectNode t = tree();
        String[] parts = dottedPath.split("\\.");
        ObjectNode at = t;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (next == null || next.isNull()) {
                next = at.putObject(parts[i]);
            }
            if (!(next instanceof ObjectNode o)) {
                throw new IllegalArgumentException("$." + String.join(".", List.of(parts).subList(0, i + 1))
                        + " is not an object; cannot set " + dottedPath);
            }
            at = o;
        }
        at.set(parts[parts.length - 1], value);
        return new ScenarioDocument(folder, t);
    }

    /** @param dottedPath a field's path from the top @return its value, or null when absent */
    public JsonNode get(String dottedPath) {
        JsonNode at = tree;
        for (String p : dottedPath.split("\\.")) {
            at = at == null ? null : at.get(p);
        }
        return at == null || at.isMissingNode() ? null : at.deepCopy();
    }

    /**
     * @param to another folder
     * @return the tree with every relative path in it (the book's, each feed's {@code file}, each market's
     *         {@code depthFile}) rewritten so that it names the same file from {@code to}: relative when both are on
     *         one file system root, else absolute
     */
    public ObjectNode rebasedTo(Path to) {
        Path target = to.toAbsolutePath().normalize();
        ObjectNode t = tree();
        if (t.get("book") instanceof JsonNode b && b.isTextual()) {
            t.put("book", rebase(b.asText(), target));
        }
        if (t.get("feeds") instanceof ArrayNode feeds) {
            for (JsonNode f : feeds) {
                if (f instanceof ObjectNode o && o.get("file") instanceof JsonNode file && file.isTextual()) {
                    o.put("file", rebase(file.asText(), target));
                }
            }
        }
        if (t.get("liquidity") instanceof ObjectNode liq && liq.get("markets") instanceof ObjectNode markets) {
            for (JsonNode m : iterable(markets)) {
                if (m instanceof ObjectNode o && o.get("depthFile") instanceof JsonNode file && file.isTextual()) {
                    o.put("depthFile", rebase(file.asText(), target));
                }
            }
        }
        return t;
    }

    private static List<JsonNode> iterable(ObjectNode o) {
        List<JsonNode> out = new ArrayList<>();
        o.elements().forEachRemaining(out::add);
        return out;
    }

    private String rebase(String ref, Path target) {
        Path p = Path.of(ref);
        if (p.isAbsolute()) {
            return ref;
        }
        Path file = folder.resolve(p).normalize();
        if (target.equals(folder)) {
            return ref;
        }
        if (!Objects.equals(target.getRoot(), file.getRoot())) {
            return file.toString();
        }
        // forward slashes, so that the file reads the same on every system
        return target.relativize(file).toString().replace('\\', '/');
    }
}
