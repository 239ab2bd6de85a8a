package io.solvent.app.cli;

import io.solvent.app.console.SnapshotRenderer;
import io.solvent.app.service.ConsoleSession;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.loop.EngineView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code solvent snapshot}: one view of the console at one moment of a scenario, as a PNG, without a display. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Render a view of the console at a moment of a scenario to a PNG, headless (for reports and"
                + " the docs)."})
public final class SnapshotCommand implements Callable<Integer> {
    /** The views, by name. */
    public static final List<String> VIEWS = List.of("overview", "market", "distributions", "accounts", "insurance",
            "events", "parameters", "compare", "alerts", "lab");
    private static final Pattern OFFSET = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Parameters(index = "0", paramLabel = "SCENARIO.json",
            description = "the scenario; 'default' for the console's embedded default")
    String scenario;

    @Option(names = "--at", required = true, paramLabel = "TIME",
            description = "an offset from the scenario's first event (90s, 45m, 1h) or an ISO-8601 instant")
    String at;

    @Option(names = "--view", required = true, paramLabel = "NAME",
            description = "overview, market, distributions, accounts, insurance, events, parameters, compare, alerts or lab"
                    + " (the deleveraging lab at the first bankruptcy the fund cannot cover from --at on)")
    String view;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the PNG, written atomically")
    Path out;

    @Option(names = "--size", defaultValue = "1440x900", paramLabel = "WxH", description = "pixels (default 1440x900)")
    String size;

    @Option(names = "--workspace", paramLabel = "FILE.json", description = "a saved workspace whose forks and"
            + " changes are made first (its scenario is SCENARIO's); the runs are then moved to --at")
    Path workspace;

    @Option(names = "--stage", paramLabel = "KEY=VALUE", description = "with --view parameters: an edit staged in the"
            + " sheet, checked against the guardrails and previewed, not applied (repeatable)")
    List<String> stage;

    @Option(names = "--theme", defaultValue = "dark", paramLabel = "dark|light", description = "default dark")
    String theme;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = view.toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(name)) {
            throw bad("--view '" + view + "' is not a view; expected one of " + String.join(", ", VIEWS));
        }
        if (!"dark".equals(theme) && !"light".equals(theme)) {
            throw bad("--theme '" + theme + "' is not a theme; expected dark or light");
        }
        Matcher m = Pattern.compile("(\\d{3,5})x(\\d{3,5})").matcher(size);
        if (!m.matches()) {
            throw bad("--size '" + size + "' is not WIDTHxHEIGHT in pixels, such as 1440x900");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 640 || h < 400 || w > 7680 || h > 4320) {
            throw bad("--size " + size + " is out of range; expected from 640x400 to 7680x4320");
        }
        long atMs;
        boolean absolute;
        Matcher o = OFFSET.matcher(at.trim().toLowerCase(Locale.ROOT));
        if (o.matches()) {
            double n = Double.parseDouble(o.group(1));
            atMs = (long) (n * switch (o.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            absolute = false;
        } else {
            try {
                atMs = Instant.parse(at.trim()).toEpochMilli();
                absolute = true;
            } catch (DateTimeParseException e) {
                throw bad("--at '" + at + "' is neither an offset (90s, 45m, 1h) nor an ISO-8601 instant"
                        + " (2025-10-10T21:15:00Z)");
            }
        }
        SnapshotRenderer.useHeadlessGlass(w, h);
        Scenario sc = "default".equals(scenario) ? ConsoleSession.defaultScenario()
                : ScenarioReader.read(Path.of(scenario));
        EngineView v;
        try {
            io.solvent.app.workbench.Workspace ws = workspace == null ? null
                    : io.solvent.app.workbench.Workspace.read(workspace);
            java.util.Map<String, String> staged = new java.util.LinkedHashMap<>();
            for (String kv : stage == null ? List.<String>of() : stage) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw bad("--stage '" + kv + "' is not KEY=VALUE, such as"
                            + " markets.ETH-PERP.tiers[0].maintenanceMarginFraction=0.03");
                }
                staged.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
            if (!staged.isEmpty() && !"parameters".equals(name)) {
                throw bad("--stage goes with --view parameters");
            }
            v = SnapshotRenderer.render(sc, ws, staged, atMs, absolute, name, out, w, h, theme);
        } catch (IllegalArgumentException e) {
            throw bad(scenario + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("solvent: " + name + " at " + Format.time(v.timeMs()) + " → " + out
                + " (" + w + "x" + h + ", " + theme + ")");
        return 0;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
