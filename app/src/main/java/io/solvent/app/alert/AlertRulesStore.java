package io.solvent.app.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.app.service.SettingsStore;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.input.OneLine;
import io.solvent.engine.io.JsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the alert rules as {@code alerts.json} beside the console's {@code settings.json} (the user's
 * configuration directory, {@link SettingsStore#inConfigDirectory}). Writes are atomic (a temporary file beside it,
 * then a rename). A file that cannot be read gives the default rules and a message naming the file and the place
 * (line, column, field) of the fault; the file itself is left untouched, and the first save after that keeps it as
 * {@code alerts.json.unreadable} (and says so) rather than overwriting it silently.
 */
public final class AlertRulesStore {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRulesStore.class);
    /** The rules file's name. */
    public static final String FILE_NAME = "alerts.json";
    /** The rules file's format number. */
    public static final int FORMAT = 1;
    private static final long MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonErrors.boundedFactory(MAX_BYTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(SerializationFeature.INDENT_OUTPUT, true).build();

    private final Path file;
    private boolean unreadable;

    /** The file's content. */
    private record Content(int format, List<AlertRule> rules) {
    }

    /**
     * What loading found.
     *
     * @param rules   the rules to use: the file's, or the defaults
     * @param problem why the file could not be used (naming it and the place), or empty
     */
    public record Loaded(AlertRules rules, String problem) {
    }

    /** @param file the rules file */
    public AlertRulesStore(Path file) {
        this.file = file;
    }

    /**
     * @param env the environment
     * @return the store in the user's configuration directory, beside {@code settings.json}
     */
    public static AlertRulesStore inConfigDirectory(Map<String, String> env) {
        return new AlertRulesStore(SettingsStore.inConfigDirectory(env).file().resolveSibling(FILE_NAME));
    }

    /** @return the rules file */
    public Path file() {
        return file;
    }

    /** @return the rules saved; the defaults when there is no file, or when it cannot be read (with why) */
    public Loaded load() {
        unreadable = false;
        if (!Files.exists(file)) {
            return new Loaded(AlertRules.DEFAULTS, "");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            Content c = JSON.readValue(file.toFile(), Content.class);
            if (c == null) {
                throw new IOException("empty");
            }
            if (c.format() != FORMAT) {
                throw new IOException("format " + c.format() + " is not known (expected " + FORMAT + ")");
            }
            return new Loaded(new AlertRules(c.rules()), "");
        } catch (IOException | RuntimeException e) {
            unreadable = true;
            String problem = OneLine.escape(file + ": " + describe(e)) + "; the default alert rules are used, and the file is kept"
                    + " (as " + file.getFileName() + ".unreadable once rules are saved)";
            LOG.warn("alert rules {}", problem);
            return new Loaded(AlertRules.DEFAULTS, problem);
        }
    }

    /** @return the fault and its place, such as {@code line 7, column 20 ($.rules[1].threshold): expected ...} */
    static String describe(Exception e) {
        if (e instanceof JsonProcessingException j) {
            String place = JsonErrors.place(j);
            return (place.isEmpty() ? "" : place + ": ") + JsonErrors.problem(j);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Writes the rules atomically. When the file on disk could not be read at the last load, it is first kept as
     * {@code alerts.json.unreadable}.
     *
     * @param rules the rules
     * @return what was done beside writing (keeping the unreadable file aside), or empty
     * @throws IOException when the directory cannot be made or written
     */
    public synchronized String save(AlertRules rules) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String note = "";
        if (unreadable && Files.exists(file)) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            note = "the unreadable " + file.getFileName() + " was kept as " + aside;
            LOG.warn("alert rules: {}", note);
        }
        unreadable = false;
        AtomicFiles.write(file, out -> JSON.writeValue(out, new Content(FORMAT, rules.rules())),
                AtomicFiles.Option.FORCE);
        return note;
    }
}
