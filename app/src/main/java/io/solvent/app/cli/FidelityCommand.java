package io.solvent.app.cli;

import io.solvent.engine.analytics.FidelityComparison;
import io.solvent.engine.analytics.MinuteTally;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.io.FidelityChartWriter;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.io.VenueMinutesReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code solvent fidelity [SCENARIO.json] [--data DIR] [--out DIR]}: replays the recorded 2025-10-10 day and writes
 * {@code fidelity.md} and its chart, the simulated day beside Hyperliquid's real one.
 */
@Command(name = "fidelity",
        mixinStandardHelpOptions = true,
        description = {
            "Replays the 2025-10-10 scenario and writes docs/fidelity.md and docs/img/fidelity-2025-10-10.svg: the"
                + " simulated day beside Hyperliquid's real one, minute by minute over 21:00-21:40 UTC (liquidations,"
                + " ADL notional, the side liquidated), the correlations and the four targets of a faithful replay.",
            "",
            "Needs the shared data beside the project (the scenario's recorded prices and"
                + " positions_2025-10-10/hl_liq_adl_per_minute.csv); says in one line which files are missing."
        })
public final class FidelityCommand implements Callable<Integer> {
    static final String TEMPLATE = "/io/solvent/app/cli/fidelity.md.template";
    static final String CHART = "img/fidelity-2025-10-10.svg";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.json",
            description = "the scenario (default: ${DEFAULT-VALUE})", defaultValue = "assets/scenarios/2025-10-10.json")
    Path scenario;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "the shared data directory holding positions_2025-10-10/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs",
            description = "where fidelity.md and " + CHART + " go (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path venueFile = data.resolve("positions_2025-10-10").resolve("hl_liq_adl_per_minute.csv");
        List<FidelityComparison.VenueMinute> venue = VenueMinutesReader.read(venueFile);
        Scenario sc = ScenarioReader.read(scenario);
        MinuteTally tally = new MinuteTally();
        ReplayRunner.Result result = ReplayRunner.run(sc, tally);
        FidelityComparison.Windows w = FidelityComparison.Windows.OCTOBER_10;
        FidelityComparison c = FidelityComparison.of(tally, venue, w);
        Files.createDirectories(out.resolve(CHART).getParent());
        FidelityChartWriter.write(out.resolve(CHART), "2025-10-10: the replay beside Hyperliquid, 21:00-21:40 UTC",
                tally, venue, "Hyperliquid", w.crashStartMs(), w.crashEndMs());
        String report = render(template(), fields(sc, result, tally, c, venue, w));
        Path md = out.resolve("fidelity.md");
        AtomicFiles.writeText(md, text -> text.write(report));
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "solvent: fidelity: %d of 4 targets met (in 21:00-21:40 %.1f%%,"
                        + " Spearman %.2f, ADL peaks %s, long %.1f%% / short %.1f%%); %s and %s written",
                met(c), 100 * c.crashShare(), c.spearman(), peaks(c), 100 * c.longShare(), 100 * c.shortShare(), md,
                out.resolve(CHART)));
        return ExitCodes.OK;
    }

    static int met(FidelityComparison c) {
        return (c.crashShareMet() ? 1 : 0) + (c.spearmanMet() ? 1 : 0) + (c.adlPeakMet() ? 1 : 0)
                + (c.sidesMet() ? 1 : 0);
    }

    private static String template() {
        try (InputStream in = FidelityCommand.class.getResourceAsStream(TEMPLATE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the template with each {@code {{name}}} replaced */
    static String render(String template, Map<String, String> fields) {
        String s = template;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            s = s.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (s.contains("{{")) {
            throw new IllegalStateException("unfilled field in the fidelity template near: "
                    + s.substring(s.indexOf("{{"), Math.min(s.length(), s.indexOf("{{") + 40)));
        }
        return s;
    }

    private static Map<String, String> fields(Scenario sc, ReplayRunner.Result r, MinuteTally tally,
                                              FidelityComparison c, List<FidelityComparison.VenueMinute> venue,
                                              FidelityComparison.Windows w) {
        Map<String, String> f = new TreeMap<>();
        RunSummary s = r.summary();
        MinuteTally.Minute day = tally.total();
        f.put("scenario", sc.name());
        f.put("accounts", String.format(Locale.ROOT, "%,d", sc.book().accounts().size()));
        f.put("subaccounts", String.format(Locale.ROOT, "%,d", sc.book().accounts().stream()
                .mapToInt(a -> a.subaccounts().size()).sum()));
        f.put("liquidations", String.format(Locale.ROOT, "%,d", day.liquidations()));
        f.put("liquidatedM", money(day.liquidatedUsd()));
        f.put("deleveragings", String.format(Locale.ROOT, "%,d", day.deleveragings()));
        f.put("deleveragedM", money(day.deleveragedUsd()));
        f.put("bankruptcies", String.format(Locale.ROOT, "%,d", s.bankruptcies()));
        f.put("badDebtM", money(s.badDebtUsd()));
        f.put("deficitM", money(s.deficitUsd()));
        f.put("violations", String.format(Locale.ROOT, "%,d", s.plausibilityViolations()));
        f.put("checks", String.format(Locale.ROOT, "%,d", s.plausibilityChecks()));
        f.put("stateHash", r.stateHash());
        f.put("crashShare", pct(c.crashShare()));
        f.put("spearman", String.format(Locale.ROOT, "%.3f", c.spearman()));
        f.put("pearson", String.format(Locale.ROOT, "%.3f", c.pearson()));
        f.put("adlPeaks", peaks(c));
        f.put("longShare", pct(c.longShare()));
        f.put("shortShare", pct(c.shortShare()));
        f.put("met", String.valueOf(met(c)));
        f.put("crashMet", yes(c.crashShareMet()));
        f.put("spearmanMet", yes(c.spearmanMet()));
        f.put("adlMet", yes(c.adlPeakMet()));
        f.put("sidesMet", yes(c.sidesMet()));
        double hlAdl = venue.stream().mapToDouble(FidelityComparison.VenueMinute::adlNotionalUsd).sum();
        long hlFills = venue.stream().mapToLong(FidelityComparison.VenueMinute::liquidationFills).sum();
        f.put("hlAdlM", money(hlAdl));
        f.put("hlFills", String.format(Locale.ROOT, "%,d", hlFills));
        f.put("chart", CHART);
        StringBuilder t = new StringBuilder("| minute (UTC) | replay: liquidations | replay: liquidated ($M) | "
                + "replay: long share | replay: ADL ($M) | Hyperliquid: liquidation fills | Hyperliquid: ADL fills | "
                + "Hyperliquid: ADL ($M) |\n|---|---|---|---|---|---|---|---|\n");
        for (long m = w.crashStartMs(); m < w.crashEndMs(); m += 60_000L) {
            MinuteTally.Minute x = tally.minute(m);
            long mm = m;
            FidelityComparison.VenueMinute v = venue.stream().filter(y -> y.minuteMs() == mm).findFirst().orElse(null);
            t.append("| ").append(hhmm(m)).append(" | ").append(String.format(Locale.ROOT, "%,d", x.liquidations()))
                    .append(" | ").append(money(x.liquidatedUsd())).append(" | ")
                    .append(x.liquidatedUsd() > 0 ? pct(x.liquidatedLongUsd() / x.liquidatedUsd()) : "–")
                    .append(" | ").append(money(x.deleveragedUsd())).append(" | ")
                    .append(v == null ? "not recorded" : String.format(Locale.ROOT, "%,d", v.liquidationFills()))
                    .append(" | ").append(v == null ? "" : String.format(Locale.ROOT, "%,d", v.adlFills()))
                    .append(" | ").append(v == null ? "" : money(v.adlNotionalUsd())).append(" |\n");
        }
        f.put("table", t.toString().stripTrailing());
        return f;
    }

    static String peaks(FidelityComparison c) {
        StringBuilder b = new StringBuilder();
        for (long m : c.adlPeak()) {
            b.append(b.isEmpty() ? "" : " and ").append(hhmm(m));
        }
        return b.isEmpty() ? "none" : b.toString();
    }

    private static String hhmm(long ms) {
        return Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC).toLocalTime().toString();
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%,.1f", usd / 1e6);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String yes(boolean met) {
        return met ? "met" : "**not met**";
    }
}
