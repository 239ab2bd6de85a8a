package io.solvent.app.console;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets JavaFX's own start-up warnings on the terminal: run from the class path (as the build tree and the tests
 * run it), JavaFX warns "Unsupported JavaFX configuration" on every start — harmless, and noise between a command and
 * its one line of output. Its errors still show.
 */
public final class FxLogging {
    private static final Logger JAVAFX = Logger.getLogger("javafx"); // held: a logger nobody references is forgotten

    private FxLogging() {
    }

    /** Before the toolkit starts. */
    public static void quiet() {
        JAVAFX.setLevel(Level.SEVERE);
        for (java.util.logging.Handler h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.SEVERE); // the console handler JavaFX's warnings would print through
        }
    }
}
