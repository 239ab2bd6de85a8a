package io.solvent.app.stress;
import io.solvent.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;


/**
 * A stress result's table as CSV, in the command line's formats: a grid as {@code stress.csv} (the set values, every
 * figure, the stateHash), Monte Carlo paths as {@code montecarlo.csv}, the reverse search's trials as
 * {@code drop,fund_minimum_usd,emptied}. A partial result gives the rows it has. Written atomically.
 */
public final class StressCsv {
    private StressCsv() {
    }

    /** @param result a result @return its table as CSV text, a header line first */
    public static String of(StressResult result) {
        StringBuilder w = new StringBuilder();
        switch (result) {
            case StressResult.GridResult g -> {
                for (String k : g.keys()) {
                    w.append(field(k)).append(',');
                }
                w.append("ticks,liquidations,liquidatedNotionalUsd,bankruptcies,badDebtUsd,fundEndUsd,fundMinimumUsd,"
                        + "deleveragingFills,deleveragedNotionalUsd,deficitUsd,liquidatorFeesUsd,maxLedgerImbalance,"
                        + "stateHash\n");
                for (StressResult.RunRow r : g.rows()) {
                    for (String k : g.keys()) {
                        w.append(field(r.set().get(k))).append(',');
                    }
                    for (double x : new double[] {r.ticks(), r.liquidations(), r.liquidatedNotionalUsd(),
                        r.bankruptcies(), r.badDebtUsd(), r.fundEndUsd(), r.fundMinimumUsd(), r.deleveragingFills(),
                        r.deleveragedNotionalUsd(), r.deficitUsd(), r.liquidatorFeesUsd(), r.maxLedgerImbalance()}) {
                        w.append(number(x)).append(',');
                    }
                    w.append(r.stateHash()).append('\n');
                }
            }
            case StressResult.MonteCarloResult m -> {
                w.append("path,seed,bad_debt_usd,fund_loss_usd,deficit_usd,liquidations,bankruptcies,stateHash\n");
                for (StressResult.RunRow r : m.paths()) {
                    w.append(r.index()).append(',').append(m.seed() + r.index()).append(',').append(r.badDebtUsd())
                            .append(',').append(r.fundLossUsd()).append(',').append(r.deficitUsd()).append(',')
                            .append(r.liquidations()).append(',').append(r.bankruptcies()).append(',')
                            .append(r.stateHash()).append('\n');
                }
            }
            case StressResult.ReverseResult r -> {
                w.append("drop,fund_minimum_usd,emptied\n");
                for (var t : r.trials()) {
                    w.append(t.drop()).append(',').append(t.fundMinimumUsd()).append(',').append(t.emptied())
                            .append('\n');
                }
            }
        }
        return w.toString();
    }

    /**
     * @param result a result
     * @param file   the CSV to write: a temporary file beside it, then renamed over it
     * @throws IOException when it cannot be written
     */
    public static void write(StressResult result, Path file) throws IOException {
        String text = of(result);
        AtomicFiles.writeText(file, w -> w.write(text),
                AtomicFiles.Option.CREATE_PARENTS);
    }

    /** As {@code stress.csv} writes a figure: whole numbers without a fraction. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static String field(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

}
