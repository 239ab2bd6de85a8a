package io.solvent.engine.sim;

/**
 * Thrown by an engine step that broke a run-time invariant ({@link StepInvariants}). The engine is left as the step
 * left it, for inspection; the run must not go on.
 */
public final class InvariantViolationException extends RuntimeException {
    private final transient InvariantViolation violation;

    /** @param violation what failed, when */
    public InvariantViolationException(InvariantViolation violation) {
        super(violation.describe());
        this.violation = violation;
    }

    /** @return what failed, when */
    public InvariantViolation violation() {
        return violation;
    }
}
