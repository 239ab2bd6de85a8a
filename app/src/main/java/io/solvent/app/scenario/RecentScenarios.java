package io.solvent.app.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios opened lately, most recent first, at most {@link #MAX}: a small JSON file
 * ({@code {"format": 1, "recent": ["/path/a.json", ...]}}) written atomically (a temporary file beside it, then a
 * rename). A file that cannot be read is treated as an empty list, with a line in the log.
 */
public final class RecentScenarios {
    /** How many are kept. */
    public static final int MAX = 10;
    /** The largest list file read: ten paths fit in far less. */
    private static final long MAX_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(RecentScenarios.class);
    private static final ObjectMapper JSON = new ObjectMapper(io.solvent.engine.io.JsonErrors.boundedFactory(MAX_BYTES))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    /** @param file the list's file */
    public RecentScenarios(Path file) {
        this.file = file;
    }

    /** @return the list's file */
    public Path file() {
        return file;
    }

    /** @return the files, most recent first, as saved (some may have gone since) */
    public List<Path> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            JsonNode root = JSON.readTree(file.toFile());
            List<Path> out = new ArrayList<>();
            if (root != null && root.get("recent") instanceof ArrayNode a) {
                for (JsonNode n : a) {
                    if (n.isTextual() && out.size() < MAX) {
                        out.add(Path.of(n.asText()));
                    }
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            LOG.warn("recent scenarios {} unreadable ({}); starting an empty list", file, e.getMessage());
            return List.of();
        }
    }

    /**
     * @param opened a scenario file just opened
     * @return the list with it first (once), at most {@link #MAX}, saved
     */
    public List<Path> add(Path opened) {
        Path p = opened.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(load());
        list.remove(p);
        list.addFirst(p);
        while (list.size() > MAX) {
            list.removeLast();
        }
        save(list);
        return list;
    }

    /**
     * @param list the files, most recent first
     * @throws UncheckedIOException when it cannot be written (the old file is then as it was)
     */
    public void save(List<Path> list) {
        ObjectNode root = JSON.createObjectNode().put("format", 1);
        ArrayNode a = root.putArray("recent");
        list.stream().limit(MAX).forEach(p -> a.add(p.toString()));
        try {
            byte[] bytes = JSON.writeValueAsBytes(root);
            AtomicFiles.write(file, out -> out.write(bytes),
                    AtomicFiles.Option.FORCE, AtomicFiles.Option.CREATE_PARENTS);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
