package io.solvent.app.cli;

import io.solvent.engine.io.LabReportWriter;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.lab.DeleveragingLab;
import io.solvent.engine.sim.lab.LabResult;
import io.solvent.engine.sim.lab.LabTarget;
import io.solvent.engine.sim.lab.NoShortfallException;
import io.solvent.engine.sim.lab.Payer;
import io.solvent.engine.sim.lab.PolicyOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code solvent deleverage SCENARIO.json [--at TIME] [--account ID[/SUB]] [--out FILE.json|.csv]}: the deleveraging
 * lab — one bankruptcy the insurance fund cannot cover, settled under each policy.
 */
@Command(name = "deleverage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The deleveraging lab: the first bankruptcy at or after TIME that the insurance fund cannot cover, settled"
                + " again from the same state under each policy (ranked ADL with Binance's and Hyperliquid's rankings,"
                + " socialized loss, recorded deficit).",
            "",
            "Prints, per policy, the shortfall, what counterparties paid, the accounts hit, the largest loss and the"
                + " overshoot: what the policy took beyond the smallest haircut that covers the shortfall (a position"
                + " ADL closes gives up the profit of what was closed, as arXiv 2512.01112 counts it); then who paid.",
            "",
            "Bad input is reported on one line on standard error, with exit status 2."
        })
public final class DeleverageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario")
    Path scenario;

    @Option(names = "--at", paramLabel = "TIME", description = "look from this moment on: an ISO-8601 UTC instant"
            + " (2025-10-10T21:00:00Z) or ms since the epoch (default: the start)")
    String at;

    @Option(names = "--account", paramLabel = "ID[/SUB]", description = "only this account's (sub-account's)"
            + " bankruptcy")
    String account;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the result to FILE.json or FILE.csv")
    Path out;

    @Option(names = "--payers", paramLabel = "N", defaultValue = "10",
            description = "payers listed per policy (default ${DEFAULT-VALUE}; all of them go to --out)")
    int payers;

    @Option(names = "--progress", negatable = true, description = "show a progress line on standard error (default:"
            + " only when it is a terminal)")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long atMs;
        try {
            atMs = at == null ? Long.MIN_VALUE : at.chars().allMatch(Character::isDigit) ? Long.parseLong(at)
                    : Instant.parse(at).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return bad(err, "--at expects an ISO-8601 UTC instant (2025-10-10T21:00:00Z) or ms since the epoch, was '"
                    + at + "'");
        }
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".json") && !name.endsWith(".csv")) {
                return bad(err, "--out expects a file ending in .json or .csv, was '" + out + "'");
            }
        }
        if (payers < 0) {
            return bad(err, "--payers expects a count >= 0, was " + payers);
        }
        LabTarget target;
        if (account == null) {
            target = LabTarget.firstAtOrAfter(atMs);
        } else {
            int slash = account.indexOf('/');
            String id = slash < 0 ? account : account.substring(0, slash);
            String sub = slash < 0 ? null : account.substring(slash + 1);
            if (id.isEmpty() || sub != null && sub.isEmpty()) {
                return bad(err, "--account expects ID or ID/SUB, was '" + account + "'");
            }
            target = new LabTarget(atMs, id, sub);
        }
        Scenario sc = ScenarioReader.read(scenario);
        ProgressLine line = ProgressLine.of(err, progress);
        LabResult result;
        long started = System.nanoTime();
        try {
            result = DeleveragingLab.run(sc, target, DeleveragingLab.POLICIES, () -> false,
                    f -> line.update("deleverage", "", Math.round(f * 100), "%", f));
        } catch (NoShortfallException e) {
            return bad(err, e.getMessage());
        } finally {
            line.clear();
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000L;
        PrintWriter o = spec.commandLine().getOut();
        o.print(table(result, payers));
        o.flush();
        if (out != null) {
            LabReportWriter.write(out, result);
        }
        err.println("solvent: deleverage: " + result.outcomes().size() + " policies compared in " + elapsedMs + " ms"
                + (out == null ? "" : ", written to " + out));
        return ExitCodes.OK;
    }

    private static int bad(PrintWriter err, String message) {
        err.println("solvent: deleverage: " + message);
        return ExitCodes.BAD_INPUT;
    }

    /**
     * @param r      a lab result
     * @param payers payers listed per policy
     * @return the comparison table, then each policy's payers
     */
    static String table(LabResult r, int payers) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Bankruptcy of %s in %s at %s: deficit %s USD, fund paid %s USD,"
                + " shortfall %s USD (mark %s USD)%n%n", r.bankruptId(), r.market(), Instant.ofEpochMilli(r.timeMs()),
                usd(r.deficitUsd()), usd(r.fundPaidUsd()), usd(r.shortfallUsd()), usd(r.markUsd())));
        String head = "%-24s %16s %14s %14s %8s %16s %16s %16s %10s %18s%n";
        s.append(String.format(Locale.ROOT, head, "policy", "shortfall USD", "paid USD", "deficit USD", "hit",
                "largest loss USD", "taken USD", "overshoot USD", "overshoot %", "notional closed USD"));
        for (PolicyOutcome p : r.outcomes()) {
            s.append(String.format(Locale.ROOT, head, p.policy(), usd(p.shortfallUsd()), usd(p.paidUsd()),
                    usd(p.deficitUsd()), Integer.toString(p.accountsHit()), usd(p.largestLossUsd()),
                    usd(p.takenUsd()), usd(p.overshootUsd()), String.format(Locale.ROOT, "%.1f", p.overshootPct()),
                    usd(p.notionalClosedUsd())));
        }
        for (PolicyOutcome p : r.outcomes()) {
            s.append(String.format(Locale.ROOT, "%n%s: %d payer%s%s%n", p.policy(), p.payers().size(),
                    p.payers().size() == 1 ? "" : "s", Double.isNaN(p.adlPriceUsd()) ? ""
                            : ", closed at " + usd(p.adlPriceUsd()) + " USD"));
            if (p.payers().isEmpty()) {
                continue;
            }
            String row = "%5s %-18s %-10s %-5s %14s %14s %14s %16s %14s %12s%n";
            s.append(String.format(Locale.ROOT, row, "rank", "sub-account", "market", "side", "size", "closed",
                    "paid USD", "uPnL before USD", "taken USD", "rank key"));
            for (Payer x : p.payers().subList(0, Math.min(payers, p.payers().size()))) {
                s.append(String.format(Locale.ROOT, row, x.rank() == 0 ? "—" : Integer.toString(x.rank()), x.id(),
                        x.market(), x.side(), units(x.sizeBefore()), units(x.sizeClosed()), usd(x.paidUsd()),
                        usd(x.unrealizedPnlUsd()), usd(x.takenUsd()),
                        Double.isNaN(x.rankKey()) ? "—" : String.format(Locale.ROOT, "%.4g", x.rankKey())));
            }
            if (p.payers().size() > payers) {
                s.append(String.format(Locale.ROOT, "      … %d more%n", p.payers().size() - payers));
            }
        }
        return s.toString();
    }

    private static String usd(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String units(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
