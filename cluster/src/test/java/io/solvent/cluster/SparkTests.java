package io.solvent.cluster;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Spark tests share: one Spark context per JVM (starting the first costs seconds; switching masters, a
 * tenth of one), the bundled scenarios, a synthetic calibration window.
 */
final class SparkTests {
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    /** The context the tests of this JVM share. */
    private static SparkContext active;

    private SparkTests() {
    }

    /** @param master local[1], local[2] ... @return the active context, on that master (the one before stopped) */
    static synchronized JavaSparkContext context(String master) {
        if (active != null && !active.isStopped() && active.master().equals(master)) {
            return JavaSparkContext.fromSparkContext(active);
        }
        if (active != null) {
            active.stop();
        }
        active = SparkContext.getOrCreate(new SparkConf().setMaster(master)
                .setAppName("solvent-cluster tests").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
        return JavaSparkContext.fromSparkContext(active);
    }

    /** Runs the job on the context of {@code master}; fails on a non-zero status. @return what it printed */
    static String job(String master, String... args) {
        context(master);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = StressJob.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new AssertionError("job " + String.join(" ", args) + " exited " + status + ": " + said);
        }
        return said;
    }

    /**
     * A recorded window of ETHUSD and BTCUSD minute ticks moving together with a crash in the middle (as the app's
     * Monte Carlo tests synthesize it: no recorded data needed).
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
}
