package io.solvent.app.cli;

/** The exit statuses of {@code solvent}, part of its scripting interface. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected failure inside Solvent; the log has the detail. */
    public static final int INTERNAL = 1;
    /** Bad input: a file, a value or an option the user gave was rejected. */
    public static final int BAD_INPUT = 2;
    /**
     * A run halted: an engine step broke a run-time invariant (conservation, a fund below zero, an implausible fill,
     * a price that is not finite and positive). Nothing of the run's figures is written as if it had finished.
     */
    public static final int HALTED = 3;
    /**
     * A live source could not be reached: {@code solvent record} gave up after its connection attempts were refused,
     * timed out or dropped (the network or the server, not the command, is at fault: trying later may work).
     */
    public static final int UNAVAILABLE = 4;

    private ExitCodes() {
    }
}
