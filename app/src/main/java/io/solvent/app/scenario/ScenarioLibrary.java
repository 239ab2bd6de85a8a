package io.solvent.app.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.app.service.SettingsStore;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.io.ScenarioDocument;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The scenarios the console offers to open: the ones bundled in the jar (named and described), the user's own files
 * (the {@code scenarios/} folder of the configuration directory, where the builders save by default), and the ones
 * opened lately, most recent first ({@link RecentScenarios}, {@code scenarios/.recent.json}; a file gone since is
 * dropped from the list with a note).
 *
 * <p>A bundled scenario is read from a path like any other: the jar's copy, with the sample books it names, is written
 * once into {@code bundled/} of the configuration directory (rewritten when the jar's differs). A bundled scenario
 * that replays recorded data not shipped in the jar (2025-10-10) is listed with a note unless the data is found
 * beside it, as in a checkout of the project ({@code assets/} given as {@code checkoutAssets}).
 *
 * <p>Thread-safe (its methods are synchronized); it reads files, so call it off the FX thread.
 */
public final class ScenarioLibrary {
    /** The scenarios shipped in the jar, in the order listed. */
    public static final List<Bundled> BUNDLED = List.of(
            new Bundled("console-default.json", "The console's default: 100,000 generated accounts over two hours of"
                    + " synthetic prices; BTC −10%, ETH −15%, SOL, XRP and DOGE about −20% in 10 minutes, 40% of it"
                    + " recovered over 30."),
            new Bundled("flash-crash.json", "A flash crash on 300 accounts: ETH −35% and BTC −20% over 10 minutes,"
                    + " 40% recovered over 20; 2 s oracle latency, thin books with cascade feedback, a $20k fund."),
            new Bundled("gap-down.json", "A gap down on 300 accounts: ETH −25% and BTC −15% in one tick; very thin"
                    + " books ($300k per 1%), cascade feedback on, a $5k fund."),
            new Bundled("2025-10-10.json", "The recorded crash hours of 2025-10-10 (21:00–24:00 UTC) over 100,000"
                    + " calibrated accounts: index, perpetual and spot prices, recorded order-book depth. Needs the"
                    + " recorded data, which the jar does not ship."),
            new Bundled("slow-crash.json", "A slow crash on 300 accounts: ETH −50% and BTC −30% over 15 minutes on"
                    + " thin books ($200k per 1%), a $2k fund: bankruptcies 3 minutes into the crash, where a changed"
                    + " maintenance margin still changes the bad debt (the user guide's what-if)."));
    /** The sample books the bundled scenarios name. */
    static final List<String> BOOKS = List.of("population-300.json", "example.json");
    private static final String RESOURCES = "/io/solvent/assets/";
    private static final String RECENT_FILE = ".recent.json";

    private final Path configDir;
    private final Path checkoutAssets;
    private final RecentScenarios recent;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param configDir      the configuration directory (the settings' folder)
     * @param checkoutAssets a project checkout's {@code assets/} folder to read bundled scenarios from when it holds
     *                       them (their recorded data is then found beside them), or null
     */
    public ScenarioLibrary(Path configDir, Path checkoutAssets) {
        this.configDir = configDir.toAbsolutePath();
        this.checkoutAssets = checkoutAssets;
        this.recent = new RecentScenarios(userFolder().resolve(RECENT_FILE));
    }

    /**
     * @param env the environment ({@code SOLVENT_CONFIG_DIR}, else XDG, as the settings)
     * @return the library in the user's configuration directory, bundled scenarios from the jar, or from
     *         {@code assets/} of the working directory when it is a checkout of the project
     */
    public static ScenarioLibrary inConfigDirectory(Map<String, String> env) {
        Path assets = Path.of("assets");
        return new ScenarioLibrary(SettingsStore.inConfigDirectory(env).file().getParent(),
                Files.isRegularFile(assets.resolve("scenarios").resolve("console-default.json")) ? assets : null);
    }

    /** @return the user's scenario folder, {@code scenarios/} of the configuration directory */
    public Path userFolder() {
        return configDir.resolve("scenarios");
    }

    /** @return the recent list's store */
    public RecentScenarios recentStore() {
        return recent;
    }

    /** @return every entry: bundled, then the user's, then the recent ones */
    public synchronized List<LibraryEntry> all() {
        List<LibraryEntry> out = new ArrayList<>(bundled());
        out.addAll(user());
        out.addAll(recent());
        return out;
    }

    /** @return the bundled scenarios, each with its file (written into the configuration directory when needed) */
    public synchronized List<LibraryEntry> bundled() {
        List<LibraryEntry> out = new ArrayList<>();
        for (Bundled b : BUNDLED) {
            Path file;
            try {
                file = bundledFile(b.file());
            } catch (UncheckedIOException e) {
                out.add(new LibraryEntry(LibraryEntry.Kind.BUNDLED, b.file(), b.description(), "—", null,
                        "could not be copied out of the jar: " + e.getCause().getMessage()));
                continue;
            }
            out.add(entry(LibraryEntry.Kind.BUNDLED, file, b.description()));
        }
        return out;
    }

    /** @return the user's scenario files ({@code *.json} of {@link #userFolder()}), by file name */
    public synchronized List<LibraryEntry> user() {
        Path dir = userFolder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            s.forEach(p -> {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            notes.add("your scenario folder " + dir + " cannot be listed: " + e.getMessage());
            return List.of();
        }
        files.sort(null);
        return files.stream().map(f -> entry(LibraryEntry.Kind.USER, f, null)).toList();
    }

    /**
     * @return the scenarios opened lately, most recent first; a file gone since is dropped from the saved list and
     *         named in {@link #notes()}
     */
    public synchronized List<LibraryEntry> recent() {
        List<Path> saved = recent.load();
        List<Path> kept = new ArrayList<>();
        for (Path p : saved) {
            if (Files.isRegularFile(p)) {
                kept.add(p);
            } else {
                notes.add("dropped from the recent scenarios: " + p + " is no longer there");
            }
        }
        if (kept.size() != saved.size()) {
            recent.save(kept);
        }
        return kept.stream().map(f -> entry(LibraryEntry.Kind.RECENT, f, null)).toList();
    }

    /** @return what the library noticed since the last call (files dropped, folders unreadable), then forgets them */
    public synchronized List<String> notes() {
        List<String> out = List.copyOf(notes);
        notes.clear();
        return out;
    }

    /**
     * Reads a scenario to open it, and puts it first in the recent list. Slow for a large generated book: call it off
     * the FX thread.
     *
     * @param file a scenario file
     * @return the scenario, read and validated
     * @throws InputException naming the file, the place and what was expected
     */
    public Scenario open(Path file) {
        Scenario s = ScenarioReader.read(file);
        noteOpened(file);
        return s;
    }

    /** @param file a scenario file just opened: first in the recent list */
    public synchronized void noteOpened(Path file) {
        recent.add(file);
    }

    /**
     * @param name a bundled scenario's file name (such as {@code flash-crash.json})
     * @return a file of it that reads like the jar's: the checkout's, or a copy in {@code bundled/scenarios/} of
     *         the configuration directory beside copies of the sample books
     * @throws UncheckedIOException when the copy cannot be written
     * @throws IllegalArgumentException when the jar has no such scenario
     */
    public synchronized Path bundledFile(String name) {
        if (checkoutAssets != null && Files.isRegularFile(checkoutAssets.resolve("scenarios").resolve(name))) {
            return checkoutAssets.resolve("scenarios").resolve(name).toAbsolutePath();
        }
        Path root = configDir.resolve("bundled");
        for (String book : BOOKS) {
            copyResource("books/" + book, root.resolve("books").resolve(book));
        }
        Path target = root.resolve("scenarios").resolve(name);
        copyResource("scenarios/" + name, target);
        return target;
    }

    private static void copyResource(String resource, Path target) {
        byte[] bytes;
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("the jar has no " + RESOURCES + resource);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " from the jar", e);
        }
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            AtomicFiles.write(target, out -> out.write(bytes),
                    AtomicFiles.Option.CREATE_PARENTS);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
    }

    private LibraryEntry entry(LibraryEntry.Kind kind, Path file, String description) {
        String fileName = String.valueOf(file.getFileName());
        ScenarioDocument doc;
        try {
            doc = ScenarioDocument.read(file);
        } catch (InputException | UncheckedIOException e) {
            return new LibraryEntry(kind, fileName, description == null ? "—" : description, "—", file,
                    "unreadable: " + e.getMessage());
        }
        ScenarioFacts facts = ScenarioFacts.of(doc, fileName);
        String d = description != null ? description : "book " + facts.book() + "; " + facts.feedSymbols().size()
                + " priced feed symbols; " + facts.shocks() + (facts.shocks() == 1 ? " shock" : " shocks");
        return new LibraryEntry(kind, facts.name(), d, facts.windowText(), file, missingData(doc));
    }

    /** @return a note naming the recorded files the scenario needs that are not there, or null */
    private static String missingData(ScenarioDocument doc) {
        List<String> missing = new ArrayList<>();
        JsonNode book = doc.get("book");
        if (book != null && book.isTextual() && !Files.isRegularFile(doc.folder().resolve(book.asText()))) {
            missing.add(book.asText());
        }
        JsonNode feeds = doc.get("feeds");
        if (feeds != null) {
            for (JsonNode f : feeds) {
                if (f.get("file") instanceof JsonNode file && file.isTextual()
                        && !Files.isRegularFile(doc.folder().resolve(file.asText()))) {
                    missing.add(file.asText());
                }
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        Path first = Path.of(missing.getFirst());
        return "its recorded data is not here: " + missing.size() + (missing.size() == 1 ? " file" : " files")
                + " missing, such as " + first.getFileName() + " (expected in "
                + (first.getParent() == null ? "its folder" : first.getParent().normalize()) + ", relative to "
                + "the scenario's folder)";
    }

    /**
     * A scenario shipped in the jar.
     *
     * @param file        its file name in {@code assets/scenarios}
     * @param description what it is, in a sentence
     */
    public record Bundled(String file, String description) {
    }
}
