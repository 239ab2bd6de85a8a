package io.solvent.engine.sim.lab;

/** The scenario has no bankruptcy that reaches deleveraging where the lab was asked to look. */
public final class NoShortfallException extends RuntimeException {
    /** @param message one line, fit to show the user */
    public NoShortfallException(String message) {
        super(message);
    }
}
