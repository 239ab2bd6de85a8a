package io.solvent.app.service;

import io.solvent.engine.sim.loop.EngineCommand;
import io.solvent.engine.sim.loop.EngineLoop;
import io.solvent.engine.sim.loop.EngineView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way between the engine thread and the FX thread. The engine publishes immutable {@link EngineView}s at a
 * bounded rate; on each FX pulse {@link #pulse()} takes the newest one, if it is new, and hands it to the console's
 * view models in one pass — never one {@code Platform.runLater} per engine event, never a read of live engine state.
 * Commands go the other way through the engine's queue and never block the FX thread.
 */
public final class EngineBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineBridge.class);

    private final EngineLoop loop;
    private final Consumer<EngineView> target;
    private final PulseWork work = new PulseWork();
    private long lastSequence = -1;
    private EngineView current;

    /**
     * @param loop   the running engine loop
     * @param target told of each new view, on the thread that calls {@link #pulse()} (the FX thread)
     */
    public EngineBridge(EngineLoop loop, Consumer<EngineView> target) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Takes the newest view and, when it is newer than the last one taken, hands it on. Called once per FX pulse.
     *
     * @return whether a new view was handed on
     */
    public boolean pulse() {
        EngineView v = loop.latest();
        if (v == null || v.sequence() == lastSequence) {
            return false;
        }
        lastSequence = v.sequence();
        current = v;
        target.accept(v);
        return true;
    }

    /** @return the last view handed on, or null before the first */
    public EngineView current() {
        return current;
    }

    /** @return the counts of what the FX thread did per pulse */
    public PulseWork work() {
        return work;
    }

    /**
     * Queues a command for the engine thread; never blocks. A rejection is logged; the view that follows carries its
     * message ({@link EngineView#notice()}), which the status bar shows.
     *
     * @param command the command
     * @return completed, on the engine thread, with the view that answers it
     */
    public CompletableFuture<EngineView> submit(EngineCommand command) {
        CompletableFuture<EngineView> answer = loop.submit(command);
        answer.whenComplete((v, e) -> {
            if (e != null) {
                LOG.info("engine command {} rejected: {}", command, e.getMessage());
            }
        });
        return answer;
    }

    /** Stops the engine loop and waits for its thread. */
    @Override
    public void close() {
        loop.close();
    }
}
