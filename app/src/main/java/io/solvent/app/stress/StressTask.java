package io.solvent.app.stress;

import javafx.concurrent.Task;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stress analysis as a background task: progress as runs done of the total, the message the rate and ETA, the value
 * while it runs what has finished so far ({@link StressRun.Listener#interim}). Stopped by
 * {@link #stop()} (the engine runner's cancellation: the task then succeeds with the partial result, labelled as
 * such, or null when nothing usable finished) or by {@link #cancel()} (the task is cancelled and its result lost).
 */
public final class StressTask extends Task<StressResult> {
    private final StressJob job;
    private final int threads;
    private final AtomicBoolean stop = new AtomicBoolean();

    /** @param job the analysis @param threads runs at once, {@code >= 1} */
    public StressTask(StressJob job, int threads) {
        this.job = job;
        this.threads = threads;
    }

    /** Asks the analysis to stop soon and return what it has. */
    public void stop() {
        stop.set(true);
    }

    /** @return whether {@link #stop()} was asked */
    public boolean stopping() {
        return stop.get();
    }

    @Override
    protected StressResult call() throws InterruptedException {
        return StressRun.run(job, threads, new StressRun.Listener() {
            @Override
            public void progress(long done, long total, String message) {
                updateProgress(done, total);
                updateMessage(message);
            }

            @Override
            public void interim(StressResult soFar) {
                updateValue(soFar); // the task's value while it runs: what has finished so far
            }
        }, () -> stop.get() || isCancelled());
    }
}
