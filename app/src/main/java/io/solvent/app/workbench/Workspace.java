package io.solvent.app.workbench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.io.JsonErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named workspace: the scenario open, what the operator did to its runs (forks and changes, in order), where the
 * runs stood, the bookmarks, the view shown and the accounts table's filter. Saved as JSON, atomically; reopening does
 * the same things again on a fresh engine, which — the engine being deterministic — gives the same runs bit for bit.
 *
 * @param format    the file format's version, {@value #FORMAT}
 * @param name      the workspace's name
 * @param scenario  the scenario file, or empty for the embedded default
 * @param actions   forks and changes, in the order done
 * @param active    the run shown
 * @param timeMs    where the runs stood (they move together), ms since the Unix epoch, UTC; {@link Long#MIN_VALUE}
 *                  for the start
 * @param ended     whether the runs had played to their end
 * @param bookmarks the bookmarks
 * @param view      the view shown ({@code overview}, {@code compare}, ...)
 * @param filters   the accounts table's filter and column choices, by name
 */
public record Workspace(int format, String name, String scenario, List<RunAction> actions, String active, long timeMs,
                        boolean ended, List<Bookmark> bookmarks, String view, Map<String, String> filters) {
    /** The file format's version. */
    public static final int FORMAT = 1;
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonErrors.boundedFactory(MAX_BYTES))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    public Workspace {
        Objects.requireNonNull(name, "name");
        scenario = Objects.requireNonNullElse(scenario, "");
        actions = List.copyOf(Objects.requireNonNullElse(actions, List.of()));
        active = Objects.requireNonNullElse(active, "original");
        bookmarks = List.copyOf(Objects.requireNonNullElse(bookmarks, List.of()));
        view = Objects.requireNonNullElse(view, "overview");
        filters = Map.copyOf(Objects.requireNonNullElse(filters, Map.of()));
    }

    /**
     * @param file the workspace file
     * @throws IOException when it cannot be written
     */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, this), AtomicFiles.Option.FORCE,
                AtomicFiles.Option.CREATE_PARENTS);
    }

    /**
     * @param file a workspace file
     * @return the workspace
     * @throws InputException naming the file and the place when it cannot be read
     */
    public static Workspace read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file.toString(), "", "no such workspace file", null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(file.toString(), "", "larger than " + MAX_BYTES + " bytes; not a workspace",
                        null);
            }
            Workspace w = JSON.readValue(file.toFile(), Workspace.class);
            if (w == null) {
                throw new InputException(file.toString(), "", "empty; expected a workspace object", null);
            }
            if (w.format() != FORMAT) {
                throw new InputException(file.toString(), "$.format", "expected " + FORMAT + ", was " + w.format(),
                        null);
            }
            return w;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.of(file.toString(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", e.getMessage(), e);
        }
    }
}
