package io.solvent.engine.sim.loop;

/**
 * Why the {@link EngineLoop} did not carry out a command (bad arguments, a run that has ended or stopped on an error,
 * a full queue, a stopped loop). The message is one line fit to show the operator as it is.
 */
public final class CommandRejectedException extends RuntimeException {
    /** @param message what was wrong and what would be accepted */
    public CommandRejectedException(String message) {
        super(message);
    }
}
