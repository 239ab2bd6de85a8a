package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.FeedReader;
import io.solvent.engine.feed.MergedFeedReader;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.recorded.RecordedFeedOptions;
import io.solvent.engine.feed.recorded.RecordedFeedReader;
import io.solvent.engine.feed.recorded.RecordedFormat;
import io.solvent.engine.feed.synthetic.JumpDiffusionGenerator;
import io.solvent.engine.feed.synthetic.ShockedFeedReader;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.FundSpec;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.liquidity.DepthCurve;
import io.solvent.engine.liquidity.DepthHistory;
import io.solvent.engine.liquidity.DepthSnapshot;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.model.Market;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.OracleSet;
import io.solvent.engine.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario headless to the end: the feeds merged in time order (shocks applied), each mapped price through
 * the oracle model, each publication an engine step. Rows go to a {@link ReplaySink} as they happen; the result holds
 * the summary and the state hash. Deterministic: the same scenario gives the same rows and hash.
 */
public final class ReplayRunner {
    /** A metrics row is written at most once per simulated second. */
    public static final long METRICS_PERIOD_MS = 1_000;
    /** Sub-accounts below this maintenance health factor count as at risk in the metrics. */
    public static final double AT_RISK_HEALTH_FACTOR = 1.1;

    private ReplayRunner() {
    }

    /**
     * The outcome of a replay.
     *
     * @param summary     the run's figures
     * @param ticks       price events read from the feeds
     * @param unmapped    price events whose symbol the scenario does not map to an asset
     * @param fundStartUsd the insurance fund's opening balance, USD
     * @param stateHash   the state hash ({@link StateHasher})
     */
    public record Result(RunSummary summary, long ticks, long unmapped, double fundStartUsd, String stateHash) {
    }

    /**
     * @param scenario the scenario
     * @param sink     receives the events and metrics rows
     * @return the summary and state hash
     * @throws io.solvent.engine.io.InputException when a feed file is bad
     */
    public static Result run(Scenario scenario, ReplaySink sink) {
        MarginBook book = MarginBook.of(scenario.book(), scenario.settlementAsset());
        int markets = book.markets().size();
        MarketLiquidity[] liquidity = new MarketLiquidity[markets];
        double[] fees = new double[markets];
        DepthHistory depth = DepthHistory.constant(DepthSnapshot.symmetric(0,
                DepthCurve.linear(scenario.depthPerPercentUsd(), DepthCurve.DEFAULT_MAX_DISTANCE)));
        for (int m = 0; m < markets; m++) {
            Market def = scenario.book().markets().get(m);
            liquidity[m] = new MarketLiquidity(def.symbol(), scenario.liquidity(), depth);
            fees[m] = def.liquidationFee();
        }
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", scenario.insuranceFundUsd()),
                Math.max(1, markets));
        Ledger ledger = new Ledger(new LedgerShape(book.subAccounts().size(), funds.size(), 1, Math.max(1, markets),
                funds.size()), LedgerListener.NONE);
        SimulationEngine engine = new SimulationEngine(book, fees, liquidity, scenario.liquidation(), funds,
                new BankruptcyWaterfall(DeleveragingPolicy.parse(scenario.deleveraging())), ledger,
                e -> sink.event(e, e.subAccount() < 0 ? "" : book.subAccounts().accountId(e.subAccount()),
                        e.subAccount() < 0 ? "" : book.subAccounts().subAccountId(e.subAccount()),
                        e.market() < 0 ? "" : book.markets().symbol(e.market())));

        Map<String, OracleParameters> oracleParams = new LinkedHashMap<>();
        scenario.symbols().keySet().forEach(s -> oracleParams.put(s, scenario.oracle()));
        OracleSet oracles = new OracleSet(oracleParams, o -> engine.onPrice(o.publishedAtMs(),
                book.assets().indexOf(scenario.symbols().get(o.symbol())), o.price()));

        long ticks = 0;
        long unmapped = 0;
        long lastTime = Long.MIN_VALUE;
        long nextMetrics = Long.MIN_VALUE;
        try (FeedReader feed = open(scenario)) {
            for (FeedEvent e = feed.next(); e != null; e = feed.next()) {
                if (!(e instanceof PriceEvent p)) {
                    continue;
                }
                ticks++;
                if (lastTime == Long.MIN_VALUE) {
                    engine.sweep(p.timestampMs());
                }
                lastTime = p.timestampMs();
                if (!oracles.observe(p)) {
                    unmapped++;
                }
                if (lastTime >= nextMetrics) {
                    sink.metrics(metrics(lastTime, engine));
                    nextMetrics = (Math.floorDiv(lastTime, METRICS_PERIOD_MS) + 1) * METRICS_PERIOD_MS;
                }
            }
        }
        if (lastTime != Long.MIN_VALUE) {
            long end = lastTime + scenario.oracle().latencyMs();
            oracles.advanceTo(end); // deliver what is still in flight
            sink.metrics(metrics(end, engine));
        }
        return new Result(engine.summary(), ticks, unmapped, scenario.insuranceFundUsd(),
                StateHasher.hash(book, funds, ledger));
    }

    private static FeedReader open(Scenario scenario) {
        List<FeedReader> readers = new ArrayList<>();
        try {
            for (Scenario.Feed f : scenario.feeds()) {
                readers.add(switch (f) {
                    case Scenario.RecordedFeed r -> RecordedFeedReader.open(r.path(), r.format() == null
                            ? RecordedFeedOptions.DETECT
                            : RecordedFeedOptions.DETECT.withFormat(RecordedFormat.ofOptionName(r.format())));
                    case Scenario.SyntheticFeed s -> new JumpDiffusionGenerator(s.parameters());
                });
            }
        } catch (RuntimeException e) {
            readers.forEach(FeedReader::close);
            throw e;
        }
        FeedReader merged = new MergedFeedReader(readers);
        return scenario.shocks().isEmpty() ? merged : new ShockedFeedReader(merged, scenario.shocks());
    }

    private static ReplaySink.MetricsRow metrics(long timeMs, SimulationEngine engine) {
        MarginBook b = engine.book();
        double[] prices = new double[b.assets().size()];
        for (int a = 0; a < prices.length; a++) {
            prices[a] = b.assets().price(a);
        }
        int atRisk = 0;
        int liquidatable = 0;
        double oi = 0;
        for (int s = 0; s < b.subAccounts().size(); s++) {
            double hf = b.maintenanceHealthFactor(s);
            if (hf < AT_RISK_HEALTH_FACTOR) {
                atRisk++;
            }
            if (b.liquidatable(s)) {
                liquidatable++;
            }
            oi += b.notional(s);
        }
        RunSummary s = engine.summary();
        return new ReplaySink.MetricsRow(timeMs, prices, engine.funds().totalBalance(), atRisk, liquidatable, oi,
                s.liquidatedNotionalUsd(), s.badDebtUsd());
    }
}
