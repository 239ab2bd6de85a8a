package io.solvent.engine.sim;

import io.solvent.engine.book.HealthTriggerIndex;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.insurance.Bankruptcy;
import io.solvent.engine.insurance.DeleveragingResult;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeficitPolicy;
import io.solvent.engine.insurance.DeleveragingCandidate;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.DeleveragingFill;
import io.solvent.engine.insurance.InsuranceFund;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.insurance.RankedAdlPolicy;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.PartyKind;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;
import io.solvent.engine.liquidation.CloseFractionCalculator;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.Execution;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.liquidity.TradeSide;
import io.solvent.engine.margin.DynamicMarginCalculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine step of margin-model.md's "Liquidation, insurance fund, deleveraging": given a new oracle price for
 * one asset, it re-evaluates only the sub-accounts exposed to that asset, liquidates the liquidatable ones (most
 * distressed first, ties by index), settles bankruptcies (insurance fund, then the deleveraging policy) and posts
 * every movement of value to the {@link Ledger}, applying it to the {@link MarginBook} at the same time so that the
 * two never disagree. Owned by one thread.
 *
 * <p>Liquidation of a sub-account, position by position (largest notional first, each at most once per step):
 * <ol>
 *   <li>close the fraction {@link CloseFractionCalculator} finds, filled against the market's liquidity, which earlier
 *       fills consumed and which recovers over time ({@link MarketLiquidity}) — but no more than the account can pay
 *       the slippage of out of its equity: the book never takes a position past its bankruptcy price. PnL at the
 *       reference price is settled with the outside market ({@code CLOSE_OUT_PNL}), the slippage cost separately
 *       ({@code SLIPPAGE});</li>
 *   <li>charge {@code liquidationFee × closed notional}, cut to the equity left so that it never turns positive
 *       equity negative (Drift's rule), split {@code liquidatorShare} to the liquidator, the rest to the fund;</li>
 *   <li>what the book cannot take, or every position of an account already bankrupt, is handed over at the mark
 *       ({@link #handOver}); a negative equity left is bad debt, allocated over those positions pro rata by
 *       maintenance requirement, each settled in its own market: the fund pays first, then the policy — ranked ADL
 *       closes the top-ranked opposite positions at the position's own bankruptcy price {@code P_i + D_i/s_i}, within
 *       the market's backstop band, never taking more than a counterparty's equity ({@link #bankruptPerp}).</li>
 * </ol>
 * With cascade feedback on, the consumed book displaces the price seen; the asset's price that accounts see is that of
 * its first market, bounded by the book's backstop. A step repeats (at most {@value #MAX_ROUNDS} rounds) while a round
 * acted on anything, since a displaced price, an ADL fill or a socialized loss can make further sub-accounts
 * liquidatable. Every fill, ADL counterparty and bankruptcy is checked by the {@link PlausibilityMonitor}.
 *
 * <p>A sub-account exposed to an asset whose oracle is paused ({@link #setPaused}: stale under the PAUSE policy) is
 * not liquidated until that price is fresh again.
 *
 * <p>A sub-account still liquidatable with no position left and a debt (a borrow) is liquidated as a lending market
 * does: collateral sold to repay debt under a close factor ({@link #sellCollateral}). A per-step cap (a close factor,
 * a maximum fraction below 1) means a sub-account is liquidated at most once per step; it may stay liquidatable until
 * the next.
 */
public final class SimulationEngine {
    /** Most re-evaluation rounds one price step may take under cascade feedback. */
    public static final int MAX_ROUNDS = 100;
    /** Sub-accounts below this maintenance health factor count as at risk. */
    public static final double AT_RISK_HEALTH_FACTOR = 1.1;
    /**
     * The trigger indexes' move weight of the settlement asset (a stablecoin moves about 1/20 as much as a volatile
     * asset): its boxes are narrow and the volatile assets' wide. Efficiency only; see
     * {@link HealthTriggerIndex#setMoveWeight}.
     */
    static final double SETTLEMENT_MOVE_WEIGHT = 0.05;

    private final MarginBook book;
    private final SubAccountTable subs;
    private final double[] feeRate;
    private final int[] primaryMarket;
    private final MarketLiquidity[] liquidity;
    private final LiquidationParameters params;
    private final InsuranceFunds funds;
    private final BankruptcyWaterfall waterfall;
    private final Ledger ledger;
    private final SimulationListener listener;
    private final double[] oracle;
    private final boolean[] paused;
    private final Execution exec = new Execution();
    private final HandOverParts parts = new HandOverParts();
    private final PlausibilityMonitor plausibility;
    private final int[][] marketsOf;

    private int[] candidates = new int[64];
    private double[] candidateKeys = new double[64];
    private final boolean[] touched;
    private final boolean[] listed;
    private int[] dirty = new int[64];
    private int dirtyCount;
    private final boolean[] capped;
    private int[] cappedList = new int[16];
    private int cappedCount;

    private DynamicMarginCalculator dynamicMargin;
    private io.solvent.engine.margin.DynamicMarginParameters dynamicMarginParameters;
    private long marginChanges;

    private AdlQueues adlQueues;
    private HealthTriggerIndex liquidatableIndex;
    private HealthTriggerIndex atRiskIndex;
    private final boolean[] atRiskStale;
    private final boolean[] marked;
    private int[] markedList = new int[64];
    private int markedCount;
    private final boolean[] pendingFlag;
    private int[] pending = new int[16];
    private int pendingCount;

    private long steps;
    private long liquidations;
    private double liquidatedNotional;
    private long bankruptcies;
    private double badDebt;
    private long deleveragingFills;
    private double deleveragedNotional;
    private double deficit;
    private double maxImbalance;

    /**
     * @param book      the hot state, built with a settlement asset; its prices are the opening oracle prices
     * @param feeRate   each market's liquidation fee (fraction of closed notional), by market index
     * @param liquidity each market's liquidity, by market index
     * @param params    liquidation parameters
     * @param funds     the insurance funds and which backs each market
     * @param waterfall the bankruptcy waterfall with its deleveraging policy
     * @param ledger    the ledger, shaped for this book's sub-accounts, funds and markets, one liquidator
     * @param listener  told of every event
     */
    public SimulationEngine(MarginBook book, double[] feeRate, MarketLiquidity[] liquidity,
                            LiquidationParameters params, InsuranceFunds funds, BankruptcyWaterfall waterfall,
                            Ledger ledger, SimulationListener listener) {
        this.book = book;
        this.subs = book.subAccounts();
        this.feeRate = feeRate.clone();
        this.liquidity = liquidity.clone();
        this.params = params;
        this.funds = funds;
        this.waterfall = waterfall;
        this.ledger = ledger;
        this.listener = listener;
        int assets = book.assets().size();
        this.oracle = new double[assets];
        this.paused = new boolean[assets];
        this.primaryMarket = new int[assets];
        Arrays.fill(primaryMarket, -1);
        for (int m = book.markets().size() - 1; m >= 0; m--) {
            primaryMarket[book.markets().underlying(m)] = m;
        }
        for (int a = 0; a < assets; a++) {
            oracle[a] = book.assets().price(a);
        }
        this.marketsOf = marketsByAsset(book);
        this.plausibility = new PlausibilityMonitor();
        this.touched = new boolean[Math.max(1, subs.positionStart(subs.size()))];
        this.listed = new boolean[subs.size()];
        this.capped = new boolean[subs.size()];
        this.marked = new boolean[subs.size()];
        this.pendingFlag = new boolean[subs.size()];
        this.atRiskStale = new boolean[assets];
        setIndexed(true);
    }

    private SimulationEngine(SimulationEngine o, SimulationListener listener, LiquidationParameters params,
                             LiquidityParameters liquidityParams, BankruptcyWaterfall waterfall,
                             List<io.solvent.engine.model.Asset> assetDefinitions,
                             List<io.solvent.engine.model.Market> marketDefinitions) {
        boolean redefined = assetDefinitions != null;
        this.book = redefined ? o.book.withDefinitions(assetDefinitions, marketDefinitions) : o.book.copy();
        this.subs = book.subAccounts();
        if (redefined) {
            this.feeRate = new double[marketDefinitions.size()];
            for (int m = 0; m < feeRate.length; m++) {
                feeRate[m] = marketDefinitions.get(m).liquidationFee();
            }
        } else {
            this.feeRate = o.feeRate;
        }
        this.primaryMarket = o.primaryMarket;
        this.liquidity = new MarketLiquidity[o.liquidity.length];
        for (int m = 0; m < liquidity.length; m++) {
            liquidity[m] = o.liquidity[m].fork(liquidityParams == null ? o.liquidity[m].parameters() : liquidityParams);
        }
        this.params = params;
        this.funds = o.funds.copy();
        this.waterfall = waterfall;
        this.ledger = o.ledger.copy(LedgerListener.NONE);
        this.listener = listener;
        this.oracle = o.oracle.clone();
        this.paused = o.paused.clone();
        this.marketsOf = o.marketsOf;
        this.plausibility = o.plausibility.copy();
        this.touched = new boolean[o.touched.length];
        this.listed = new boolean[o.listed.length];
        this.capped = new boolean[o.capped.length];
        this.marked = new boolean[o.marked.length];
        this.atRiskStale = o.atRiskStale.clone();
        this.pendingFlag = o.pendingFlag.clone();
        this.pending = o.pending.clone();
        this.pendingCount = o.pendingCount;
        this.liquidatableIndex = o.liquidatableIndex == null || redefined ? null : o.liquidatableIndex.copy(book);
        this.atRiskIndex = o.atRiskIndex == null || redefined ? null : o.atRiskIndex.copy(book);
        this.adlQueues = o.liquidatableIndex == null || redefined ? null : adlQueuesFor(waterfall);
        this.dynamicMargin = o.dynamicMargin == null ? null : o.dynamicMargin.copy();
        this.dynamicMarginParameters = o.dynamicMarginParameters;
        this.marginChanges = o.marginChanges;
        this.steps = o.steps;
        this.liquidations = o.liquidations;
        this.liquidatedNotional = o.liquidatedNotional;
        this.bankruptcies = o.bankruptcies;
        this.badDebt = o.badDebt;
        this.deleveragingFills = o.deleveragingFills;
        this.deleveragedNotional = o.deleveragedNotional;
        this.deficit = o.deficit;
        this.maxImbalance = o.maxImbalance;
        if (redefined && o.liquidatableIndex != null) {
            setIndexed(true); // every requirement may have changed: the trigger boxes are built anew
        }
    }

    /**
     * An independent engine in exactly this state (book, ledger, funds, market impact, oracle prices, counters):
     * a snapshot to seek from, or the start of a fork. Stepping either never affects the other.
     *
     * @param listener told of the copy's events
     * @return the copy
     */
    public SimulationEngine copy(SimulationListener listener) {
        return new SimulationEngine(this, listener, params, null, waterfall, null, null);
    }

    /**
     * A fork: an independent engine in exactly this state that continues under other rules (a what-if from this
     * moment). The original is untouched.
     *
     * @param listener  told of the fork's events
     * @param params    the fork's liquidation parameters
     * @param liquidity the fork's liquidity parameters, for every market
     * @param waterfall the fork's bankruptcy waterfall (its deleveraging policy)
     * @return the fork
     */
    public SimulationEngine fork(SimulationListener listener, LiquidationParameters params,
                                 LiquidityParameters liquidity, BankruptcyWaterfall waterfall) {
        return new SimulationEngine(this, listener, params, liquidity, waterfall, null, null);
    }

    /**
     * A fork under other rules and other market and asset definitions (tiers, liquidation fees, positive-PnL weights,
     * collateral weights, size factors): the book is re-weighed and re-evaluated under them and the trigger indexes
     * are built anew. Nobody is liquidated until the next step; {@link #sweep} liquidates at once those the new
     * definitions leave liquidatable.
     *
     * @param listener          told of the fork's events
     * @param params            the fork's liquidation parameters
     * @param liquidity         the fork's liquidity parameters, for every market
     * @param waterfall         the fork's bankruptcy waterfall
     * @param assetDefinitions  every asset's definition, in the book's order
     * @param marketDefinitions every market's definition, in the book's order
     * @return the fork
     */
    public SimulationEngine fork(SimulationListener listener, LiquidationParameters params,
                                 LiquidityParameters liquidity, BankruptcyWaterfall waterfall,
                                 List<io.solvent.engine.model.Asset> assetDefinitions,
                                 List<io.solvent.engine.model.Market> marketDefinitions) {
        return new SimulationEngine(this, listener, params, liquidity, waterfall,
                java.util.Objects.requireNonNull(assetDefinitions, "assetDefinitions"),
                java.util.Objects.requireNonNull(marketDefinitions, "marketDefinitions"));
    }

    /**
     * One step: a new oracle price for an asset, then every liquidation and bankruptcy it causes.
     *
     * @param timeMs     simulated time, ms since the Unix epoch, UTC, non-decreasing
     * @param asset      dense index of the asset
     * @param oracleUsd  its new oracle price, USD per unit, finite and {@code > 0}
     */
    public void onPrice(long timeMs, int asset, double oracleUsd) {
        onPrice(timeMs, asset, oracleUsd, 0);
    }

    /**
     * One step with a price whose confidence is too wide to trust as a point: every exposure to the asset is valued
     * on its conservative side, {@code P ∓ c} ({@link MarginBook#setSpread}). A change of c re-evaluates every
     * sub-account exposed to the asset before the step looks for liquidations, as a margin change does.
     *
     * @param timeMs     simulated time, ms since the Unix epoch, UTC, non-decreasing
     * @param asset      dense index of the asset
     * @param oracleUsd  its new oracle price P, USD per unit, finite and {@code > 0}
     * @param halfSpread c, USD per unit, {@code 0 <= c < P} (0: valued at P)
     */
    public void onPrice(long timeMs, int asset, double oracleUsd, double halfSpread) {
        onPrice(timeMs, asset, oracleUsd, halfSpread, paused[asset]);
    }

    /**
     * One step with a price that carries its oracle's pause state: liquidations on the asset are paused (or resumed)
     * before this step looks for them, so the first fresh price after a stale spell liquidates at once.
     *
     * @param timeMs     simulated time, ms since the Unix epoch, UTC, non-decreasing
     * @param asset      dense index of the asset
     * @param oracleUsd  its new oracle price P, USD per unit, finite and {@code > 0}
     * @param halfSpread c, USD per unit, {@code 0 <= c < P} (0: valued at P)
     * @param pause      whether liquidations on the asset are paused with this price ({@link #setPaused})
     */
    public void onPrice(long timeMs, int asset, double oracleUsd, double halfSpread, boolean pause) {
        paused[asset] = pause;
        steps++;
        oracle[asset] = oracleUsd;
        if (halfSpread != book.spread(asset)) {
            book.setPrice(asset, oracleUsd);
            book.setSpread(asset, halfSpread);
            reboxExposed(asset);
        }
        for (int m : marketsOf[asset]) {
            liquidity[m].observe(oracleUsd, timeMs); // the stressed regime follows the oracle price
        }
        if (dynamicMargin != null && dynamicMargin.observe(asset, timeMs, oracleUsd)) {
            changeMargin(timeMs, asset, dynamicMargin.multiplier(asset)); // the exposed are re-evaluated below
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double seen = seenPrice(asset, timeMs);
            book.setPrice(asset, seen);
            if (adlQueues != null) {
                adlQueues.pricesChanged();
            }
            int n = liquidatableIndex == null ? collectExposed(asset) : collectTriggered(asset, seen);
            if (liquidateCandidates(n, timeMs) == 0) {
                break; // otherwise look again: fills may have moved the price, and ADL or socialized losses may have
                       // made counterparties liquidatable
            }
        }
        if (liquidatableIndex != null) {
            for (int i = 0; i < dirtyCount; i++) { // touched in a last round that hit MAX_ROUNDS
                book.revalue(dirty[i]);
                refresh(dirty[i]);
            }
        }
        dirtyCount = 0;
        endStep();
    }

    /**
     * Chooses how a price step finds the sub-accounts to look at. Indexed (the default): only those whose
     * {@link HealthTriggerIndex} box the price left, those left liquidatable and exposed, and those touched — a quiet
     * tick evaluates nobody. Not indexed: every sub-account exposed to the asset is re-evaluated, the plain way, kept
     * as the reference the indexed engine is tested and measured against. Both choose the same candidates, so a run
     * is the same either way, bit for bit.
     *
     * @param indexed whether to use the trigger index
     */
    public void setIndexed(boolean indexed) {
        if (indexed == (liquidatableIndex != null)) {
            return;
        }
        if (!indexed) {
            liquidatableIndex = null;
            atRiskIndex = null;
            adlQueues = null;
            book.revalueAll();
            return;
        }
        adlQueues = adlQueuesFor(waterfall);
        book.revalueAll();
        double[] weights = new double[oracle.length];
        Arrays.fill(weights, 1.0);
        if (subs.size() > 0 && subs.settlementSlot(0) >= 0) {
            weights[subs.balanceAsset(subs.settlementSlot(0))] = SETTLEMENT_MOVE_WEIGHT;
        }
        liquidatableIndex = new HealthTriggerIndex(book, 1, weights);
        atRiskIndex = new HealthTriggerIndex(book, AT_RISK_HEALTH_FACTOR, weights);
        Arrays.fill(atRiskStale, false);
        rebuildPending();
    }

    private static int[][] marketsByAsset(MarginBook book) {
        int assets = book.assets().size();
        int[] counts = new int[assets];
        for (int m = 0; m < book.markets().size(); m++) {
            counts[book.markets().underlying(m)]++;
        }
        int[][] out = new int[assets][];
        for (int a = 0; a < assets; a++) {
            out[a] = new int[counts[a]];
            counts[a] = 0;
        }
        for (int m = 0; m < book.markets().size(); m++) {
            int a = book.markets().underlying(m);
            out[a][counts[a]++] = m;
        }
        return out;
    }

    private AdlQueues adlQueuesFor(BankruptcyWaterfall w) {
        return w.policy() instanceof RankedAdlPolicy ranked ? new AdlQueues(book, ranked.ranking()) : null;
    }

    /** @return whether price steps use the trigger index ({@link #setIndexed}) */
    public boolean indexed() {
        return liquidatableIndex != null;
    }

    private void rebuildPending() {
        for (int i = 0; i < pendingCount; i++) {
            pendingFlag[pending[i]] = false;
        }
        pendingCount = 0;
        for (int s = 0; s < subs.size(); s++) {
            if (liquidatableIndex.negative(s)) {
                addPending(s);
            }
        }
    }

    private void addPending(int sub) {
        if (pendingFlag[sub]) {
            return;
        }
        pendingFlag[sub] = true;
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, 2 * pendingCount);
        }
        pending[pendingCount++] = sub;
    }

    /** Re-boxes a freshly evaluated sub-account in both indexes and keeps the liquidatable ones pending. */
    private void refresh(int sub) {
        liquidatableIndex.refresh(sub);
        atRiskIndex.refresh(sub);
        if (liquidatableIndex.negative(sub)) {
            addPending(sub);
        }
    }

    private void mark(int sub) {
        if (marked[sub]) {
            return;
        }
        marked[sub] = true;
        if (markedCount == markedList.length) {
            markedList = Arrays.copyOf(markedList, 2 * markedCount);
        }
        markedList[markedCount++] = sub;
    }

    /**
     * The indexed collection: the sub-accounts the price move triggered in either index, those left liquidatable
     * that are exposed to the asset, and those touched — each re-evaluated once and re-boxed — of which the
     * liquidatable are the candidates.
     */
    private int collectTriggered(int asset, double price) {
        int k = liquidatableIndex.collect(asset, price);
        for (int i = 0; i < k; i++) {
            mark(liquidatableIndex.triggered(i));
        }
        atRiskStale[asset] = true; // the at-risk count catches up when it is read (atRiskCount)
        int kept = 0;
        for (int i = 0; i < pendingCount; i++) {
            int s = pending[i];
            if (!liquidatableIndex.negative(s)) {
                pendingFlag[s] = false; // healthy again since it was listed
                continue;
            }
            pending[kept++] = s;
            if (liquidatableIndex.exposed(s, asset)) {
                mark(s);
            }
        }
        pendingCount = kept;
        for (int i = 0; i < dirtyCount; i++) {
            mark(dirty[i]);
        }
        int n = 0;
        for (int i = 0; i < markedCount; i++) {
            int s = markedList[i];
            marked[s] = false;
            book.revalue(s);
            refresh(s);
            n = consider(s, n);
        }
        markedCount = 0;
        endCollect(n);
        return n;
    }

    /** Lifts the per-step caps and checks the ledger. */
    private void endStep() {
        for (int i = 0; i < cappedCount; i++) {
            capped[cappedList[i]] = false;
        }
        cappedCount = 0;
        maxImbalance = Math.max(maxImbalance, ledger.checkStep());
    }

    /** Marks a sub-account as done for this step: its per-step cap (close factor, maximum fraction) is used up. */
    private void cap(int sub) {
        if (capped[sub]) {
            return;
        }
        capped[sub] = true;
        if (cappedCount == cappedList.length) {
            cappedList = Arrays.copyOf(cappedList, 2 * cappedCount);
        }
        cappedList[cappedCount++] = sub;
    }

    /**
     * Turns dynamic (volatility-scaled) margin on with a calculator, or off with null: off, every multiplier returns
     * to 1 and every sub-account is re-evaluated (liquidations wait for the next step or sweep). A fork may switch
     * it either way; the calculator's measured volatility carries on from its own state.
     *
     * @param calculator the calculator, in the state to continue from, or null
     */
    public void setDynamicMargin(DynamicMarginCalculator calculator) {
        setDynamicMargin(calculator, null);
    }

    /**
     * As {@link #setDynamicMargin(DynamicMarginCalculator)}, remembering the parameters the calculator was made with.
     *
     * @param calculator the calculator, or null
     * @param parameters its parameters, or null
     */
    public void setDynamicMargin(DynamicMarginCalculator calculator,
                                 io.solvent.engine.margin.DynamicMarginParameters parameters) {
        this.dynamicMargin = calculator;
        this.dynamicMarginParameters = calculator == null ? null : parameters;
        boolean changed = false;
        for (int a = 0; a < oracle.length; a++) {
            double m = calculator == null ? 1 : calculator.multiplier(a);
            if (book.marginMultiplier(a) != m) {
                book.setMarginMultiplier(a, m);
                changed = true;
            }
        }
        if (changed) {
            book.revalueAll();
            if (adlQueues != null) {
                adlQueues.pricesChanged();
            }
            if (liquidatableIndex != null) {
                liquidatableIndex.rebuild();
                atRiskIndex.rebuild();
                rebuildPending();
            }
        }
    }

    /** @return the parameters dynamic margin was turned on with, or null */
    public io.solvent.engine.margin.DynamicMarginParameters dynamicMarginParameters() {
        return dynamicMarginParameters;
    }

    /** @return the dynamic margin calculator, or null when dynamic margin is off */
    public DynamicMarginCalculator dynamicMargin() {
        return dynamicMargin;
    }

    private void changeMargin(long timeMs, int asset, double to) {
        double from = book.marginMultiplier(asset);
        book.setMarginMultiplier(asset, to);
        reboxExposed(asset); // every requirement on the asset changed
        marginChanges++;
        listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.MARGIN_CHANGE, -1, primaryMarket[asset], 0,
                oracle[asset], 0, 0, String.format(java.util.Locale.ROOT,
                        "%s margin x%.2f -> x%.2f (volatility %.0f%% annualised)", book.assets().symbol(asset), from,
                        to, 100 * dynamicMargin.volatility(asset))));
    }

    /**
     * After a change that moves every exposed sub-account's figures at once (a margin multiplier, a spread): the ADL
     * queues are stale, and every sub-account exposed to the asset is re-evaluated and re-boxed.
     */
    private void reboxExposed(int asset) {
        if (adlQueues != null) {
            adlQueues.pricesChanged();
        }
        if (liquidatableIndex != null) {
            int n = book.exposureByAsset().count(asset);
            for (int i = 0; i < n; i++) {
                int s = book.exposureByAsset().member(asset, i);
                book.revalue(s);
                refresh(s);
            }
        }
    }

    /** @return how many times dynamic margin changed a multiplier */
    public long marginChanges() {
        return marginChanges;
    }

    /**
     * Pauses or resumes liquidations that depend on an asset's price: under the oracle's PAUSE staleness policy a
     * stale price liquidates nobody (a sub-account exposed to a paused asset is left until its price is fresh).
     *
     * @param asset  dense index of the asset
     * @param pause  true while its oracle does not allow liquidations
     */
    public void setPaused(int asset, boolean pause) {
        paused[asset] = pause;
    }

    /** @param asset dense index @return whether liquidations on it are paused (its price is stale under pause) */
    public boolean paused(int asset) {
        return paused[asset];
    }

    private boolean exposedToPaused(int sub) {
        for (int b = subs.balanceStart(sub); b < subs.balanceStart(sub + 1); b++) {
            if (paused[subs.balanceAsset(b)] && subs.balanceUnits(b) != 0) {
                return true;
            }
        }
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            if (subs.positionSize(p) != 0 && paused[book.markets().underlying(subs.positionMarket(p))]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Re-evaluates every sub-account and liquidates every liquidatable one: at the start of a run (a book may open
     * with sub-accounts already under water) and after a parameter change. Counts as a step.
     *
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public void sweep(long timeMs) {
        steps++;
        book.revalueAll();
        if (adlQueues != null) {
            adlQueues.pricesChanged();
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int n = 0;
            for (int s = 0; s < subs.size(); s++) { // every sub-account, the ones touched last round included
                n = consider(s, n);
            }
            endCollect(n);
            if (liquidateCandidates(n, timeMs) == 0) {
                break;
            }
        }
        dirtyCount = 0;
        if (liquidatableIndex != null) {
            book.revalueAll();
            liquidatableIndex.rebuild();
            atRiskIndex.rebuild();
            rebuildPending();
        }
        endStep();
    }

    private double seenPrice(int asset, long timeMs) {
        int m = primaryMarket[asset];
        return m < 0 ? oracle[asset] : liquidity[m].price(oracle[asset], timeMs);
    }

    /**
     * The plain collection: every sub-account exposed to an asset re-evaluated; the liquidatable ones, and those a
     * transfer of this step touched elsewhere (ADL counterparties and socialized holders in other markets), most
     * distressed first (lowest health factor, then index).
     */
    private int collectExposed(int asset) {
        book.revalueExposedTo(asset);
        int n = 0;
        int exposed = book.exposureByAsset().count(asset);
        for (int i = 0; i < exposed; i++) {
            n = consider(book.exposureByAsset().member(asset, i), n);
        }
        for (int i = 0; i < dirtyCount; i++) {
            n = consider(dirty[i], n);
        }
        endCollect(n);
        return n;
    }

    /** Clears the marks of a collection, forgets the touched sub-accounts, and orders the candidates. */
    private void endCollect(int n) {
        for (int i = 0; i < n; i++) {
            listed[candidates[i]] = false;
        }
        dirtyCount = 0;
        sortByKeyThenIndex(n);
    }

    /**
     * @return how many candidates were acted on (a fill, a collateral sale or a bankruptcy); a liquidatable sub-account
     *         with nothing the engine can close or sell is not, so that it cannot keep a step looping
     */
    private int liquidateCandidates(int n, long timeMs) {
        int acted = 0;
        for (int i = 0; i < n; i++) {
            if (book.liquidatable(candidates[i]) && liquidate(candidates[i], timeMs)) { // may have changed since listed
                acted++;
            }
        }
        return acted;
    }

    private int consider(int sub, int n) {
        if (listed[sub] || capped[sub] || !book.liquidatable(sub) || exposedToPaused(sub)) {
            return n;
        }
        listed[sub] = true;
        if (n == candidates.length) {
            candidates = Arrays.copyOf(candidates, 2 * n);
            candidateKeys = Arrays.copyOf(candidateKeys, 2 * n);
        }
        candidates[n] = sub;
        candidateKeys[n] = book.maintenanceHealthFactor(sub);
        return n + 1;
    }

    private void sortByKeyThenIndex(int n) {
        for (int i = 1; i < n; i++) { // insertion sort: stable, allocation-free, few candidates per step
            int sub = candidates[i];
            double key = candidateKeys[i];
            int j = i - 1;
            while (j >= 0 && (candidateKeys[j] > key || candidateKeys[j] == key && candidates[j] > sub)) {
                candidates[j + 1] = candidates[j];
                candidateKeys[j + 1] = candidateKeys[j];
                j--;
            }
            candidates[j + 1] = sub;
            candidateKeys[j + 1] = key;
        }
    }

    /** @return whether anything was closed or settled */
    private boolean liquidate(int sub, long timeMs) {
        addDirty(sub); // whatever happens, its figures change: look at it again next round
        int first = subs.positionStart(sub);
        int end = subs.positionStart(sub + 1);
        boolean closedAny = false;
        boolean handOver = false;
        for (int attempt = first; attempt < end && book.liquidatable(sub); attempt++) {
            int p = largestUntouched(first, end);
            if (p < 0) {
                break;
            }
            touched[p] = true;
            int m = subs.positionMarket(p);
            int asset = book.markets().underlying(m);
            double size = subs.positionSize(p);
            double x = CloseFractionCalculator.fraction(book, sub, p, oracle[asset], liquidity[m], feeRate[m], params,
                    timeMs);
            double closed = x * size;
            TradeSide side = TradeSide.closing(size);
            double notional = Math.abs(closed) * liquidity[m].price(oracle[asset], timeMs);
            // the book takes no more than what leaves the account solvent: a liquidation never fills past the
            // position's bankruptcy price (Binance's IOC at the bankruptcy price, dYdX's fillable price); the rest is
            // handed over below
            double affordable = affordableNotional(m, side, notional, Math.max(0, book.equity(sub)), timeMs);
            if (affordable < notional) {
                handOver = true;
                if (!(affordable > 1e-9 * notional)) {
                    break;
                }
                closed *= affordable / notional;
                x = closed / size;
                notional = affordable;
            }
            liquidity[m].execute(side, notional, oracle[asset], timeMs, exec);
            plausibility.checkFill(timeMs, sub, m, exec.fillPrice(), oracle[asset], bandOf(m, side, timeMs));
            double pnlAtReference = closed * (exec.referencePrice() - subs.positionEntry(p));
            if (pnlAtReference > 0) {
                transfer(timeMs, pnlAtReference, Parties.outsideMarket(m), Parties.subAccount(sub),
                        TransferReason.CLOSE_OUT_PNL);
            } else if (pnlAtReference < 0) {
                transfer(timeMs, -pnlAtReference, Parties.subAccount(sub), Parties.outsideMarket(m),
                        TransferReason.CLOSE_OUT_PNL);
            }
            if (exec.slippageCostUsd() > 0) {
                transfer(timeMs, exec.slippageCostUsd(), Parties.subAccount(sub), Parties.outsideMarket(m),
                        TransferReason.SLIPPAGE);
            }
            book.setPositionSize(p, x == 1.0 ? 0 : size - closed);
            book.revalue(sub);
            double fee = Math.min(feeRate[m] * notional, Math.max(0, book.equity(sub)));
            chargeFee(sub, m, fee, timeMs);
            book.revalue(sub);
            liquidations++;
            liquidatedNotional += notional;
            closedAny = true;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.LIQUIDATION, sub, m, closed,
                    exec.fillPrice(), notional, fee, x == 1.0 ? "closed" : "partial " + x));
            if (handOver) {
                break;
            }
        }
        for (int p = first; p < end; p++) {
            touched[p] = false;
        }
        if (closedAny && params.capsPerStep()) {
            cap(sub);
        }
        if (hasOpenPosition(sub) && book.liquidatable(sub) && (handOver || book.equity(sub) < 0)) {
            handOver(sub, timeMs);
            return true;
        }
        boolean acted = closedAny;
        if (book.liquidatable(sub) && !hasOpenPosition(sub) && !capped[sub] && sellCollateral(sub, timeMs)) {
            acted = true;
            cap(sub);
        }
        if (!hasOpenPosition(sub) && book.equity(sub) < 0 && largestCollateral(sub, -1) < 0) {
            bankruptLending(sub, timeMs); // nothing left to close, nothing left to sell
            return true;
        }
        return acted;
    }

    /**
     * @return the largest notional, at most {@code notional}, whose slippage against the market's book costs no more
     *         than {@code equityUsd}: what the book may take before the account would be bankrupt (bisection on the
     *         non-decreasing cost {@code q · slippage(q)})
     */
    private double affordableNotional(int m, TradeSide side, double notional, double equityUsd, long timeMs) {
        if (!(equityUsd > 0)) {
            return 0; // already bankrupt: its positions go to the waterfall, not to the book
        }
        if (notional * liquidity[m].slippage(side, notional, timeMs) <= equityUsd) {
            return notional;
        }
        double lo = 0;
        double hi = notional;
        for (int i = 0; i < 60; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid * liquidity[m].slippage(side, mid, timeMs) <= equityUsd) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The hand-over of a liquidated sub-account whose positions the book cannot take without leaving it bankrupt (or
     * that a gap already left with negative equity): as Binance's insurance fund and Hyperliquid's backstop take a
     * position over at its bankruptcy price, every open position is closed at the price seen (the mark) and the
     * sub-account's deficit, if any, goes through the bankruptcy waterfall position by position ({@link
     * #bankruptPerp}): ranked ADL then closes opposite positions at each position's own bankruptcy price, with the
     * position's whole size to match. Each hand-over is a {@code liquidation} row at the mark, "handed over".
     */
    private void handOver(int sub, long timeMs) {
        parts.clear();
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            double size = subs.positionSize(p);
            if (size == 0) {
                continue;
            }
            int m = subs.positionMarket(p);
            double mark = book.assets().price(book.markets().underlying(m));
            parts.add(m, size, mark, book.positionMaintenanceRequirement(p));
            double pnl = size * (mark - subs.positionEntry(p));
            if (pnl > 0) {
                transfer(timeMs, pnl, Parties.outsideMarket(m), Parties.subAccount(sub), TransferReason.CLOSE_OUT_PNL);
            } else if (pnl < 0) {
                transfer(timeMs, -pnl, Parties.subAccount(sub), Parties.outsideMarket(m),
                        TransferReason.CLOSE_OUT_PNL);
            }
            book.setPositionSize(p, 0);
        }
        book.revalue(sub);
        double deficitUsd = Math.max(0, -book.equity(sub));
        if (deficitUsd > 0 && deficitUsd <= 1e-9 * Math.max(1, parts.totalNotional())) {
            // the book took exactly what left it solvent: what remains below zero is rounding, written off as bad debt
            badDebt += writeOffResidue(sub, funds.forMarket(parts.market(0)), parts.totalNotional(), timeMs);
            deficitUsd = 0;
        }
        for (int i = 0; i < parts.count(); i++) {
            double notional = parts.notional(i);
            liquidations++;
            liquidatedNotional += notional;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.LIQUIDATION, sub, parts.market(i),
                    parts.closedSize(i), parts.mark(i), notional, 0, deficitUsd > 0
                            ? "handed over at the mark, to the bankruptcy waterfall"
                            : "handed over at the mark, solvent"));
        }
        if (deficitUsd > 0) {
            bankruptPerp(sub, timeMs);
        }
    }

    /**
     * @return the plausibility band of a market's fills on one side: the backstop distance of the side of its book in
     *         force that the trade consumes (no fill of the book is further from the oracle price)
     */
    private double bandOf(int market, TradeSide side, long timeMs) {
        return liquidity[market].book(timeMs).consumedBy(side).maxDistance();
    }

    /**
     * A lending liquidation (margin-model.md rule 3, as Aave does it): repays part of the sub-account's largest debt
     * — the close factor's share, all of it at or below {@code fullCloseHealthFactor} or when the rest would be dust —
     * by selling its collateral, riskiest first (lowest maintenance weight, then asset index), each sale against the
     * collateral's market with its own slippage, and buying the debt asset against its market. The lending bonus
     * ({@code lendingBonus} × debt repaid, cut so it never turns positive equity negative) is split between the
     * liquidator and the insurance fund like a liquidation fee. An asset without a market trades at its oracle price.
     *
     * @return whether anything was sold
     */
    private boolean sellCollateral(int sub, long timeMs) {
        int debtSlot = largestDebt(sub);
        if (debtSlot < 0) {
            return false;
        }
        int d = subs.balanceAsset(debtSlot);
        double debtRef = seenPrice(d, timeMs);
        double debtUsd = -subs.balanceUnits(debtSlot) * debtRef;
        double hf = book.maintenanceHealthFactor(sub);
        double target = (hf <= params.fullCloseHealthFactor() ? 1 : params.closeFactor()) * debtUsd;
        if (debtUsd - target < params.dustNotionalUsd()) {
            target = debtUsd;
        }
        double remaining = target;
        double bonus = params.lendingBonus();
        boolean sold = false;
        for (int c = largestCollateral(sub, debtSlot); c >= 0 && remaining > 0; c = largestCollateral(sub, debtSlot)) {
            int asset = subs.balanceAsset(c);
            int mc = primaryMarket[asset];
            int md = primaryMarket[d];
            double ref = seenPrice(asset, timeMs);
            double value = subs.balanceUnits(c) * ref;
            if (!(value > 0)) {
                break;
            }
            double allProceeds = value * (1 - slippage(mc, TradeSide.SELL, value, timeMs));
            double sale;
            double repay;
            if (allProceeds >= need(md, remaining, bonus, timeMs)) {
                repay = remaining;
                sale = solveSale(mc, need(md, remaining, bonus, timeMs), value, timeMs);
            } else {
                sale = value;
                repay = solveRepay(md, allProceeds, remaining, bonus, timeMs);
            }
            // the sale: collateral out at the reference price, cash in, the slippage to the outside market
            double slip = 0;
            if (mc >= 0) {
                liquidity[mc].execute(TradeSide.SELL, sale, oracle[asset], timeMs, exec);
                slip = exec.slippageCostUsd();
            }
            double fill = (sale - slip) / (sale / ref);
            if (mc >= 0) {
                plausibility.checkFill(timeMs, sub, mc, fill, oracle[asset], bandOf(mc, TradeSide.SELL, timeMs));
            }
            double unitsSold = sale == value ? subs.balanceUnits(c) : sale / ref;
            book.setBalanceUnits(c, sale == value ? 0 : subs.balanceUnits(c) - unitsSold);
            book.settle(sub, sale);
            if (slip > 0) {
                transfer(timeMs, slip, Parties.subAccount(sub), Parties.outsideMarket(mc), TransferReason.SLIPPAGE);
            }
            // the purchase of the debt asset, at its reference price plus slippage, repaying the debt
            double buySlip = 0;
            if (md >= 0 && d != subs.balanceAsset(subs.settlementSlot(sub))) {
                liquidity[md].execute(TradeSide.BUY, repay, oracle[d], timeMs, exec);
                buySlip = exec.slippageCostUsd();
            }
            if (debtSlot != subs.settlementSlot(sub)) {
                double units = subs.balanceUnits(debtSlot) + repay / debtRef;
                book.setBalanceUnits(debtSlot, repay >= remaining && target == debtUsd ? 0 : Math.min(0, units));
                book.settle(sub, -repay);
            }
            if (buySlip > 0) {
                transfer(timeMs, buySlip, Parties.subAccount(sub), Parties.outsideMarket(md), TransferReason.SLIPPAGE);
            }
            book.revalue(sub);
            double fee = Math.min(bonus * repay, Math.max(0, book.equity(sub)));
            chargeFee(sub, mc >= 0 ? mc : Math.max(0, md), fee, timeMs);
            book.revalue(sub);
            if (debtSlot == subs.settlementSlot(sub)) {
                repay = sale - slip - fee; // the cash raised is the settlement balance: all of it repays the debt
            }
            remaining -= repay;
            sold = true;
            liquidations++;
            liquidatedNotional += sale;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.COLLATERAL_SALE, sub, mc, -unitsSold,
                    fill, repay, fee, "repaid " + book.assets().symbol(d) + " with " + book.assets().symbol(asset)));
            if (remaining <= params.dustNotionalUsd() * 1e-9) {
                break;
            }
        }
        return sold;
    }

    /** @return the cash, USD, a sale must raise to repay {@code repay} USD of debt and its bonus */
    private double need(int debtMarket, double repay, double bonus, long timeMs) {
        return repay * (1 + slippage(debtMarket, TradeSide.BUY, repay, timeMs)) + bonus * repay;
    }

    private double slippage(int market, TradeSide side, double notional, long timeMs) {
        return market < 0 || notional == 0 ? 0 : liquidity[market].slippage(side, notional, timeMs);
    }

    /** @return the notional to sell, USD at the reference price, whose proceeds after slippage are {@code cash} */
    private double solveSale(int market, double cash, double value, long timeMs) {
        if (market < 0) {
            return Math.min(cash, value);
        }
        double lo = cash;
        double hi = value;
        for (int i = 0; i < 100 && lo < hi; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            if (mid * (1 - slippage(market, TradeSide.SELL, mid, timeMs)) < cash) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** @return the debt, USD, that {@code cash} repays with its bonus and the purchase's slippage */
    private double solveRepay(int debtMarket, double cash, double most, double bonus, long timeMs) {
        double lo = 0;
        double hi = Math.min(most, cash / (1 + bonus));
        for (int i = 0; i < 100 && lo < hi; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            if (need(debtMarket, mid, bonus, timeMs) <= cash) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the balance slot of the sub-account's largest debt by value (ties: lower slot), or −1 */
    private int largestDebt(int sub) {
        int best = -1;
        double bestUsd = 0;
        for (int b = subs.balanceStart(sub); b < subs.balanceStart(sub + 1); b++) {
            double usd = -subs.balanceUnits(b) * book.assets().price(subs.balanceAsset(b));
            if (usd > bestUsd) {
                best = b;
                bestUsd = usd;
            }
        }
        return best;
    }

    /**
     * @return the balance slot of the riskiest collateral other than {@code except}: the lowest maintenance weight,
     *         ties by lower asset index; −1 when none is left
     */
    private int largestCollateral(int sub, int except) {
        int best = -1;
        for (int b = subs.balanceStart(sub); b < subs.balanceStart(sub + 1); b++) {
            if (b == except || !(subs.balanceUnits(b) > 0)) {
                continue;
            }
            if (best < 0 || riskier(subs.balanceAsset(b), subs.balanceAsset(best))) {
                best = b;
            }
        }
        return best;
    }

    private boolean riskier(int a, int than) {
        double wa = book.assets().asset(a).maintenanceWeight();
        double wb = book.assets().asset(than).maintenanceWeight();
        return wa < wb || wa == wb && a < than;
    }

    /** @return the price of a lending bankruptcy's largest debt asset (1 when it owes nothing but the residue) */
    private double lendingMark(int sub) {
        int debt = largestDebt(sub);
        return debt < 0 ? 1 : oracle[subs.balanceAsset(debt)];
    }

    /** @return the market a lending bankruptcy is filed under: its largest debt's market, else market 0 */
    private int lendingMarket(int sub) {
        int debt = largestDebt(sub);
        int m = debt < 0 ? -1 : primaryMarket[subs.balanceAsset(debt)];
        return Math.max(0, m);
    }

    /** Charges a liquidation fee, split between the liquidator and the fund backing the market. */
    private void chargeFee(int sub, int market, double fee, long timeMs) {
        double toLiquidator = fee * params.liquidatorShare();
        double toFund = fee - toLiquidator;
        if (toLiquidator > 0) {
            transfer(timeMs, toLiquidator, Parties.subAccount(sub), Parties.liquidator(0),
                    TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR);
        }
        if (toFund > 0) {
            InsuranceFund fund = funds.forMarket(market);
            fund.receive(timeMs, toFund);
            transfer(timeMs, toFund, Parties.subAccount(sub), fund.party(), TransferReason.LIQUIDATION_FEE_TO_FUND);
        }
    }

    private int largestUntouched(int first, int end) {
        int best = -1;
        double bestNotional = 0;
        for (int p = first; p < end; p++) {
            double size = subs.positionSize(p);
            if (touched[p] || size == 0) {
                continue;
            }
            double n = Math.abs(size) * oracle[book.markets().underlying(subs.positionMarket(p))];
            if (best < 0 || n > bestNotional) {
                best = p;
                bestNotional = n;
            }
        }
        return best;
    }

    private boolean hasOpenPosition(int sub) {
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            if (subs.positionSize(p) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Settles a perpetual bankruptcy: a sub-account whose open positions were handed over ({@link #handOver}, held in
     * {@link #parts}) with negative equity {@code D}. As dYdX allocates an account's equity to its positions pro rata by
     * maintenance requirement, the deficit is allocated over those positions, {@code D_i = D · w_i / Σw} (w_i: the
     * position's maintenance requirement at the mark; by notional if every w is 0). The insurance fund backing each
     * position's market pays its share first (a fund short of the whole pays each share pro rata). What it cannot pay,
     * {@code S_i}, goes to the deleveraging policy in that position's market, as a bankruptcy of its own: ranked ADL
     * closes opposite positions at that position's own bankruptcy price {@code P_i + S_i / s_i} (s_i: the position's
     * size, P_i: the mark). That price is kept within the market's backstop band {@code |S_i / (s_i·P_i)| <= maxDistance} of
     * the side the counterparties trade; what the band cannot carry is recorded deficit.
     */
    private void bankruptPerp(int sub, long timeMs) {
        double deficitUsd = -book.equity(sub);
        int n = parts.count();
        double totalWeight = parts.totalWeight();
        boolean byNotional = !(totalWeight > 0);
        int main = parts.largest(byNotional);
        int mainMarket = parts.market(main);
        InsuranceFund mainFund = funds.forMarket(mainMarket);
        bankruptcies++;
        badDebt += deficitUsd;
        plausibility.checkBankruptcy(timeMs, sub, deficitUsd);
        listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.BANKRUPTCY, sub, mainMarket, 0,
                parts.mark(main), deficitUsd, 0, waterfall.policy().name()));
        double allocated = 0;
        for (int i = 0; i < n; i++) {
            double share = i == n - 1 ? deficitUsd - allocated
                    : deficitUsd * (byNotional ? parts.notional(i) / parts.totalNotional()
                    : parts.weight(i) / totalWeight);
            share = Math.max(0, Math.min(share, deficitUsd - allocated));
            parts.setShare(i, share);
            allocated += share;
        }
        // each fund pays its markets' shares, pro rata when it cannot pay them all
        for (int i = 0; i < n; i++) {
            InsuranceFund fund = funds.forMarket(parts.market(i));
            if (parts.paidOf(i) >= 0) {
                continue; // settled with an earlier share of the same fund
            }
            double owed = 0;
            for (int j = i; j < n; j++) {
                if (funds.forMarket(parts.market(j)) == fund) {
                    owed += parts.share(j);
                }
            }
            double paid = owed > 0 ? fund.pay(timeMs, owed) : 0;
            double given = 0;
            int lastOfFund = -1;
            for (int j = i; j < n; j++) {
                if (funds.forMarket(parts.market(j)) == fund) {
                    lastOfFund = j;
                }
            }
            for (int j = i; j < n; j++) {
                if (funds.forMarket(parts.market(j)) == fund) {
                    double pj = j == lastOfFund ? paid - given : owed > 0 ? paid * parts.share(j) / owed : 0;
                    pj = Math.max(0, Math.min(pj, parts.share(j)));
                    parts.setPaid(j, pj);
                    given += pj;
                }
            }
            if (paid > 0) {
                transfer(timeMs, paid, fund.party(), Parties.subAccount(sub), TransferReason.BAD_DEBT_PAYOUT);
                listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.FUND_PAYMENT, sub, mainMarket, 0,
                        Double.NaN, paid, 0, fund.name()));
            }
        }
        double recordedTotal = 0;
        for (int i = 0; i < n; i++) {
            int m = parts.market(i);
            double size = parts.closedSize(i);
            double mark = parts.mark(i);
            double shortfall = parts.share(i) - parts.paidOf(i);
            if (!(shortfall > 0)) {
                continue;
            }
            InsuranceFund fund = funds.forMarket(m);
            TradeSide counterpartySide = TradeSide.closing(-size);
            double band = bandOf(m, counterpartySide, timeMs);
            double carried = Math.min(shortfall, band * Math.abs(size) * mark);
            double beyond = shortfall - carried;
            Bankruptcy b = new Bankruptcy(sub, m, fund.key(), size, mark, carried);
            DeleveragingResult r;
            if (adlQueues != null && size != 0) { // the kept queue, in order: no full ranking
                r = ((RankedAdlPolicy) waterfall.policy()).deleverage(b, carried,
                        adlQueues.queue(m, -Math.signum(size), mark, sub));
                adlQueues.putBack();
            } else {
                r = waterfall.policy().deleverage(b, carried, deleveragingCandidates(sub, m, size));
            }
            for (Transfer t : r.transfers()) {
                transfer(timeMs, t.amountUsd(), t.from(), t.to(), t.reason());
                if (t.reason() == TransferReason.SOCIALIZED_LOSS) {
                    listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.SOCIALIZED_LOSS,
                            Parties.index(t.from()), m, 0, Double.NaN, t.amountUsd(), 0, "for " + sub));
                }
            }
            for (DeleveragingFill f : r.fills()) {
                adlFill(f, mark, sub, timeMs);
                plausibility.checkFill(timeMs, f.subAccount(), m, f.priceUsd(), mark, band);
                plausibility.checkCounterparty(timeMs, f.subAccount(), book.equity(f.subAccount()), sub);
            }
            double recorded = r.deficitUsd();
            if (beyond > 0) {
                transfer(timeMs, beyond, fund.deficitParty(), Parties.subAccount(sub), TransferReason.DEFICIT);
                recorded += beyond;
            }
            recordedTotal += recorded;
            if (recorded > 0) {
                listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.DEFICIT, sub, m, 0, Double.NaN,
                        recorded, 0, beyond > 0 ? fund.name() + ", beyond the ADL band" : fund.name()));
            }
        }
        writeOffResidue(sub, mainFund, deficitUsd, timeMs);
        deficit += recordedTotal;
        book.revalue(sub);
    }

    /**
     * The transfers sum to the deficit, but adding them to the cash can leave a rounding residue of ~1e-13 that would
     * keep the sub-account "liquidatable" with nothing to close: written off as deficit, in the ledger.
     *
     * @return the residue written off, USD (0 when there was none, or more than rounding)
     */
    private double writeOffResidue(int sub, InsuranceFund fund, double scaleUsd, long timeMs) {
        double residue = -book.equity(sub);
        if (residue > 0 && residue <= 1e-9 * Math.max(1, scaleUsd)) {
            transfer(timeMs, residue, fund.deficitParty(), Parties.subAccount(sub), TransferReason.DEFICIT);
            deficit += residue;
            return residue;
        }
        return 0;
    }

    /**
     * A lending bankruptcy: a borrow with no collateral left to sell. It has no counterparty positions, so what the
     * fund cannot pay is recorded as deficit, whatever the policy (Aave's {@code reserve.deficit}).
     */
    private void bankruptLending(int sub, long timeMs) {
        double deficitUsd = -book.equity(sub);
        int market = lendingMarket(sub);
        double mark = lendingMark(sub);
        InsuranceFund fund = funds.forMarket(market);
        bankruptcies++;
        badDebt += deficitUsd;
        plausibility.checkBankruptcy(timeMs, sub, deficitUsd);
        listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.BANKRUPTCY, sub, -1, 0, mark, deficitUsd,
                0, waterfall.policy().name()));
        double paid = fund.pay(timeMs, deficitUsd);
        if (paid > 0) {
            transfer(timeMs, paid, fund.party(), Parties.subAccount(sub), TransferReason.BAD_DEBT_PAYOUT);
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.FUND_PAYMENT, sub, -1, 0, Double.NaN,
                    paid, 0, fund.name()));
        }
        double rest = deficitUsd - paid;
        if (rest > 0) {
            transfer(timeMs, rest, fund.deficitParty(), Parties.subAccount(sub), TransferReason.DEFICIT);
            deficit += rest;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.DEFICIT, sub, -1, 0, Double.NaN, rest,
                    0, fund.name()));
        }
        writeOffResidue(sub, fund, deficitUsd, timeMs);
        book.revalue(sub);
    }

    private void adlFill(DeleveragingFill f, double mark, int bankrupt, long timeMs) {
        int c = f.subAccount();
        for (int p = subs.positionStart(c); p < subs.positionStart(c + 1); p++) {
            if (subs.positionMarket(p) != f.market() || subs.positionSize(p) == 0) {
                continue;
            }
            double closed = -f.sizeChange();
            double pnl = closed * (mark - subs.positionEntry(p));
            if (pnl > 0) {
                transfer(timeMs, pnl, Parties.outsideMarket(f.market()), Parties.subAccount(c),
                        TransferReason.CLOSE_OUT_PNL);
            } else if (pnl < 0) {
                transfer(timeMs, -pnl, Parties.subAccount(c), Parties.outsideMarket(f.market()),
                        TransferReason.CLOSE_OUT_PNL);
            }
            book.setPositionSize(p, subs.positionSize(p) + f.sizeChange());
            book.revalue(c);
            addDirty(c);
            deleveragingFills++;
            deleveragedNotional += Math.abs(f.sizeChange()) * f.priceUsd();
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.DELEVERAGING, c, f.market(), closed,
                    f.priceUsd(), f.transferUsd(), 0, "for " + bankrupt));
            return;
        }
        throw new IllegalStateException("ADL fill for sub-account " + c + " has no open position in market "
                + f.market());
    }

    /**
     * The open positions of a market that the policy needs: none for {@code deficit}; every holder's for
     * {@code socialize} (which reads sizes only); for ranked ADL only the side opposite to the bankrupt's, each
     * sub-account re-evaluated first, since its equity and requirement rank it (the trigger index leaves untriggered
     * sub-accounts as of their last look). O(holders) per bankruptcy.
     */
    private List<DeleveragingCandidate> deleveragingCandidates(int bankrupt, int market, double closedSize) {
        DeleveragingPolicy policy = waterfall.policy();
        boolean ranked = policy instanceof RankedAdlPolicy;
        if (policy instanceof DeficitPolicy || ranked && closedSize == 0) {
            return List.of();
        }
        double opposite = -Math.signum(closedSize);
        List<DeleveragingCandidate> out = new ArrayList<>();
        var holders = book.exposureByMarket();
        for (int i = 0; i < holders.count(market); i++) {
            int c = holders.member(market, i);
            if (c == bankrupt) {
                continue;
            }
            // one candidate per sub-account: its first open position in the market (venues hold one per market;
            // a book may hold several, and the ADL fill is applied to that same first one)
            for (int p = subs.positionStart(c); p < subs.positionStart(c + 1); p++) {
                double size = subs.positionSize(p);
                if (subs.positionMarket(p) == market && size != 0) {
                    if (ranked) {
                        if (Math.signum(size) != opposite) {
                            break;
                        }
                        book.revalue(c);
                    }
                    out.add(new DeleveragingCandidate(c, market, size, subs.positionEntry(p), book.equity(c),
                            book.maintenanceRequirement(c)));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Posts a transfer and applies it to the sub-accounts it touches (re-evaluating them), so that ledger and book
     * never disagree.
     */
    private void transfer(long timeMs, double usd, int from, int to, TransferReason reason) {
        ledger.post(timeMs, usd, from, to, reason);
        if (Parties.kind(from) == PartyKind.SUB_ACCOUNT) {
            touch(Parties.index(from), -usd);
        }
        if (Parties.kind(to) == PartyKind.SUB_ACCOUNT) {
            touch(Parties.index(to), usd);
        }
    }

    private void touch(int sub, double usd) {
        book.settle(sub, usd);
        book.revalue(sub);
        addDirty(sub);
    }

    private void addDirty(int sub) {
        if (adlQueues != null) {
            adlQueues.modified(sub);
        }
        if (dirtyCount == dirty.length) {
            dirty = Arrays.copyOf(dirty, 2 * dirtyCount);
        }
        dirty[dirtyCount++] = sub;
    }

    /** @return how many sub-accounts are liquidatable now (at the current prices, after the last step) */
    public int liquidatableCount() {
        if (liquidatableIndex != null) {
            return liquidatableIndex.negativeCount();
        }
        int n = 0;
        for (int s = 0; s < subs.size(); s++) {
            n += book.liquidatable(s) ? 1 : 0;
        }
        return n;
    }

    /** @return how many sub-accounts have a maintenance health factor below {@value #AT_RISK_HEALTH_FACTOR} now */
    public int atRiskCount() {
        if (atRiskIndex != null) {
            // only now, not at every tick: re-evaluate the sub-accounts whose at-risk box a price has left since
            for (int a = 0; a < atRiskStale.length; a++) {
                if (atRiskStale[a]) {
                    atRiskStale[a] = false;
                    int k = atRiskIndex.collect(a, book.assets().price(a));
                    for (int i = 0; i < k; i++) {
                        int s = atRiskIndex.triggered(i);
                        book.revalue(s);
                        atRiskIndex.refresh(s);
                    }
                }
            }
            return atRiskIndex.negativeCount();
        }
        int n = 0;
        for (int s = 0; s < subs.size(); s++) {
            double l = book.maintenanceWeightedLiabilities(s);
            n += l > 0 && book.maintenanceWeightedAssets(s) - AT_RISK_HEALTH_FACTOR * l < 0 ? 1 : 0;
        }
        return n;
    }

    /** @return notional closed by liquidations so far (collateral sold included), USD */
    public double liquidatedNotionalUsd() {
        return liquidatedNotional;
    }

    /** @return bad debt so far, USD */
    public double badDebtUsd() {
        return badDebt;
    }

    /** @return the run's figures so far (re-verifies the whole ledger: O(parties)) */
    public RunSummary summary() {
        return summary(Math.max(maxImbalance, ledger.verifyAll()));
    }

    /**
     * The run's figures so far without re-verifying the ledger: O(funds), for a view at every publication. Its ledger
     * imbalance is the largest any step's check found; {@link #summary()} re-verifies every party.
     *
     * @return the figures
     */
    public RunSummary summarySoFar() {
        return summary(maxImbalance);
    }

    private RunSummary summary(double imbalance) {
        double lowest = 0;
        for (int f = 0; f < funds.size(); f++) {
            lowest += funds.fund(f).minimumBalance();
        }
        String unsettled = unsettled();
        return new RunSummary(steps, liquidations, liquidatedNotional, bankruptcies, badDebt, funds.totalBalance(),
                lowest, deleveragingFills, deleveragedNotional, deficit,
                ledger.total(TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR), imbalance,
                plausibility.checks() + 1, plausibility.violations() + (unsettled == null ? 0 : 1));
    }

    private String unsettled() {
        double settled = ledger.total(TransferReason.BAD_DEBT_PAYOUT) + ledger.total(TransferReason.ADL_TRANSFER)
                + ledger.total(TransferReason.SOCIALIZED_LOSS) + ledger.total(TransferReason.DEFICIT);
        return PlausibilityMonitor.unsettled(badDebt, settled);
    }

    /**
     * @return the first plausibility violation of the run in words ({@link PlausibilityMonitor}), or null when every
     *         invariant held
     */
    public String firstPlausibilityViolation() {
        return plausibility.firstViolation() != null ? plausibility.firstViolation() : unsettled();
    }

    /** @return the ledger */
    public Ledger ledger() {
        return ledger;
    }

    /** @return the insurance funds */
    public InsuranceFunds funds() {
        return funds;
    }

    /** @return the hot state */
    public MarginBook book() {
        return book;
    }
}
