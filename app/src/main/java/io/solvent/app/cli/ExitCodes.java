package io.solvent.app.cli;

/** The exit statuses of {@code solvent}, part of its scripting interface. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected failure inside Solvent; the log has the detail. */
    public static final int INTERNAL = 1;
    /** Bad input: a file, a value or an option the user gave was rejected. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
