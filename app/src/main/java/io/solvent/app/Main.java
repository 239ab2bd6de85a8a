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
        if (args.length == 0 || args.length == 2 && "--scenario".equals(args[0])) {
            String why = io.solvent.app.console.Headless.reason(System.getenv(), System.getProperty("os.name"));
            if (why != null) {
                System.err.println("solvent: " + why);
                System.exit(io.solvent.app.cli.ExitCodes.BAD_INPUT);
            }
            if (args.length == 2) {
                System.setProperty(io.solvent.app.console.ConsoleApp.SCENARIO_PROPERTY, args[1]);
            }
            javafx.application.Application.launch(io.solvent.app.console.ConsoleApp.class);
            System.exit(0);
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
