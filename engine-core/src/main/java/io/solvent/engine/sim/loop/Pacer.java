package io.solvent.engine.sim.loop;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The wall clock of an {@link EngineLoop}, given by its owner: the engine reads no clock of its own, so the
 * application passes {@code Pacer.of(System::nanoTime)} and tests pass a fake one. Used only for pacing a played
 * replay and for bounding the publication rate; nothing the engine computes depends on it.
 */
public interface Pacer {

    /** @return the wall clock now, ns, from an arbitrary origin (monotonic) */
    long nanoTime();

    /**
     * Waits until a command arrives or {@code nanos} of this pacer's time have passed, whichever comes first.
     *
     * @param queue the loop's command queue
     * @param nanos the longest wait, ns, {@code > 0}
     * @param <T>   the queue's element type
     * @return the command taken from the queue, or null when the time passed first
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    <T> T await(BlockingQueue<T> queue, long nanos) throws InterruptedException;

    /**
     * @param nanoClock the wall clock, ns (the application passes {@code System::nanoTime})
     * @return a pacer reading that clock and waiting on the queue for real
     */
    static Pacer of(LongSupplier nanoClock) {
        java.util.Objects.requireNonNull(nanoClock, "nanoClock");
        return new Pacer() {
            @Override
            public long nanoTime() {
                return nanoClock.getAsLong();
            }

            @Override
            public <T> T await(BlockingQueue<T> queue, long nanos) throws InterruptedException {
                return queue.poll(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }
}
