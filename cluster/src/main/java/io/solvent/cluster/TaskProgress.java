package io.solvent.cluster;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the runs done as the tasks of one job group finish (a task's runs count once, however often Spark retries or
 * speculates it) and tells a {@link Sink}.
 */
final class TaskProgress extends SparkListener {
    /** Told of progress. */
    @FunctionalInterface
    interface Sink {
        /** Tells nothing. */
        Sink NONE = (done, total) -> { };

        /** @param done runs finished @param total runs in all */
        void update(long done, long total);
    }

    private final String group;
    private final int[] runsOfTask;
    private final long total;
    private final Sink sink;
    private final Set<Integer> stages = new HashSet<>();
    private final BitSet finished = new BitSet();
    private long done;
    private boolean closed;

    TaskProgress(String group, int[] runsOfTask, Sink sink) {
        this.group = group;
        this.runsOfTask = runsOfTask.clone();
        this.total = java.util.Arrays.stream(runsOfTask).asLongStream().sum();
        this.sink = sink;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        if (start.properties() != null && group.equals(start.properties().getProperty("spark.jobGroup.id"))) {
            start.stageInfos().foreach(s -> stages.add(s.stageId()));
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (closed || !stages.contains(end.stageId()) || end.reason() != Success$.MODULE$) {
            return;
        }
        int task = end.taskInfo().index();
        if (task >= 0 && task < runsOfTask.length && !finished.get(task)) {
            finished.set(task);
            done += runsOfTask[task];
            sink.update(done, total);
        }
    }

    /**
     * The job has returned every result: tells the sink so if the listener bus (asynchronous) has not yet, and ignores
     * any event still on its way.
     */
    synchronized void allDone() {
        if (!closed && done < total) {
            done = total;
            sink.update(done, total);
        }
        closed = true;
    }
}
