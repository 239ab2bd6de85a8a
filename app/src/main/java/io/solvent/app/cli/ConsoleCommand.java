package io.solvent.app.cli;

import io.solvent.app.console.ConsoleApp;
import io.solvent.app.console.Headless;
import io.solvent.app.service.ConsoleSession;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.io.live.LiveSession;
import io.solvent.engine.io.live.LiveSpec;
import io.solvent.engine.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code solvent console} (and {@code solvent} with no arguments): opens the console window on a scenario, the last
 * workspace, the embedded default, or live prices. A live source is connected before the window opens, so that a bad
 * endpoint or symbol is said in one line on the terminal (exit 2).
 */
@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Open the console window (what 'solvent' with no arguments does).",
            "Recorded: --scenario FILE (default: the last workspace, else the embedded default).",
            "Live: --live binance-futures --symbols BTCUSDT,ETHUSDT (or --live pyth --ids ID=BTC/USD,...), over the"
                + " scenario's book (default: the embedded 100,000-account population, restated at the first live"
                + " prices) or --book FILE; the session is journaled (--journal) so it can be replayed later."})
public final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "FILE.json", description = "the scenario to open")
    Path scenario;

    @Option(names = "--live", paramLabel = "SOURCE", description = "binance-futures or pyth")
    String live;

    @Option(names = {"--symbols", "--ids"}, split = ",", paramLabel = "SYMBOL",
            description = "binance-futures: venue symbols (BTCUSDT,...); pyth: feed ids, optionally ID=NAME")
    List<String> symbols;

    @Option(names = "--endpoint", paramLabel = "URL", description = "the server (default: the venue's public one)")
    String endpoint;

    @Option(names = "--book", paramLabel = "BOOK.json", description = "live: your own book, at its own prices")
    Path book;

    @Option(names = "--journal", paramLabel = "FILE.jsonl",
            description = "live: the journal, a new file (default: a new file under the log folder's journals/)")
    Path journal;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "for smoke tests and timing: print one"
            + " line when the first frame is drawn (the time from the JVM's start), keep the window SECONDS more, then"
            + " exit 0 (exit 1 when no frame came within 60 s)")
    Double exitAfter;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "with --exit-after: the window's content as"
            + " drawn, written just before the exit (atomically)")
    Path screenshot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (exitAfter != null && !(exitAfter >= 0 && exitAfter <= 3600)) {
            throw bad("--exit-after " + exitAfter + " is out of range; expected 0 to 3600 seconds");
        }
        if (screenshot != null && exitAfter == null) {
            throw bad("--screenshot goes with --exit-after");
        }
        String why = Headless.reason(System.getenv(), System.getProperty("os.name"));
        if (why != null) {
            spec.commandLine().getErr().println("solvent: " + why);
            return ExitCodes.BAD_INPUT;
        }
        if (live == null && (symbols != null || endpoint != null || book != null || journal != null)) {
            throw bad("--symbols, --endpoint, --book and --journal go with --live");
        }
        if (live != null) {
            if (symbols == null || symbols.isEmpty()) {
                throw bad("--live " + live + " needs --symbols (binance-futures) or --ids (pyth)");
            }
            Scenario base = book != null ? LiveSession.bookScenario(book.getFileName().toString(),
                    BookReader.read(book), null)
                    : scenario != null ? ScenarioReader.read(scenario) : ConsoleSession.defaultScenario();
            Path j = journal != null ? journal : Path.of(System.getProperty("solvent.log.dir", "."), "journals",
                    "live-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                            .format(java.time.Instant.now()) + ".jsonl");
            try {
                java.nio.file.Files.createDirectories(j.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw bad("cannot make the journal's folder " + j.toAbsolutePath().getParent() + ": " + e.getMessage());
            }
            LiveSpec s = LiveSpec.of(live, symbols, base, j).withEndpoint(endpoint).withRebase(book == null);
            spec.commandLine().getErr().println("solvent: connecting to " + live + " for " + String.join(",", symbols)
                    + (book == null ? " (the book is restated at the first live prices)" : "") + "; journal " + j);
            LiveSession session;
            try {
                session = LiveSession.open(s);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw bad(e.getMessage());
            }
            ConsoleApp.prepare(ConsoleSession.live(session));
        } else if (scenario != null) {
            ScenarioReader.read(scenario); // a bad file is said here, in one line, before any window
            System.setProperty(ConsoleApp.SCENARIO_PROPERTY, scenario.toAbsolutePath().toString());
        }
        if (exitAfter != null) {
            System.setProperty(ConsoleApp.EXIT_AFTER_PROPERTY, String.valueOf(exitAfter));
        }
        if (screenshot != null) {
            System.setProperty(ConsoleApp.SCREENSHOT_PROPERTY, screenshot.toAbsolutePath().toString());
        }
        io.solvent.app.console.FxLogging.quiet();
        javafx.application.Application.launch(ConsoleApp.class);
        return 0;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
