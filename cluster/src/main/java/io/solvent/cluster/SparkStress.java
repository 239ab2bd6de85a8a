package io.solvent.cluster;

import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.io.StressPlan;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Runs a plan's independent runs on Spark: the scenario's files and the plan are broadcast, the run indexes are split
 * into contiguous chunks, one chunk per task ({@code parallelize} with as many slices as chunks), each task runs its
 * chunk one run after another on its executor, and the driver collects the (index, result) pairs and puts them back in
 * grid order. A run's result depends only on the plan and its index, so the results, and the files written from them,
 * are the local runner's whatever the executors, tasks, order or retries. Spark's default Java serializer carries the
 * records (Kryo cannot handle Java records).
 */
public final class SparkStress {
    /** The default most tasks: runs per task grow past this many runs, so the driver tracks at most this many. */
    public static final int DEFAULT_MAX_TASKS = 1_000;

    private SparkStress() {
    }

    /** A run's result and its index in grid (or path) order. */
    record Indexed(int index, ReplayRunner.Result result) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * @param sc       the Spark context
     * @param plan     the runs
     * @param bundle   the scenario's files
     * @param tasks    how many tasks, or 0 for {@code min(runs, DEFAULT_MAX_TASKS)}
     * @param progress told of runs done as tasks finish (from Spark's listener thread)
     * @return each run's result, in grid (or path) order
     */
    public static List<ReplayRunner.Result> run(JavaSparkContext sc, StressPlan.Independent plan, ScenarioBundle bundle,
                                                int tasks, TaskProgress.Sink progress) {
        int runs = plan.runs();
        List<int[]> chunks = chunks(runs, tasks > 0 ? tasks : Math.min(runs, DEFAULT_MAX_TASKS));
        Broadcast<ScenarioBundle> files = sc.broadcast(bundle);
        Broadcast<StressPlan.Independent> what = sc.broadcast(plan);
        String group = "solvent-stress-" + UUID.randomUUID();
        TaskProgress listener = new TaskProgress(group, chunks.stream().mapToInt(c -> c.length).toArray(), progress);
        sc.sc().addSparkListener(listener);
        List<Indexed> got;
        try {
            sc.setJobGroup(group, plan.task() + ": " + runs + " runs in " + chunks.size() + " tasks", true);
            got = sc.parallelize(chunks, chunks.size()).flatMap(chunk -> {
                List<ReplayRunner.Result> results = what.value().run(files.value().localScenario(), chunk);
                List<Indexed> out = new ArrayList<>(chunk.length);
                for (int k = 0; k < chunk.length; k++) {
                    out.add(new Indexed(chunk[k], results.get(k)));
                }
                return out.iterator();
            }).collect();
            listener.allDone();
        } finally {
            sc.clearJobGroup();
            sc.sc().removeSparkListener(listener);
            files.destroy();
            what.destroy();
        }
        return inOrder(got, runs);
    }

    /**
     * @param runs  how many runs
     * @param tasks how many chunks, {@code >= 1}
     * @return {@code [0, runs)} in {@code min(tasks, runs)} contiguous chunks whose sizes differ by at most one
     */
    static List<int[]> chunks(int runs, int tasks) {
        int n = Math.max(1, Math.min(tasks, runs));
        List<int[]> chunks = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            int from = (int) ((long) runs * c / n);
            int to = (int) ((long) runs * (c + 1) / n);
            int[] chunk = new int[to - from];
            Arrays.setAll(chunk, k -> from + k);
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The results sorted by index, each index exactly once. */
    static List<ReplayRunner.Result> inOrder(List<Indexed> got, int runs) {
        List<Indexed> sorted = new ArrayList<>(got);
        sorted.sort(Comparator.comparingInt(Indexed::index));
        if (sorted.size() != runs) {
            throw new IllegalStateException("expected " + runs + " results, the job returned " + sorted.size());
        }
        List<ReplayRunner.Result> out = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            if (sorted.get(i).index() != i) {
                throw new IllegalStateException("run " + i + " is missing from the job's results");
            }
            out.add(sorted.get(i).result());
        }
        return out;
    }
}
