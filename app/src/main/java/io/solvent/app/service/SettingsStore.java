package io.solvent.app.service;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.io.JsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Reads and writes {@link ConsoleSettings} as {@code settings.json} in the user's configuration directory
 * ({@code $SOLVENT_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/solvent}, else {@code ~/.config/solvent}). Writes are
 * atomic (a temporary file beside it, then a rename), so a kill never leaves half a file; a file that cannot be read
 * is kept aside as {@code settings.json.unreadable} and the defaults are used, with a line in the log.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = JsonMapper.builder(JsonErrors.boundedFactory(SettingsStore.MAX_BYTES))
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // an unplaced window is NaN
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true).build();
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;

    /** @param file the settings file */
    public SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * @param env the environment
     * @return the store in the user's configuration directory
     */
    public static SettingsStore inConfigDirectory(Map<String, String> env) {
        String explicit = env.get("SOLVENT_CONFIG_DIR");
        Path dir;
        if (explicit != null && !explicit.isBlank()) {
            dir = Path.of(explicit);
        } else if (env.get("XDG_CONFIG_HOME") != null && !env.get("XDG_CONFIG_HOME").isBlank()) {
            dir = Path.of(env.get("XDG_CONFIG_HOME"), "solvent");
        } else {
            dir = Path.of(System.getProperty("user.home"), ".config", "solvent");
        }
        return new SettingsStore(dir.resolve("settings.json"));
    }

    /** @return the settings file */
    public Path file() {
        return file;
    }

    /** @return the settings saved, or the defaults when there are none or they cannot be read */
    public ConsoleSettings load() {
        if (!Files.isRegularFile(file)) {
            return ConsoleSettings.DEFAULTS;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            ConsoleSettings s = JSON.readValue(file.toFile(), ConsoleSettings.class);
            return s == null ? ConsoleSettings.DEFAULTS : s;
        } catch (IOException | RuntimeException e) {
            LOG.warn("settings {} unreadable ({}); using the defaults and keeping the file as {}.unreadable", file,
                    e.getMessage(), file.getFileName());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moved) {
                LOG.warn("could not keep {} aside: {}", file, moved.getMessage());
            }
            return ConsoleSettings.DEFAULTS;
        }
    }

    /**
     * Writes the settings atomically, forced to disk, owner-only ({@code rw-------}): they record the user's files
     * and layout, nothing to share.
     *
     * @param settings the settings
     * @throws IOException when the directory cannot be made or written
     */
    public void save(ConsoleSettings settings) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, settings), AtomicFiles.Option.FORCE,
                AtomicFiles.Option.CREATE_PARENTS, AtomicFiles.Option.PRIVATE);
    }
}
