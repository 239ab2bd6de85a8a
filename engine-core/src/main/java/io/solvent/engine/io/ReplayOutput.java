package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.RunSummary;
import io.solvent.engine.sim.SimulationEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The four files of {@code solvent replay} in an output folder: {@code events.csv} and {@code metrics.csv} streamed
 * as the run goes, {@code summary.json} and {@code manifest.json} at the end. They are written under temporary names
 * and moved into place together by a {@link FolderCommit}, so that after a kill at any moment the folder holds the
 * previous run's four files or this run's four, never some of each, and never half a file under a final name.
 */
public final class ReplayOutput implements ReplaySink, AutoCloseable {

    private final Path dir;
    private final FolderCommit commit;
    private final BufferedWriter events;
    private final BufferedWriter metrics;

    /**
     * @param dir          the output folder, created when missing
     * @param assetSymbols the book's assets in order, for the price columns of metrics.csv
     */
    public ReplayOutput(Path dir, List<String> assetSymbols) {
        this.dir = dir;
        try {
            commit = FolderCommit.begin(dir);
            events = Files.newBufferedWriter(commit.stage("events.csv"), StandardCharsets.UTF_8);
            metrics = Files.newBufferedWriter(commit.stage("metrics.csv"), StandardCharsets.UTF_8);
            events.write("time_ms,kind,account,subaccount,market,size,price_usd,amount_usd,fee_usd,detail\n");
            StringBuilder h = new StringBuilder("time_ms");
            for (String a : assetSymbols) {
                h.append(",price_").append(a);
            }
            metrics.write(h.append(",fund_usd,at_risk,liquidatable,open_interest_usd,liquidated_notional_usd,"
                    + "bad_debt_usd\n").toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void event(SimulationEvent e, String account, String subaccount, String market) {
        write(events, e.timeMs() + "," + e.kind().name().toLowerCase(Locale.ROOT) + "," + csv(account) + ","
                + csv(subaccount) + "," + csv(market) + "," + num(e.size()) + "," + num(e.priceUsd()) + ","
                + num(e.amountUsd()) + "," + num(e.feeUsd()) + "," + csv(e.detail()) + "\n");
    }

    @Override
    public void metrics(MetricsRow r) {
        StringBuilder b = new StringBuilder().append(r.timeMs());
        for (double p : r.prices()) {
            b.append(',').append(num(p));
        }
        b.append(',').append(num(r.fundUsd())).append(',').append(r.atRisk()).append(',').append(r.liquidatable())
                .append(',').append(num(r.openInterestUsd())).append(',').append(num(r.liquidatedNotionalUsd()))
                .append(',').append(num(r.badDebtUsd())).append('\n');
        write(metrics, b.toString());
    }

    /**
     * Writes summary.json and manifest.json and moves the four files into place together.
     *
     * @param scenario      the scenario that ran
     * @param result        its outcome
     * @param engineVersion the version of Solvent that ran it
     */
    public void finish(Scenario scenario, ReplayRunner.Result result, String engineVersion) {
        finish(scenario, result, engineVersion, null);
    }

    /**
     * What a fork's manifest records besides its scenario: where it branched off and what it changed.
     *
     * @param fromScenario the name of the scenario it was forked from
     * @param atMs         the fork time, ms since the Unix epoch, UTC: every feed event at or before it was run under
     *                     the original parameters
     * @param overrides    the changed fields, dotted path to the value as given, in the order given
     */
    public record Fork(String fromScenario, long atMs, java.util.Map<String, String> overrides) {
        public Fork {
            overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        }
    }

    /**
     * Writes summary.json and manifest.json (recording the fork, when given) and moves the four files into place
     * together.
     *
     * @param scenario      the scenario that ran (for a fork: the fork's)
     * @param result        its outcome
     * @param engineVersion the version of Solvent that ran it
     * @param fork          where the run was forked, or {@code null} for a run from the start
     */
    public void finish(Scenario scenario, ReplayRunner.Result result, String engineVersion, Fork fork) {
        try {
            events.close();
            metrics.close();
            commit.writeJson("summary.json", g -> summary(g, scenario, result));
            commit.writeJson("manifest.json", g -> manifest(g, scenario, engineVersion, fork));
            commit.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            events.close();
            metrics.close();
            commit.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(JsonGenerator g, Scenario scenario, ReplayRunner.Result r) throws IOException {
        RunSummary s = r.summary();
        g.writeStartObject();
        g.writeStringField("scenario", scenario.name());
        g.writeNumberField("ticks", r.ticks());
        g.writeNumberField("unmappedTicks", r.unmapped());
        g.writeNumberField("steps", s.steps());
        g.writeObjectFieldStart("liquidations");
        g.writeNumberField("count", s.liquidations());
        g.writeNumberField("notionalUsd", s.liquidatedNotionalUsd());
        g.writeEndObject();
        g.writeNumberField("bankruptcies", s.bankruptcies());
        g.writeNumberField("badDebtUsd", s.badDebtUsd());
        g.writeObjectFieldStart("insuranceFund");
        g.writeNumberField("startUsd", r.fundStartUsd());
        g.writeNumberField("endUsd", s.fundEndUsd());
        g.writeNumberField("minimumUsd", s.fundMinimumUsd());
        g.writeEndObject();
        g.writeObjectFieldStart("deleveraging");
        g.writeStringField("policy", scenario.deleveraging());
        g.writeNumberField("count", s.deleveragingFills());
        g.writeNumberField("notionalUsd", s.deleveragedNotionalUsd());
        g.writeEndObject();
        g.writeNumberField("deficitUsd", s.deficitUsd());
        g.writeNumberField("liquidatorFeesUsd", s.liquidatorFeesUsd());
        g.writeNumberField("maxLedgerImbalance", s.maxLedgerImbalance());
        g.writeObjectFieldStart("plausibility");
        g.writeNumberField("checks", s.plausibilityChecks());
        g.writeNumberField("violations", s.plausibilityViolations());
        g.writeEndObject();
        g.writeStringField("stateHash", r.stateHash());
        g.writeEndObject();
    }

    private static void manifest(JsonGenerator g, Scenario sc, String engineVersion, Fork fork) throws IOException {
        g.writeStartObject();
        g.writeStringField("engine", "solvent " + engineVersion);
        g.writeStringField("scenario", sc.name());
        g.writeArrayFieldStart("inputs");
        for (Path p : sc.files()) {
            g.writeStartObject();
            g.writeStringField("file", String.valueOf(p.getFileName()));
            g.writeStringField("sha256", sha256(p));
            g.writeEndObject();
        }
        g.writeEndArray();
        if (sc.population() != null) {
            var pp = sc.population();
            g.writeObjectFieldStart("population");
            if (pp.accounts() > 0) {
                g.writeNumberField("accounts", pp.accounts());
            } else {
                g.writeNumberField("subaccounts", pp.subaccounts());
            }
            g.writeNumberField("seed", pp.seed());
            g.writeStringField("profile", pp.profile().cliName());
            g.writeArrayFieldStart("markets");
            for (String m : pp.markets()) {
                g.writeString(m);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("parameters");
        g.writeStringField("settlementAsset", sc.settlementAsset());
        if (!sc.window().all()) {
            g.writeObjectFieldStart("window");
            g.writeStringField("start", java.time.Instant.ofEpochMilli(sc.window().startMs()).toString());
            g.writeStringField("end", java.time.Instant.ofEpochMilli(sc.window().endMs()).toString());
            g.writeEndObject();
        }
        if (!sc.priceSources().isEmpty()) {
            g.writeObjectFieldStart("priceSources");
            for (var e : sc.priceSources().entrySet()) {
                g.writeArrayFieldStart(e.getKey() + " " + e.getValue().method().fileName());
                for (String f : e.getValue().symbols()) {
                    g.writeString(f);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("oracle");
        g.writeNumberField("latencyMs", sc.oracle().latencyMs());
        g.writeNumberField("deviationThreshold", sc.oracle().deviationThreshold());
        g.writeNumberField("heartbeatMs", sc.oracle().heartbeatMs());
        g.writeNumberField("staleAfterMs", sc.oracle().staleAfterMs());
        g.writeStringField("stalenessPolicy", sc.oracle().stalenessPolicy().name());
        if (Double.isFinite(sc.oracle().maxConfidence())) {
            g.writeNumberField("maxConfidence", sc.oracle().maxConfidence());
        } else {
            g.writeNullField("maxConfidence");
        }
        g.writeStringField("confidencePolicy", sc.oracle().confidencePolicy().name());
        g.writeObjectFieldStart("mark");
        g.writeStringField("method", sc.oracle().mark().method().name());
        g.writeArrayFieldStart("venueSources");
        for (String v : sc.oracle().mark().venueSources()) {
            g.writeString(v);
        }
        g.writeEndArray();
        g.writeNumberField("premiumEmaMs", sc.oracle().mark().premiumEmaMs());
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("liquidity");
        g.writeNumberField("depthPerPercentUsd", sc.depth().defaultPerPercentUsd());
        g.writeNumberField("maxDistance", sc.depth().defaultMaxDistance());
        if (!sc.depth().markets().isEmpty()) {
            g.writeObjectFieldStart("markets");
            for (var e : sc.depth().markets().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                switch (e.getValue()) {
                    case Scenario.ConstantDepth c -> {
                        g.writeNumberField("depthPerPercentUsd", c.perPercentUsd());
                        g.writeNumberField("maxDistance", c.maxDistance());
                    }
                    case Scenario.RecordedDepth r -> {
                        g.writeStringField("depthFile", String.valueOf(r.file().getFileName()));
                        g.writeStringField("symbol", r.symbol());
                        g.writeNumberField("scale", r.scale());
                        g.writeNumberField("maxDistance", r.maxDistance());
                        g.writeNumberField("snapshots", r.history().size());
                        g.writeNumberField("droppedBands", r.history().droppedBands());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeNumberField("stressedDepthMultiplier", sc.liquidity().stressedDepthMultiplier());
        g.writeBooleanField("cascadeFeedback", sc.liquidity().cascadeFeedback());
        g.writeNumberField("impactHalfLifeMs", sc.liquidity().impactHalfLifeMs());
        g.writeNumberField("stressedMove", sc.liquidity().stressedMove());
        g.writeNumberField("stressedHalfLifeMs", sc.liquidity().stressedHalfLifeMs());
        g.writeEndObject();
        g.writeObjectFieldStart("liquidation");
        g.writeNumberField("buffer", sc.liquidation().buffer());
        g.writeNumberField("maxFraction", sc.liquidation().maxFraction());
        g.writeNumberField("dustNotionalUsd", sc.liquidation().dustNotionalUsd());
        g.writeNumberField("liquidatorShare", sc.liquidation().liquidatorShare());
        g.writeNumberField("closeFactor", sc.liquidation().closeFactor());
        g.writeNumberField("fullCloseHealthFactor", sc.liquidation().fullCloseHealthFactor());
        g.writeNumberField("lendingBonus", sc.liquidation().lendingBonus());
        g.writeEndObject();
        g.writeStringField("deleveraging", sc.deleveraging());
        g.writeNumberField("insuranceFundUsd", sc.insuranceFundUsd());
        g.writeNumberField("shocks", sc.shocks().size());
        g.writeObjectFieldStart("dynamicMargin");
        g.writeBooleanField("enabled", sc.dynamicMargin().enabled());
        g.writeNumberField("halfLifeMs", sc.dynamicMargin().halfLifeMs());
        g.writeNumberField("referenceVolatility", sc.dynamicMargin().referenceVolatility());
        g.writeNumberField("maxMultiplier", sc.dynamicMargin().maxMultiplier());
        g.writeNumberField("step", sc.dynamicMargin().step());
        g.writeEndObject();
        g.writeObjectFieldStart("markets");
        for (var m : sc.parameters().markets().values()) {
            g.writeObjectFieldStart(m.symbol());
            BookWriter.writeMarketParameters(g, m);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("assets");
        for (var a : sc.parameters().assets().values()) {
            g.writeObjectFieldStart(a.symbol());
            BookWriter.writeAssetParameters(g, a);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        if (fork != null) {
            g.writeObjectFieldStart("fork");
            g.writeStringField("from", fork.fromScenario());
            g.writeNumberField("atMs", fork.atMs());
            g.writeStringField("at", java.time.Instant.ofEpochMilli(fork.atMs()).toString());
            g.writeObjectFieldStart("overrides");
            for (var e : fork.overrides().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeNumberField("seed", sc.seed());
        g.writeEndObject();
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(BufferedWriter w, String line) {
        try {
            w.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Double.toString(v == 0 ? 0.0 : v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
