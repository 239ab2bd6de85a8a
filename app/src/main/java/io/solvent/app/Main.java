package io.solvent.app;

import io.solvent.app.cli.SolventCommand;

import java.nio.file.Path;

/**
 * Entry point of the {@code solvent} jar. With a subcommand it runs the command line; with no arguments it opens the
 * console on the last workspace (the embedded default the first time) — or, with no display, says so in one line and
 * exits with status 2.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("solvent.log.dir", LogDirectory.resolve(System.getenv()).toString());
        if (args.length == 0) {
            args = new String[] {"console"};
        }
        System.exit(SolventCommand.run(args, System.out, System.err));
    }

    /** Where the log goes: {@code $SOLVENT_LOG_DIR}, else {@code $XDG_STATE_HOME/solvent}, else ~/.local/state/solvent. */
    static final class LogDirectory {
        private LogDirectory() {
        }

        static Path resolve(java.util.Map<String, String> env) {
            String explicit = env.get("SOLVENT_LOG_DIR");
            if (explicit != null && !explicit.isBlank()) {
                return Path.of(explicit);
            }
            String state = env.get("XDG_STATE_HOME");
            if (state != null && !state.isBlank()) {
                return Path.of(state, "solvent");
            }
            return Path.of(System.getProperty("user.home"), ".local", "state", "solvent");
        }
    }
}
