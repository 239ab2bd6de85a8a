package io.solvent.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.solvent.app.report.RunFolder;
import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import io.solvent.app.workbench.Workspace;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.journal.JournalReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kills Solvent (SIGKILL) at seeded-random moments while it records a feed, replays a scenario with a fork, writes a
 * population, saves a workspace and appends to the audit log, and shows after every kill that each file is the old
 * version or the new one — a journal or audit log at most missing its last, partial line — that the app's readers
 * open it, and that the next run leaves no temporary file behind.
 *
 * <p>Each kind runs in child JVMs ({@link Main}, or {@link CrashChild} for the console's files) on this test's class
 * path. A kill comes a seeded-random time after the child has begun to write (its first temporary file, journal
 * line or save), within about a whole run's time, so that it lands in the writing however loaded the machine is; some
 * replays are killed on their first move into place instead. {@code -Dsolvent.crash.seed=S} repeats the delays,
 * {@code -Dsolvent.crash.kills=N} sets the kills per kind. The figures go to standard output and to
 * {@code target/crash-safety.txt} (for docs/reliability.md).
 */
class CrashSafetyIT {
    private static final long SEED = Long.getLong("solvent.crash.seed", 20_261_207L);
    private static final int KILLS = Integer.getInteger("solvent.crash.kills", 12);
    private static final Path ASSETS = Path.of("..", "assets").toAbsolutePath().normalize();
    private static final Path FIGURES = Path.of("target", "crash-safety.txt");
    private static final List<String> RUN_FILES = List.of("events.csv", "manifest.json", "metrics.csv",
            "summary.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BTC = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";

    @TempDir
    Path dir;

    @BeforeAll
    static void announce() throws IOException {
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, "crash-safety: seed " + SEED + ", " + KILLS + " kills per kind\n");
        System.out.println("crash-safety: seed " + SEED + " (-Dsolvent.crash.seed), " + KILLS + " kills per kind");
    }

    @AfterAll
    static void done() throws IOException {
        System.out.print(Files.readString(FIGURES));
    }

    private static void figures(String line) throws IOException {
        Files.writeString(FIGURES, line + "\n", StandardOpenOption.APPEND);
    }

    // ---------------------------------------------------------------------------------------------------- processes

    private Process start(String name, String main, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), main));
        cmd.addAll(args);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        pb.environment().put("SOLVENT_LOG_DIR", logs.toAbsolutePath().toString());
        pb.environment().put("SOLVENT_CONFIG_DIR", dir.resolve("config").toAbsolutePath().toString());
        return pb.start();
    }

    private Process solvent(String name, String... args) throws IOException {
        return start(name, Main.class.getName(), List.of(args));
    }

    private String stderr(String name) throws IOException {
        return Files.readString(dir.resolve("logs").resolve(name + ".err"));
    }

    private List<String> stdout(String name) throws IOException {
        return Files.readAllLines(dir.resolve("logs").resolve(name + ".out"));
    }

    private boolean printed(String name) throws IOException {
        return Files.size(dir.resolve("logs").resolve(name + ".out")) > 0;
    }

    private void complete(String name, Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " did not end");
        assertEquals(0, p.exitValue(), name + ": " + stderr(name));
    }

    /** @return whether the process was killed (SIGKILL) after {@code ms}; false when it had ended by itself, well */
    private boolean killAfter(String name, Process p, long ms) throws Exception {
        if (p.waitFor(ms, TimeUnit.MILLISECONDS)) {
            assertEquals(0, p.exitValue(), name + " ended before its kill, and not well: " + stderr(name));
            return false;
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        return true;
    }

    /**
     * Kills the process {@code ms} after it has shown that it is at work ({@code started}: its first temporary file,
     * line or output), so that the moment falls in its writing however long the JVM took to start.
     */
    private boolean killAfterStart(String name, Process p, java.util.concurrent.Callable<Boolean> started, long ms)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && !started.call()) {
            if (System.nanoTime() > deadline) {
                fail(name + ": did not start writing in 120 s");
            }
            LockSupport.parkNanos(500_000);
        }
        return killAfter(name, p, ms);
    }

    /** Kills the process {@code ms} after the first change to any of {@code files} (a rename into place). */
    private boolean killOnFirstChange(String name, Process p, List<Path> files, long ms) throws Exception {
        List<String> before = keys(files);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && keys(files).equals(before)) {
            if (System.nanoTime() > deadline) {
                fail(name + ": nothing moved into place in 120 s");
            }
            LockSupport.parkNanos(100_000);
        }
        return killAfter(name, p, ms);
    }

    private static List<String> keys(List<Path> files) throws IOException {
        List<String> keys = new ArrayList<>();
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                keys.add(a.fileKey() + "@" + a.lastModifiedTime().toMillis() + "/" + a.size());
            } catch (NoSuchFileException e) {
                keys.add("none");
            }
        }
        return keys;
    }

    // ------------------------------------------------------------------------------------------------------- files

    private static String sha256(Path f) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(f)) {
            byte[] b = new byte[1 << 16];
            for (int n = in.read(b); n >= 0; n = in.read(b)) {
                d.update(b, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** A run folder's four files, by name, as hashes. */
    private static Map<String, String> runFiles(Path folder) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (String f : RUN_FILES) {
            m.put(f, sha256(folder.resolve(f)));
        }
        return m;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long temporaries(Path... folders) throws IOException {
        long n = 0;
        for (Path f : folders) {
            n += names(f).stream().filter(name -> name.endsWith(".tmp")).count();
        }
        return n;
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------- the kinds

    private List<String> replayArgs(String scenario, Path out) {
        return List.of("replay", ASSETS.resolve("scenarios").resolve(scenario + ".json").toString(), "--out",
                out.resolve("run").toString(), "--fork-at", "2025-01-01T00:19:59Z", "--set", "deleveraging=deficit",
                "--fork-out", out.resolve("fork").toString(), "--no-progress");
    }

    /**
     * {@code solvent replay} with a fork, alternating two scenarios so that old and new differ: after every kill,
     * each of the two folders holds the four files of the run before or of the run killed, never some of each, and
     * {@code solvent report}'s reader opens both. Every third kill comes on the first file moved into place (of the
     * original's folder or of the fork's, in turn), to hit the moves themselves; the others at a random moment.
     */
    @Test
    void replayFoldersAreAllOldOrAllNewAfterEveryKill() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(SEED ^ 0x5EED_0001L);
        String[] scenarios = {"gap-down", "slow-crash"};
        List<Map<String, Map<String, String>>> ref = new ArrayList<>();
        for (String s : scenarios) {
            Path out = dir.resolve("ref-" + s);
            complete("ref-" + s, solvent("ref-" + s, replayArgs(s, out).toArray(String[]::new)));
            ref.add(Map.of("run", runFiles(out.resolve("run")), "fork", runFiles(out.resolve("fork"))));
        }
        Path work = dir.resolve("work");
        long began = System.nanoTime();
        complete("replay-first", solvent("replay-first", replayArgs(scenarios[0], work).toArray(String[]::new)));
        int runMs = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began); // the kills' window, as loaded
        Map<String, Integer> state = new LinkedHashMap<>(Map.of("run", 0, "fork", 0));
        Map<String, Integer> outcomes = new TreeMap<>();
        long temporaries = 0;
        for (int i = 0; i < KILLS; i++) {
            int next = 1 - state.get("run");
            String name = "replay-" + i;
            Process p = solvent(name, replayArgs(scenarios[next], work).toArray(String[]::new));
            // every third kill on the first move into place: of the original's folder, or (every sixth) the fork's
            boolean killed = i % 3 == 2
                    ? killOnFirstChange(name, p, List.of(work.resolve(i % 6 == 2 ? "run" : "fork")
                            .resolve("events.csv")), random.nextInt(3))
                    : killAfterStart(name, p, () -> temporaries(work.resolve("run")) > 0,
                            random.nextInt(Math.max(1, runMs * 2 / 3)));
            outcomes.merge(killed ? "killed" : "ended before its kill", 1, Integer::sum);
            for (String folder : List.of("run", "fork")) {
                Path f = work.resolve(folder);
                boolean pending = Files.exists(f.resolve(".solvent-commit"));
                temporaries += temporaries(f);
                RunFolder.read(f); // what solvent report reads: completes a cut-short commit first
                Map<String, String> now = runFiles(f);
                int old = state.get(folder);
                String outcome = now.equals(ref.get(old).get(folder)) ? "old"
                        : now.equals(ref.get(next).get(folder)) ? "new" : null;
                if (outcome == null) {
                    fail(name + " (seed " + SEED + "): " + folder + " holds files of two runs: " + now);
                }
                state.put(folder, outcome.equals("new") ? next : old);
                outcomes.merge(folder + " " + outcome + (pending ? " (completed from its commit record)" : ""), 1,
                        Integer::sum);
            }
        }
        complete("replay-last", solvent("replay-last", replayArgs(scenarios[1 - state.get("run")], work)
                .toArray(String[]::new)));
        assertEquals(RUN_FILES, names(work.resolve("run")), "no temporary file or record left");
        assertEquals(RUN_FILES, names(work.resolve("fork")), "no temporary file or record left");
        figures("replay + fork (" + scenarios[0] + " / " + scenarios[1] + "): " + KILLS + " runs, " + outcomes
                + "; temporaries found after the kills " + temporaries + ", after the next complete run 0; "
                + seconds(t0));
    }

    private List<String> populationArgs(long seed, Path out) {
        return List.of("population", "--accounts", "15000", "--seed", Long.toString(seed), "--out", out.toString());
    }

    /** {@code solvent population}, alternating two seeds: the book is the old one or the new one, and reads. */
    @Test
    void aPopulationIsTheOldBookOrTheNewAfterEveryKill() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(SEED ^ 0x5EED_0002L);
        long[] seeds = {1, 2};
        String[] ref = new String[2];
        for (int s = 0; s < 2; s++) {
            Path book = dir.resolve("ref-" + s + ".json");
            complete("pop-ref-" + s, solvent("pop-ref-" + s, populationArgs(seeds[s], book).toArray(String[]::new)));
            ref[s] = sha256(book);
        }
        Path work = Files.createDirectories(dir.resolve("books"));
        Path book = work.resolve("book.json");
        long began = System.nanoTime();
        complete("pop-first", solvent("pop-first", populationArgs(seeds[0], book).toArray(String[]::new)));
        int runMs = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began); // the kills' window, as loaded
        int state = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        long temporaries = 0;
        long mostAtOnce = 0;
        for (int i = 0; i < KILLS; i++) {
            int next = 1 - state;
            String name = "pop-" + i;
            boolean killed = killAfterStart(name, solvent(name, populationArgs(seeds[next], book)
                    .toArray(String[]::new)), () -> temporaries(work) > 0, random.nextInt(runMs));
            outcomes.merge(killed ? "killed" : "ended before its kill", 1, Integer::sum);
            long t = temporaries(work);
            temporaries += t;
            mostAtOnce = Math.max(mostAtOnce, t);
            String now = sha256(book);
            BookReader.read(book); // the app opens it
            String outcome = now.equals(ref[state]) ? "old" : now.equals(ref[next]) ? "new" : null;
            if (outcome == null) {
                fail(name + " (seed " + SEED + "): the book is neither the old nor the new one");
            }
            state = outcome.equals("new") ? next : state;
            outcomes.merge(outcome, 1, Integer::sum);
        }
        complete("pop-last", solvent("pop-last", populationArgs(seeds[1 - state], book).toArray(String[]::new)));
        assertEquals(List.of("book.json"), names(work), "the killed runs' temporary files are gone");
        figures("population (15,000 accounts, seeds 1 / 2): " + KILLS + " runs, " + outcomes
                + "; temporaries found after the kills " + temporaries + " (at most " + mostAtOnce
                + " at once), after the next complete run 0; " + seconds(t0));
    }

    /**
     * {@code solvent record} of a Pyth stream from a loopback server, one journal across every kill: each kill leaves
     * the journal as it was plus whole lines, and at most one last line cut short, which the next session removes;
     * the reader opens it every time.
     */
    @Test
    void aJournalOnlyEverLosesItsLastPartialLine() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(SEED ^ 0x5EED_0003L);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r)));
        server.createContext("/v2/updates/price/stream", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream o = ex.getResponseBody()) {
                for (long k = 0; ; k++) {
                    String data = "{\"parsed\":[{\"id\":\"" + BTC + "\",\"price\":{\"price\":\"" + (6201740000000L + k)
                            + "\",\"conf\":\"2956823570\",\"expo\":-8,\"publish_time\":" + (1717516541 + k / 100)
                            + "}}]}";
                    o.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                // the recorder went away
            }
        });
        server.start();
        Path journal = dir.resolve("feed.jsonl");
        List<String> args = new ArrayList<>(List.of("record", "--source", "pyth", "--ids", "0x" + BTC + "=BTC/USD",
                "--out", journal.toString(), "--endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--duration"));
        Map<String, Integer> outcomes = new TreeMap<>();
        long lines = 0;
        try {
            for (int i = 0; i < KILLS; i++) {
                byte[] before = Files.exists(journal) ? Files.readAllBytes(journal) : new byte[0];
                String name = "record-" + i;
                List<String> a = new ArrayList<>(args);
                a.add("60s");
                boolean killed = killAfterStart(name, start(name, Main.class.getName(), a),
                        () -> Files.exists(journal) && Files.size(journal) > before.length, random.nextInt(2000));
                outcomes.merge(killed ? "killed" : "ended before its kill", 1, Integer::sum);
                if (!Files.exists(journal)) {
                    outcomes.merge("killed before the journal was opened", 1, Integer::sum);
                    continue;
                }
                byte[] after = Files.readAllBytes(journal);
                int kept = completeLength(before);
                assertTrue(kept <= after.length && java.util.Arrays.equals(before, 0, kept, after, 0, kept),
                        name + " (seed " + SEED + "): the journal's earlier lines changed");
                int whole = completeLength(after);
                String added = new String(after, kept, whole - kept, StandardCharsets.UTF_8);
                for (String line : added.lines().toList()) {
                    JSON.readTree(line); // every whole line is a JSON line
                    lines++;
                }
                outcomes.merge(whole < after.length ? "last line cut short" : "ends with a whole line", 1,
                        Integer::sum);
                List<String> warnings = new ArrayList<>();
                try (JournalReader reader = JournalReader.open(journal, warnings::add)) {
                    while (reader.next() != null) {
                        // the whole journal reads
                    }
                }
                assertTrue(warnings.size() <= (whole < after.length ? 1 : 0), name + ": " + warnings);
            }
            List<String> a = new ArrayList<>(args);
            a.add("1500ms");
            complete("record-last", start("record-last", Main.class.getName(), a));
        } finally {
            server.stop(0);
        }
        byte[] end = Files.readAllBytes(journal);
        assertEquals(end.length, completeLength(end), "the next session removed a cut last line");
        List<String> warnings = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, warnings::add)) {
            while (reader.next() != null) {
                // reads to the end
            }
        }
        assertEquals(List.of(), warnings);
        assertEquals(0, temporaries(dir), "a journal is appended to, never through a temporary file");
        figures("record (Pyth SSE, loopback): " + KILLS + " sessions, " + outcomes + "; " + lines
                + " whole lines written across the kills, none lost or changed; " + seconds(t0));
    }

    private static int completeLength(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Saving a workspace in a loop: it is the last save that returned or the one under way, and it reads. */
    @Test
    void aWorkspaceIsTheLastSaveOrTheNextAfterEveryKill() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(SEED ^ 0x5EED_0004L);
        Path work = Files.createDirectories(dir.resolve("workspaces"));
        Path file = work.resolve("desk.workspace.json");
        complete("ws-first", start("ws-first", CrashChild.class.getName(), List.of("workspace", file.toString(),
                "0", "0")));
        long generation = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        long temporaries = 0;
        long saves = 0;
        for (int i = 0; i < KILLS; i++) {
            String name = "ws-" + i;
            boolean killed = killAfterStart(name, start(name, CrashChild.class.getName(), List.of("workspace",
                    file.toString(), Long.toString(generation + 1), "1000000000")), () -> printed(name),
                    random.nextInt(1000));
            outcomes.merge(killed ? "killed" : "ended before its kill", 1, Integer::sum);
            List<String> out = stdout(name);
            long returned = out.isEmpty() ? generation : Long.parseLong(out.getLast());
            Workspace w = Workspace.read(file);
            long now = w.timeMs();
            assertEquals(CrashChild.workspace(now), w, "the whole of one generation");
            String outcome = now == returned ? "old" : now == returned + 1 ? "new" : null;
            if (outcome == null) {
                fail(name + " (seed " + SEED + "): generation " + now + " after the save of " + returned);
            }
            outcomes.merge(outcome, 1, Integer::sum);
            saves += now - generation;
            generation = now;
            temporaries += temporaries(work);
        }
        complete("ws-last", start("ws-last", CrashChild.class.getName(), List.of("workspace", file.toString(),
                Long.toString(generation + 1), Long.toString(generation + 1))));
        assertEquals(List.of("desk.workspace.json"), names(work), "the killed saves' temporary files are gone");
        figures("workspace saves: " + KILLS + " kills, " + outcomes + " (" + saves + " saves across them); "
                + "temporaries found after the kills " + temporaries + ", after the next save 0; " + seconds(t0));
    }

    /** Appending to the audit log in a loop: every entry whose append returned is there, in order, none swallowed. */
    @Test
    void theAuditLogKeepsEveryAppendThatReturned() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(SEED ^ 0x5EED_0005L);
        Path file = Files.createDirectories(dir.resolve("config")).resolve(AuditLog.FILE);
        long generation = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < KILLS; i++) {
            String name = "audit-" + i;
            boolean killed = killAfterStart(name, start(name, CrashChild.class.getName(), List.of("audit",
                    file.toString(), Long.toString(generation + 1), "1000000000")), () -> printed(name),
                    random.nextInt(1000));
            outcomes.merge(killed ? "killed" : "ended before its kill", 1, Integer::sum);
            List<String> out = stdout(name);
            long returned = out.isEmpty() ? generation : Long.parseLong(out.getLast());
            List<AuditEntry> entries = AuditLog.read(file);
            for (int k = 0; k < entries.size(); k++) {
                assertEquals(CrashChild.entry(k + 1), entries.get(k), name + " (seed " + SEED + "): entry " + (k + 1));
            }
            long now = entries.size();
            String outcome = now == returned ? "old" : now == returned + 1 ? "new" : null;
            if (outcome == null) {
                fail(name + " (seed " + SEED + "): " + now + " entries after the append of " + returned);
            }
            byte[] raw = Files.readAllBytes(file);
            outcomes.merge(outcome + (completeLength(raw) < raw.length ? ", last line cut short" : ""), 1,
                    Integer::sum);
            generation = now;
        }
        complete("audit-last", start("audit-last", CrashChild.class.getName(), List.of("audit", file.toString(),
                Long.toString(generation + 1), Long.toString(generation + 1))));
        assertEquals(generation + 1, AuditLog.read(file).size());
        figures("audit log appends: " + KILLS + " kills, " + outcomes + " (" + generation + " entries across them,"
                + " each forced to disk); " + seconds(t0));
    }
}
