package io.solvent.app.cli;

import io.solvent.app.report.HtmlReport;
import io.solvent.app.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code solvent report RUN_DIR --out FILE.html}: the one-file HTML report of a run folder. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes the report of a run as one self-contained HTML file, to read in any browser, offline.",
            "",
            "RUN_DIR is a folder solvent replay wrote (--out, or a fork's --fork-out): summary.json, manifest.json,"
                + " metrics.csv, events.csv, and optionally audit.jsonl (the operator's parameter edits, one JSON"
                + " object a line). The report holds the key figures with their units, charts over simulated time"
                + " (insurance fund, bad debt, liquidated notional, open interest, sub-accounts at risk,"
                + " liquidations and bankruptcies per minute, prices), the busiest minutes and the largest events,"
                + " the effective parameters and every change of them (a fork's overrides, changes during the run),"
                + " the audit trail, and the manifest: each input's SHA-256, the command that reproduces the run"
                + " and the stateHash it must print. Charts are inline SVG; nothing is fetched from anywhere.",
            "",
            "Bad input is reported as FILE: PLACE: PROBLEM on standard error, with exit status 2."
        })
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder solvent replay wrote")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "the HTML file to write"
            + " (replaced atomically)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        RunFolder run = HtmlReport.write(runDir, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getErr().printf("solvent: report of %s written to %s (%,d bytes, %,d metrics rows, %,d"
                        + " events, %.2f s)%n", run.summary().scenario(), out, Files.size(out), run.metrics().rows(),
                run.events().rows(), seconds);
        return ExitCodes.OK;
    }
}
