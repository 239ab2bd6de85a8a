package io.solvent.app.stress;

import io.solvent.app.cli.SolventCommand;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import javafx.application.Platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the stress tests share: the bundled scenarios, a synthetic calibration window, the CLI in-process. */
final class StressFixtures {
    static final Path FLASH = Path.of("..", "assets", "scenarios", "flash-crash.json");
    /** flash-crash.json at 00:25 UTC: half-way down its crash, after the first liquidations. */
    static final long FLASH_MID_CRASH_MS = 1_735_691_100_000L;

    private StressFixtures() {
    }

    static Scenario flash() {
        return ScenarioReader.read(FLASH);
    }

    /**
     * A recorded window of ETHUSD and BTCUSD minute ticks moving together with a crash in the middle (as
     * MonteCarloCommandTest synthesizes it: no recorded data needed).
     */
    static Path window(Path dir) throws IOException {
        StringBuilder ticks = new StringBuilder("timestamp_ms,symbol,price\n");
        double eth = 4000;
        double btc = 117000;
        for (int k = 0; k < 120; k++) {
            double move = k == 60 ? 0.85 : 1 + 0.002 * Math.sin(k);
            eth *= move;
            btc *= Math.pow(move, 0.6);
            ticks.append(k * 60_000L).append(",ETHUSD,").append(eth).append('\n');
            ticks.append(k * 60_000L).append(",BTCUSD,").append(btc).append('\n');
        }
        Path window = dir.resolve("window.csv");
        Files.writeString(window, ticks);
        return window;
    }

    /** Runs {@code solvent ARGS} in-process; fails on a non-zero status. @return what it printed on stderr */
    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SolventCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new AssertionError("solvent " + String.join(" ", args) + " exited " + status + ": " + e);
        }
        return e;
    }

    /** Starts the FX toolkit (headless Monocle, from the surefire settings) once. */
    static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // started by another test class of this JVM
        }
    }
}
