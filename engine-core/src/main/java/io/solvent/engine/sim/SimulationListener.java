package io.solvent.engine.sim;

/** Told of every event the engine records, on the engine thread, in order. */
@FunctionalInterface
public interface SimulationListener {
    /** A listener that ignores everything. */
    SimulationListener NONE = e -> { };

    /** @param event what happened */
    void event(SimulationEvent event);
}
