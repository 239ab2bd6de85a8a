package io.solvent.cluster;

import io.solvent.engine.input.InputException;
import io.solvent.engine.scenario.ReverseStress;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.io.StressOptions;
import io.solvent.engine.io.StressPlan;
import io.solvent.engine.sim.stress.StressRunner;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The Spark job behind {@code solvent stress ... --cluster MASTER}, and what {@code spark-submit --class
 * io.solvent.cluster.StressJob solvent-cluster.jar ARGS} runs: {@code ARGS} are {@code solvent stress}'s
 * ({@link JobArguments}). A grid, a forked grid or Monte Carlo paths run as Spark tasks ({@link SparkStress}); the
 * reverse search, where each run's drop depends on the runs before it, runs on the driver, one run at a time as it
 * does locally. The driver writes the files through the same writer as {@code solvent stress}, so they are the local
 * run's byte for byte. Exit status: 0, 2 for bad input (one line on standard error), 1 otherwise.
 */
public final class StressJob {
    /** The Spark context {@link #run} used, for main to stop; null before. */
    private static volatile SparkContext context;

    private StressJob() {
    }

    /** @param args {@code solvent stress}'s arguments */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.err);
        } finally {
            // stopped here, not by the JVM's exit: the executors are let go cleanly, with no transfer cut off
            if (context != null) {
                context.stop();
            }
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job on the active Spark context, or on a new one from spark-submit's settings.
     *
     * @param args {@code solvent stress}'s arguments
     * @param err  where the progress and the outcome are told
     * @return the exit status
     */
    public static int run(String[] args, PrintStream err) {
        long entered = System.nanoTime();
        JobArguments job;
        StressPlan plan;
        try {
            job = JobArguments.parse(args);
            plan = StressPlan.of(job.options());
        } catch (StressOptions.Rejected | InputException e) {
            err.println("solvent: " + e.getMessage());
            return 2;
        }
        if (plan instanceof StressPlan.Reverse reverse) {
            // iterative: every drop depends on the runs before it, so it runs here, as solvent stress runs it
            ReverseStress.Outcome outcome = reverse.search(new StressRunner(1, (done, total, detail) ->
                    err.printf(Locale.ROOT, "solvent: stress --reverse: run %d (%s)%n", done, detail), () -> false));
            err.print(reverse.write(job.out(), outcome, version()));
            return 0;
        }
        StressPlan.Independent runs = (StressPlan.Independent) plan;
        ScenarioBundle bundle = ScenarioBundle.of(runs.scenario());
        context = SparkContext.getOrCreate(new SparkConf().setAppName("solvent " + runs.task())
                .setIfMissing("spark.master", "local[*]"));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(context);
        err.printf(Locale.ROOT, "solvent: %s: %d runs on %s (default parallelism %d), scenario files %,d bytes;"
                + " JVM up %.1f s, Spark context ready %.1f s after main%n", runs.task(), runs.runs(), sc.master(),
                sc.defaultParallelism(), bundle.bytes(), ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                (System.nanoTime() - entered) / 1e9);
        long started = System.nanoTime();
        List<ReplayRunner.Result> results = SparkStress.run(sc, runs, bundle, job.tasks(), new Throttled(err,
                runs.task()));
        err.printf(Locale.ROOT, "solvent: %s: %d runs done in %.1f s%n", runs.task(), results.size(),
                (System.nanoTime() - started) / 1e9);
        err.print(runs.write(job.out(), results));
        return 0;
    }

    /** @return the product version, from the build (what a reverse run's manifest records, as locally) */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = StressJob.class.getResourceAsStream("/io/solvent/cluster/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /** Progress lines, at most one a second (and the last one). */
    private static final class Throttled implements TaskProgress.Sink {
        private final PrintStream err;
        private final String task;
        private long last = System.nanoTime() - 1_000_000_000L; // the first update is told

        Throttled(PrintStream err, String task) {
            this.err = err;
            this.task = task;
        }

        @Override
        public void update(long done, long total) {
            long now = System.nanoTime();
            if (done == total || now - last >= 1_000_000_000L) {
                last = now;
                err.printf(Locale.ROOT, "solvent: %s: %d of %d runs done (%d%%)%n", task, done, total,
                        total == 0 ? 100 : 100 * done / total);
            }
        }
    }
}
