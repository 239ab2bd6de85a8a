package io.solvent.engine.bench;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.insurance.AdlRanking;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.FundSpec;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.insurance.RankedAdlPolicy;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.DepthCurve;
import io.solvent.engine.liquidity.DepthHistory;
import io.solvent.engine.liquidity.DepthSnapshot;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.model.Market;
import io.solvent.engine.sim.SimulationEngine;
import io.solvent.engine.sim.SimulationListener;

import java.util.List;

/**
 * A quiet tick: one asset's oracle price moves by 0.01 % and back, alternately, through
 * {@link SimulationEngine#onPrice}, one simulated second apart; nobody crosses (the benchmark population opens with
 * no liquidatable sub-account, and 0.01 % does not reach one). Liquidations and cascade feedback are on, as in a
 * replay, so the tick pays for everything a real one would.
 */
public final class QuietTick {
    /** The relative move of each tick: 0.01 %. */
    public static final double MOVE = 1e-4;
    /** Simulated time of the first tick, ms since the Unix epoch, UTC (2025-10-10 00:00). */
    public static final long START_MS = 1_760_054_400_000L;

    private final SimulationEngine engine;
    private final int asset;
    private final double base;
    private long timeMs = START_MS;
    private boolean up;

    /**
     * @param book    the hot state, built with a settlement asset; the engine takes it over
     * @param markets its markets, in book order (their liquidation fees)
     * @param symbol  the asset that ticks
     */
    public QuietTick(MarginBook book, List<Market> markets, String symbol) {
        this.engine = engine(book, markets);
        this.asset = book.assets().indexOf(symbol);
        this.base = book.assets().price(asset);
        engine.sweep(timeMs);
    }

    /**
     * An engine over a book as a replay builds it: linear depth of 2 million USD per 1 % on each side of every
     * market, stressed depth ×0.2, cascade feedback with a one-minute half-life, the default liquidation parameters,
     * a venue-wide insurance fund of 10 million USD, ranked ADL (Binance ranking).
     *
     * @param book    the hot state, built with a settlement asset
     * @param markets its markets, in book order
     * @return the engine
     */
    public static SimulationEngine engine(MarginBook book, List<Market> markets) {
        int n = markets.size();
        MarketLiquidity[] liquidity = new MarketLiquidity[n];
        double[] fees = new double[n];
        DepthHistory depth = DepthHistory.constant(DepthSnapshot.symmetric(0,
                DepthCurve.linear(2_000_000, DepthCurve.DEFAULT_MAX_DISTANCE)));
        for (int m = 0; m < n; m++) {
            liquidity[m] = new MarketLiquidity(markets.get(m).symbol(), new LiquidityParameters(0.2, true, 60_000),
                    depth);
            fees[m] = markets.get(m).liquidationFee();
        }
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", 10_000_000), Math.max(1, n));
        Ledger ledger = new Ledger(new LedgerShape(book.subAccounts().size(), funds.size(), 1, Math.max(1, n),
                funds.size()), LedgerListener.NONE);
        return new SimulationEngine(book, fees, liquidity, LiquidationParameters.DEFAULTS, funds,
                new BankruptcyWaterfall(new RankedAdlPolicy(AdlRanking.BINANCE)), ledger, SimulationListener.NONE);
    }

    /** One tick: the asset moves 0.01 % away from its opening price, or back to it. */
    public void tick() {
        up = !up;
        timeMs += 1_000;
        engine.onPrice(timeMs, asset, up ? base * (1 + MOVE) : base);
    }

    /** @return the liquidations the ticks caused: none, when quiet */
    public long liquidations() {
        return engine.summarySoFar().liquidations();
    }

    /** The same book re-evaluated in full: what a tick costs without any index. */
    public void revalueAll() {
        engine.book().revalueAll();
    }

    /** @return how many sub-accounts are exposed to the ticking asset (re-evaluated by a naive tick) */
    public int exposed() {
        return engine.book().exposureByAsset().count(asset);
    }
}
