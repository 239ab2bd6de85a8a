package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.io.BookReader;
import io.solvent.engine.io.BookWriter;
import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.scenario.ParameterException;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every parameter an operator can set changes what a replay shows — or this test says why it cannot on this
 * scenario. Each parameter ({@link Parameters#values()}: the oracle, liquidity, liquidation, deleveraging and dynamic
 * margin rules, every market's tiers, fee and positive-PnL weight, every asset's weights and size factor) and each
 * numeric input of the scenario file is changed alone, and the run must differ from the unchanged one in its state
 * hash, its summary, its events, its metrics rows, or the maintenance or initial health of some sub-account before
 * the crash or at the end (the figures the console shows per account).
 *
 * <p>The scenario is built to exercise every rule: the 300-account population over ten assets that all crash (by 15%
 * to 40%, with jittered recoveries), a confidence that turns too wide during the ETH crash, a venue price below the
 * index (so that a mark differs from it), a five-minute hole in BTC's prices (staleness), thin books with cascade
 * feedback, a per-step liquidation cap, dynamic margin on, and a small fund, so that bankruptcies reach the
 * deleveraging policy.
 */
class ParameterEffectTest {
    private static final Path BOOK = Path.of("..", "assets", "books", "population-300.json");
    private static final long T0 = 1_735_689_600_000L;
    private static final int STEP_MS = 2_000;
    private static final int STEPS = 1_800;

    /** Parameters that cannot change this scenario's outputs, and why. */
    private static final Map<String, String> CANNOT = cannot();

    private static Map<String, String> cannot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("assets.USDC.maintenanceWeight", "USDC's initial weight is 1 and initial <= maintenance <= 1: it cannot"
                + " move alone (lower assets.USDC.initialWeight first)");
        m.put("assets.USDC.maintenanceLiabilityWeight", "USDC's initial liability weight is 1 and 1 <= maintenance"
                + " <= initial: it cannot move alone (raise assets.USDC.initialLiabilityWeight first)");
        return m;
    }

    @TempDir
    static Path dir;
    private static Path file;
    private static Scenario base;
    private static Outcome baseline;

    @BeforeAll
    static void build() throws IOException {
        Book book = withEveryExposure(BookReader.read(BOOK));
        Path bookFile = dir.resolve("book.json");
        BookWriter.write(book, bookFile);
        StringBuilder ticks = new StringBuilder("timestamp_ms,symbol,price,confidence\n");
        StringBuilder venue = new StringBuilder("timestamp_ms,symbol,price\n");
        StringBuilder symbols = new StringBuilder();
        List<String> assets = book.assets().stream().map(a -> a.symbol()).filter(a -> !a.equals("USDC")).toList();
        for (int i = 0; i < STEPS; i++) {
            long t = T0 + (long) i * STEP_MS;
            double minute = i * STEP_MS / 60_000.0;
            for (int a = 0; a < assets.size(); a++) {
                String asset = assets.get(a);
                if (asset.equals("BTC") && minute >= 24 && minute < 29) {
                    continue; // a hole in the crash: BTC's oracle goes stale, its liquidations wait under "pause"
                }
                double p0 = book.prices().find(asset).orElseThrow();
                double drop = 0.15 + 0.25 * a / Math.max(1, assets.size() - 1);
                double crash = minute < 20 ? 0 : minute < 30 ? drop * (minute - 20) / 10
                        : drop * (1 - 0.3 * Math.min(1, (minute - 30) / 20));
                double wiggle = 0.0001 * Math.sin(i * 0.7 + a) + 0.00005 * Math.sin(i * 2.3 + 3 * a); // about 40% a year
                double price = p0 * (1 - crash) * (1 + wiggle);
                boolean wide = asset.equals("ETH") && minute >= 22 && minute < 32 && i % 7 == 0;
                double confidence = price * (wide ? 0.03 : 0.001);
                ticks.append(t).append(',').append(asset).append("USD,").append(num(price)).append(',')
                        .append(num(confidence)).append('\n');
                if (asset.equals("ETH") && i % 3 == 0) {
                    double basis = minute >= 20 && minute < 35 ? 0.02 : 0.005;
                    venue.append(t).append(",ETHUSD,").append(num(price * (1 - basis))).append('\n');
                }
            }
        }
        for (String asset : assets) {
            symbols.append(symbols.isEmpty() ? "" : ", ").append('"').append(asset).append("USD\": \"").append(asset)
                    .append('"');
        }
        Files.writeString(dir.resolve("ticks.csv"), ticks);
        Files.writeString(dir.resolve("venue.csv"), venue);
        file = dir.resolve("effect.json");
        Files.writeString(file, """
                {"format": 1, "name": "every rule at work", "book": "%s", "settlementAsset": "USDC",
                 "feeds": [{"file": "ticks.csv"}, {"file": "venue.csv"}],
                 "symbols": {%s},
                 "oracle": {"latencyMs": 1000, "deviationThreshold": 0.001, "heartbeatMs": 30000, "staleAfterMs": 60000,
                            "stalenessPolicy": "pause", "maxConfidence": 0.02, "confidencePolicy": "widen",
                            "mark": {"method": "index-plus-premium-ema", "venueSources": ["venue.csv"],
                                     "premiumEmaMs": 60000}},
                 "liquidity": {"depthPerPercentUsd": 150000, "maxDistance": 0.3, "stressedDepthMultiplier": 0.3,
                               "stressedMove": 0.05, "stressedHalfLifeMs": 600000, "cascadeFeedback": true,
                               "impactHalfLifeMs": 60000},
                 "liquidation": {"buffer": 0.02, "maxFraction": 0.5, "dustNotionalUsd": 50, "liquidatorShare": 0.5,
                                 "closeFactor": 0.5, "fullCloseHealthFactor": 0.95, "lendingBonus": 0.05},
                 "deleveraging": "adl-ranked",
                 "insuranceFund": {"openingBalanceUsd": 5000},
                 "dynamicMargin": {"enabled": true, "halfLifeMs": 600000, "referenceVolatility": 0.5,
                                   "maxMultiplier": 3, "step": 0.05},
                 "seed": 7}
                """.formatted("book.json", symbols));
        base = ScenarioReader.read(file);
        baseline = Outcome.of(base);
    }

    /**
     * The population (whose borrowers are liquidated by collateral sales in the crash), plus per asset a holder of it
     * borrowing a little USDC, never liquidatable even at three times the margin (collateral weights and size factor at
     * the end), and a borrower of
     * it (liability weights), and per market a fully collateralized whale past the first tier's bound (the second
     * tier's fractions).
     */
    private static Book withEveryExposure(Book book) {
        List<Account> accounts = new ArrayList<>(book.accounts());
        for (var asset : book.assets()) {
            String x = asset.symbol();
            if (x.equals("USDC")) {
                continue;
            }
            double price = book.prices().find(x).orElseThrow();
            accounts.add(new Account("holder-" + x, List.of(new SubAccount("0", MarginMode.CROSS,
                    Map.of(x, 50_000 / price, "USDC", -2_000.0), List.of()))));
            accounts.add(new Account("borrower-" + x, List.of(new SubAccount("0", MarginMode.CROSS,
                    Map.of("USDC", 100_000.0, x, -40_000 / price), List.of()))));
        }
        for (Market m : book.markets()) {
            double bound = m.tiers().getFirst().upTo();
            double price = book.prices().find(m.underlying()).orElseThrow();
            accounts.add(new Account("whale-" + m.symbol(), List.of(new SubAccount("0", MarginMode.CROSS,
                    Map.of("USDC", 2 * bound), List.of(new Position(m.symbol(), 2 * bound / price, price))))));
        }
        return new Book(book.assets(), book.markets(), accounts, book.prices());
    }

    @Test
    void theScenarioExercisesEveryRule() {
        RunSummary s = baseline.summary();
        assertTrue(s.liquidations() > 100, "liquidations: " + s.liquidations());
        assertTrue(s.bankruptcies() > 0, "bankruptcies: " + s.bankruptcies());
        assertTrue(s.deleveragingFills() > 0, "deleveraging: " + s.deleveragingFills());
        assertTrue(baseline.kinds().contains("collateral_sale"), "lending liquidations: " + baseline.kinds());
        assertTrue(baseline.kinds().contains("margin_change"), "dynamic margin: " + baseline.kinds());
        assertTrue(baseline.kinds().contains("oracle_stale"), "a stale source: " + baseline.kinds());
        assertEquals(0, s.plausibilityViolations());
    }

    @TestFactory
    Stream<DynamicTest> everyParameterChangesTheFigures() {
        List<DynamicTest> tests = new ArrayList<>();
        base.parameters().values().forEach((key, value) -> tests.add(DynamicTest.dynamicTest(key, () -> {
            if (CANNOT.containsKey(key) || key.endsWith(".upTo") && value.equals("null")) {
                return; // the last tier's bound is null (unbounded) by definition: shown, never set to anything else
            }
            List<String> tried = new ArrayList<>();
            for (String candidate : candidates(key, value)) {
                Parameters p;
                try {
                    p = base.parameters().with(key, candidate);
                } catch (ParameterException e) {
                    continue; // not a valid value of this key here
                }
                if (p.equals(base.parameters())) {
                    continue;
                }
                tried.add(candidate);
                if (Outcome.of(base.withParameters(p)).differs(baseline)) {
                    return;
                }
            }
            fail(key + " = " + value + " changed nothing when set to any of " + tried);
        })));
        return tests.stream();
    }

    /** Inputs of the scenario file, changed alone the same way (a fork cannot change them; a new scenario can). */
    @TestFactory
    Stream<DynamicTest> everyNumericInputChangesTheFigures() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("insuranceFund.openingBalanceUsd", "500000");
        inputs.put("liquidity.depthPerPercentUsd", "1500000");
        inputs.put("liquidity.maxDistance", "0.05");
        inputs.put("window.startMs", String.valueOf(T0 + 25 * 60_000));
        inputs.put("window.endMs", String.valueOf(T0 + 25 * 60_000));
        return inputs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Scenario changed = ScenarioReader.read(file, Map.of(e.getKey(), e.getValue()));
            assertTrue(Outcome.of(changed).differs(baseline), e.getKey() + " = " + e.getValue() + " changed nothing");
        }));
    }

    /** Values to try, most telling first: another name, a flipped switch, a number scaled and shifted. */
    private static List<String> candidates(String key, String value) {
        List<String> out = new ArrayList<>();
        switch (value) {
            case "true" -> out.add("false");
            case "false" -> out.add("true");
            case "keep-last" -> out.add("pause");
            case "pause" -> out.add("keep-last");
            case "reject" -> out.add("widen");
            case "widen" -> out.add("reject");
            case "index", "index-plus-premium-ema", "median" -> out.addAll(List.of("median", "index"));
            case "null" -> out.addAll(List.of("10000", "0.01", "30000"));
            default -> {
                if (key.equals("deleveraging")) {
                    out.addAll(List.of("deficit", "socialize", "adl-ranked:hyperliquid"));
                } else {
                    double v = Double.parseDouble(value);
                    for (double c : new double[]{v * 0.5, v * 2, v * 0.2, v * 5, v + 0.05, v - 0.05, v * 0.9, 1000,
                            10_000, 0.5, 0.9, 1, 0.001, 0}) {
                        String s = key.endsWith("Ms") ? String.valueOf(Math.round(c)) : num(c);
                        if (!out.contains(s) && !s.equals(value)) {
                            out.add(s);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    /** What a replay shows: its hash, summary, events, metrics rows, and every sub-account's health at the end. */
    private record Outcome(String hash, RunSummary summary, List<String> events, List<String> metrics,
                           double[] health) {
        static Outcome of(Scenario s) {
            List<String> events = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            ReplaySink sink = new ReplaySink() {
                @Override
                public void event(SimulationEvent e, String account, String subaccount, String market) {
                    events.add(e + " " + account + "/" + subaccount + " " + market);
                }

                @Override
                public void metrics(MetricsRow r) {
                    metrics.add(r.timeMs() + " " + Arrays.toString(r.prices()) + " " + r.fundUsd() + " " + r.atRisk()
                            + " " + r.liquidatable() + " " + r.openInterestUsd() + " " + r.liquidatedNotionalUsd()
                            + " " + r.badDebtUsd());
                }
            };
            try (Replay r = Replay.start(s, sink)) {
                r.stepThrough(T0 + 10 * 60_000); // calm: before the crash and before dynamic margin moves
                double[] calm = health(r);
                while (r.step()) {
                    // to the end
                }
                ReplayRunner.Result result = r.finish();
                double[] end = health(r);
                double[] both = Arrays.copyOf(calm, calm.length + end.length);
                System.arraycopy(end, 0, both, calm.length, end.length);
                return new Outcome(result.stateHash(), result.summary(), events, metrics, both);
            }
        }

        /** Every sub-account's maintenance and initial health now, evaluated at the prices now. */
        private static double[] health(Replay r) {
            MarginBook b = r.engine().book().copy();
            b.revalueAll(); // the engine re-evaluates only the sub-accounts a move may have pushed across a threshold
            int n = b.subAccounts().size();
            double[] health = new double[2 * n];
            for (int i = 0; i < n; i++) {
                health[2 * i] = b.maintenanceHealth(i);
                health[2 * i + 1] = b.initialHealth(i);
            }
            return health;
        }

        List<String> kinds() {
            return events.stream().map(e -> e.replaceAll("^.*kind=([A-Z_]+).*$", "$1").toLowerCase(Locale.ROOT))
                    .distinct().toList();
        }

        boolean differs(Outcome o) {
            return !hash.equals(o.hash) || !summary.equals(o.summary) || !events.equals(o.events)
                    || !metrics.equals(o.metrics) || !Arrays.equals(health, o.health);
        }
    }
}
