package io.solvent.app.report;

import io.solvent.app.cli.SolventCommand;
import io.solvent.engine.io.ReplayOutput;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplayRunner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real run folders of the bundled gap-down scenario, made once per test JVM under {@code target/report-fixtures}:
 * a plain run and a fork (one {@code solvent replay --fork-at} call), and a run whose parameters change twice while
 * it goes (the console's way, {@link Replay#change}) with an audit.jsonl of the edits.
 */
public final class ReportFixtures {
    /** The bundled scenario the fixtures replay. */
    public static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");
    /** When the fork branches off: a second before the gap. */
    public static final String FORK_AT = "2025-01-01T00:19:59Z";
    /** When the live run's parameters change: ten minutes in, and again a second before the gap. */
    public static final long CHANGE_1_MS = Instant.parse("2025-01-01T00:10:00Z").toEpochMilli();
    public static final long CHANGE_2_MS = Instant.parse("2025-01-01T00:19:59Z").toEpochMilli();

    private static final Path ROOT = Path.of("target", "report-fixtures");
    private static Path made;

    private ReportFixtures() {
    }

    /** @return the plain run's folder (the fork's original) */
    public static synchronized Path plain() {
        return root().resolve("original");
    }

    /** @return the fork's folder: deleveraging deficit and a stricter ETH-PERP from {@link #FORK_AT} */
    public static synchronized Path fork() {
        return root().resolve("what-if");
    }

    /** @return the folder of the run whose parameters changed twice, with its audit.jsonl */
    public static synchronized Path changed() {
        return root().resolve("changed");
    }

    private static Path root() {
        if (made != null) {
            return made;
        }
        try {
            if (Files.exists(ROOT)) {
                try (Stream<Path> s = Files.walk(ROOT)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(ROOT);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = SolventCommand.run(new String[] {"replay", GAP.toString(), "--out",
                ROOT.resolve("original").toString(), "--fork-at", FORK_AT, "--set", "deleveraging=deficit", "--set",
                "markets.ETH-PERP.tiers[0].maintenanceMarginFraction=0.03", "--fork-out",
                ROOT.resolve("what-if").toString(), "--no-progress"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("replay failed: " + err.toString(StandardCharsets.UTF_8));
            }
            changedRun(ROOT.resolve("changed"));
            made = ROOT;
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void changedRun(Path dir) throws IOException {
        Scenario sc = ScenarioReader.read(GAP);
        ReplayRunner.Result result;
        Scenario last;
        try (ReplayOutput out = new ReplayOutput(dir, sc.book().assets().stream().map(Asset::symbol).toList());
             Replay replay = Replay.start(sc, out)) {
            while (replay.nextTimeMs() <= CHANGE_1_MS && replay.step()) {
                // up to the first edit
            }
            replay.change(replay.scenario().parameters().with(Map.of("liquidation.buffer", "0.05",
                    "oracle.heartbeatMs", "30000")));
            while (replay.nextTimeMs() <= CHANGE_2_MS && replay.step()) {
                // up to the second
            }
            replay.change(replay.scenario().parameters().with(Map.of("liquidation.buffer", "0.02")));
            while (replay.step()) {
                // to the end
            }
            result = replay.finish();
            last = replay.scenario();
            out.finish(last, result, "test");
        }
        Files.writeString(dir.resolve("audit.jsonl"), String.join("\n",
                "{\"wallTime\": \"2026-12-07T09:30:00Z\", \"user\": \"alice\", \"run\": \"changed\", \"simTimeMs\": "
                        + CHANGE_1_MS + ", \"key\": \"liquidation.buffer\", \"old\": 0.02, \"new\": 0.05, \"why\":"
                        + " \"a wider buffer before the <gap> & its cascade\", \"action\": \"apply\"}",
                "{\"wallTime\": \"2026-12-07T09:30:05Z\", \"user\": \"alice\", \"run\": \"changed\", \"simTimeMs\": "
                        + CHANGE_1_MS + ", \"key\": \"oracle.heartbeatMs\", \"old\": 60000, \"new\": 30000, \"why\":"
                        + " \"fresher oracle\", \"action\": \"apply\"}",
                "",
                "{\"wallTime\": \"2026-12-07T09:41:10Z\", \"user\": \"bob\", \"run\": \"changed\", \"simTimeMs\": "
                        + CHANGE_2_MS + ", \"key\": \"liquidation.buffer\", \"old\": 0.05, \"new\": 0.02, \"why\":"
                        + " \"\", \"action\": \"undo\"}") + "\n");
    }
}
