package io.solvent.app.cli;

import io.solvent.engine.input.InputException;
import io.solvent.engine.input.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code solvent} command and its subcommands. */
@Command(name = "solvent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Risk console and margin engine for venues whose margining is enforced by code.",
            "",
            "With no arguments, 'solvent' opens the console (the last workspace, or the embedded default: 100,000"
                + " generated sub-accounts through a synthetic crash, playing). Or run a subcommand below."
        },
        subcommands = {MarginCommand.class, FeedCommand.class, RecordCommand.class, PopulationCommand.class,
            ReplayCommand.class, StressCommand.class, FidelityCommand.class, BenchCommand.class,
            SnapshotCommand.class, DeleverageCommand.class, ConsoleCommand.class, ReportCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (details in the log)",
            "2:bad input: a file, value or option was rejected",
            "3:a run halted: an engine step broke a run-time invariant",
            "4:a live source could not be reached (solvent record gave up)"
        },
        footerHeading = "%n",
        footer = {"Log file: solvent.log in $SOLVENT_LOG_DIR,", "  else in $XDG_STATE_HOME/solvent, else in ~/.local/state/solvent."})
public final class SolventCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SolventCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line.
     *
     * @param args arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit status ({@link ExitCodes})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new SolventCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof InputException bad) {
                LOG.warn("rejected input: {}", bad.getMessage(), bad);
                line.getErr().println("solvent: " + bad.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof io.solvent.engine.sim.InvariantViolationException halted) {
                LOG.error("run halted running {}: {}", String.join(" ", parsed.originalArgs()), halted.getMessage(),
                        halted);
                line.getErr().println("solvent: " + halted.getMessage() + "; no figures were written for it (the log"
                        + " has the details: " + System.getProperty("solvent.log.dir", "") + "/solvent.log)");
                return ExitCodes.HALTED;
            }
            LOG.error("internal error running {}", String.join(" ", parsed.originalArgs()), ex);
            line.getErr().println("solvent: internal error: " + OneLine.escape(String.valueOf(ex)) + " (the log has"
                    + " the details: "
                    + System.getProperty("solvent.log.dir", "") + "/solvent.log)");
            return ExitCodes.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println("solvent: " + OneLine.escape(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, line.getErr());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more.");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }
}
