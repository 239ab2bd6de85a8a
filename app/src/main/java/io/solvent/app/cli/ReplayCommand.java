package io.solvent.app.cli;

import io.solvent.engine.io.ReplayOutput;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Asset;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code solvent replay SCENARIO.json --out DIR}: runs a scenario headless and writes its four outputs. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a scenario headless to the end and writes its results into a folder.",
            "",
            "summary.json (ticks, liquidations, bad debt, insurance fund start/end/minimum, deleveraging, deficit,"
                + " liquidator fees, the largest ledger imbalance, stateHash), events.csv (every liquidation,"
                + " bankruptcy, fund payment and deleveraging), metrics.csv (one row per simulated second with"
                + " events: prices, fund, accounts at risk, open interest, liquidated notional) and manifest.json"
                + " (version, SHA-256 of every input, the effective parameters, the seed). The same scenario gives"
                + " the same stateHash on any machine. The scenario format is in docs/simulation.md.",
            "",
            "Bad input is reported as FILE: PLACE: PROBLEM on standard error, with exit status 2."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder (created)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario sc = ScenarioReader.read(scenario);
        ReplayRunner.Result result;
        try (ReplayOutput output = new ReplayOutput(out, sc.book().assets().stream().map(Asset::symbol).toList())) {
            result = ReplayRunner.run(sc, output);
            output.finish(sc, result, VersionProvider.version());
        }
        var s = result.summary();
        spec.commandLine().getErr().printf("solvent: %s: %d ticks, %d liquidations, bad debt %.2f USD, fund %.2f →"
                + " %.2f USD (minimum %.2f), deficit %.2f USD, stateHash %s%n", sc.name(), result.ticks(),
                s.liquidations(), s.badDebtUsd(), result.fundStartUsd(), s.fundEndUsd(), s.fundMinimumUsd(),
                s.deficitUsd(), result.stateHash());
        return ExitCodes.OK;
    }
}
