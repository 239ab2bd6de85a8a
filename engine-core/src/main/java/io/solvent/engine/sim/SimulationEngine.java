package io.solvent.engine.sim;

import io.solvent.engine.book.HealthTriggerIndex;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.insurance.AdlQueues;
import io.solvent.engine.insurance.BankruptcySettlement;
import io.solvent.engine.insurance.HandedOver;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.insurance.RankedAdlPolicy;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.Posting;
import io.solvent.engine.ledger.TransferReason;
import io.solvent.engine.liquidation.CloseFractionCalculator;
import io.solvent.engine.liquidation.CloseOut;
import io.solvent.engine.liquidation.CollateralSale;
import io.solvent.engine.liquidation.LiquidationContext;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.Execution;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.liquidity.TradeSide;
import io.solvent.engine.margin.DynamicMarginCalculator;

import java.util.Arrays;
import java.util.List;

/**
 * The engine step of margin-model.md's "Liquidation, insurance fund, deleveraging": given a new oracle price for
 * one asset, it re-evaluates only the sub-accounts exposed to that asset, liquidates the liquidatable ones (most
 * distressed first, ties by index), settles bankruptcies (insurance fund, then the deleveraging policy) and posts
 * every movement of value to the {@link Ledger}, applying it to the {@link MarginBook} at the same time so that the
 * two never disagree ({@link Posting}). Owned by one thread.
 *
 * <p>The engine keeps the step's order — who is looked at, in what order, when a round repeats — and its counters;
 * each rule lives in the package its name promises, as a stateless calculator given the step ({@link
 * LiquidationContext}): the perpetual close-out and hand-over in {@link CloseOut}, the lending liquidation in {@link
 * CollateralSale}, bankruptcy settlement and deleveraging fills in {@link BankruptcySettlement}.
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
 *       ({@link CloseOut#handOver}); a negative equity left is bad debt, allocated over those positions pro rata by
 *       maintenance requirement, each settled in its own market: the fund pays first, then the policy — ranked ADL
 *       closes the top-ranked opposite positions at the position's own bankruptcy price {@code P_i + D_i/s_i}, within
 *       the market's backstop band, never taking more than a counterparty's equity ({@link BankruptcySettlement#settlePerp}).</li>
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
 * does: collateral sold to repay debt under a close factor ({@link CollateralSale#sell}). A per-step cap (a close factor,
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
    private final HandedOver parts = new HandedOver();
    private final Posting posting;
    private final Step step = new Step();
    private final PlausibilityMonitor plausibility;
    private final int[][] marketsOf;

    private int[] candidates = new int[64];
    private double[] candidateKeys = new double[64];
    private final boolean[] touched;
    private final boolean[] listed;
    private final WorkSet dirty;   // touched by a transfer or a fill this round: looked at again
    private final WorkSet capped;  // their per-step cap used up

    private DynamicMarginCalculator dynamicMargin;
    private io.solvent.engine.margin.DynamicMarginParameters dynamicMarginParameters;
    private long marginChanges;

    private AdlQueues adlQueues;
    private HealthTriggerIndex liquidatableIndex;
    private HealthTriggerIndex atRiskIndex;
    private final boolean[] atRiskStale;
    private final WorkSet marked;  // to re-evaluate in an indexed collection
    private final WorkSet pending; // left liquidatable: looked at when an asset they are exposed to moves

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
        this.dirty = new WorkSet(subs.size());
        this.capped = new WorkSet(subs.size());
        this.marked = new WorkSet(subs.size());
        this.pending = new WorkSet(subs.size());
        this.atRiskStale = new boolean[assets];
        this.posting = new Posting(ledger, book, this::addDirty);
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
        this.dirty = new WorkSet(subs.size());
        this.capped = new WorkSet(subs.size());
        this.marked = new WorkSet(subs.size());
        this.atRiskStale = o.atRiskStale.clone();
        this.pending = new WorkSet(o.pending);
        this.posting = new Posting(ledger, book, this::addDirty);
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
     * @throws InvariantViolationException when the price is not finite and positive, or the step breaks a run-time
     *                                     invariant ({@link StepInvariants}): the run must stop
     */
    public void onPrice(long timeMs, int asset, double oracleUsd, double halfSpread, boolean pause) {
        steps++;
        if (!(oracleUsd > 0) || oracleUsd == Double.POSITIVE_INFINITY || !(halfSpread >= 0 && halfSpread < oracleUsd)) {
            throw new InvariantViolationException(new InvariantViolation(timeMs, steps, "price", String.format(
                    java.util.Locale.ROOT, "%s reached the engine at %s USD (half-spread %s USD); a price must be"
                            + " finite and > 0, its half-spread >= 0 and below it", book.assets().symbol(asset),
                    oracleUsd, halfSpread)));
        }
        paused[asset] = pause;
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
            for (int i = 0; i < dirty.size(); i++) { // touched in a last round that hit MAX_ROUNDS
                book.revalue(dirty.get(i));
                refresh(dirty.get(i));
            }
        }
        dirty.clear();
        endStep(timeMs);
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
        pending.clear();
        for (int s = 0; s < subs.size(); s++) {
            if (liquidatableIndex.negative(s)) {
                pending.add(s);
            }
        }
    }

    /** Re-boxes a freshly evaluated sub-account in both indexes and keeps the liquidatable ones pending. */
    private void refresh(int sub) {
        liquidatableIndex.refresh(sub);
        atRiskIndex.refresh(sub);
        if (liquidatableIndex.negative(sub)) {
            pending.add(sub);
        }
    }

    /**
     * The indexed collection: the sub-accounts the price move triggered in either index, those left liquidatable
     * that are exposed to the asset, and those touched — each re-evaluated once and re-boxed — of which the
     * liquidatable are the candidates.
     */
    private int collectTriggered(int asset, double price) {
        int k = liquidatableIndex.collect(asset, price);
        for (int i = 0; i < k; i++) {
            marked.add(liquidatableIndex.triggered(i));
        }
        atRiskStale[asset] = true; // the at-risk count catches up when it is read (atRiskCount)
        pending.retain(s -> { // the healthy again since they were listed leave
            if (!liquidatableIndex.negative(s)) {
                return false;
            }
            if (liquidatableIndex.exposed(s, asset)) {
                marked.add(s);
            }
            return true;
        });
        for (int i = 0; i < dirty.size(); i++) {
            marked.add(dirty.get(i));
        }
        int n = 0;
        for (int i = 0; i < marked.size(); i++) {
            int s = marked.get(i);
            book.revalue(s);
            refresh(s);
            n = consider(s, n);
        }
        marked.clear();
        endCollect(n);
        return n;
    }

    /**
     * Lifts the per-step caps, checks the ledger and holds the step to the run-time invariants.
     *
     * @throws InvariantViolationException when one does not hold: the run must stop here
     */
    private void endStep(long timeMs) {
        capped.clear();
        double imbalance = ledger.checkStep();
        maxImbalance = Math.max(maxImbalance, imbalance);
        StepInvariants.check(timeMs, steps, imbalance, ledger, funds,
                plausibility.violations() > 0 ? plausibility.firstViolation() : unsettled());
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
        dirty.clear();
        if (liquidatableIndex != null) {
            book.revalueAll();
            liquidatableIndex.rebuild();
            atRiskIndex.rebuild();
            rebuildPending();
        }
        endStep(timeMs);
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
        for (int i = 0; i < dirty.size(); i++) {
            n = consider(dirty.get(i), n);
        }
        endCollect(n);
        return n;
    }

    /** Clears the marks of a collection, forgets the touched sub-accounts, and orders the candidates. */
    private void endCollect(int n) {
        for (int i = 0; i < n; i++) {
            listed[candidates[i]] = false;
        }
        dirty.clear();
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
        if (listed[sub] || capped.contains(sub) || !book.liquidatable(sub) || exposedToPaused(sub)) {
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

    /**
     * The step's order for one candidate: its positions closed into the books ({@link CloseOut#closePositions}); what
     * the books cannot take handed over at the mark and its deficit settled ({@link CloseOut#handOver}); with no
     * position left and a debt, collateral sold ({@link CollateralSale#sell}); with nothing left to close or sell and
     * negative equity, a lending bankruptcy ({@link BankruptcySettlement#settleLending}).
     *
     * @return whether anything was closed or settled
     */
    private boolean liquidate(int sub, long timeMs) {
        addDirty(sub); // whatever happens, its figures change: look at it again next round
        int closing = CloseOut.closePositions(step, sub, timeMs);
        boolean closedAny = (closing & CloseOut.CLOSED) != 0;
        boolean handOver = (closing & CloseOut.HAND_OVER) != 0;
        if (closedAny && params.capsPerStep()) {
            capped.add(sub);
        }
        if (hasOpenPosition(sub) && book.liquidatable(sub) && (handOver || book.equity(sub) < 0)) {
            CloseOut.handOver(step, sub, timeMs);
            return true;
        }
        boolean acted = closedAny;
        if (book.liquidatable(sub) && !hasOpenPosition(sub) && !capped.contains(sub)
                && CollateralSale.sell(step, sub, timeMs)) {
            acted = true;
            capped.add(sub);
        }
        if (!hasOpenPosition(sub) && book.equity(sub) < 0 && CollateralSale.riskiestCollateral(book, sub, -1) < 0) {
            BankruptcySettlement.settleLending(step, sub, timeMs); // nothing left to close, nothing left to sell
            return true;
        }
        return acted;
    }

    private boolean hasOpenPosition(int sub) {
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            if (subs.positionSize(p) != 0) {
                return true;
            }
        }
        return false;
    }

    private void addDirty(int sub) {
        if (adlQueues != null) {
            adlQueues.modified(sub);
        }
        dirty.add(sub);
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

    /**
     * What the rules ({@link CloseOut}, {@link CollateralSale}, {@link BankruptcySettlement}) are given: this engine's
     * state, and where what they did is counted, checked and told.
     */
    private final class Step implements LiquidationContext {
        @Override
        public MarginBook book() {
            return book;
        }

        @Override
        public InsuranceFunds funds() {
            return funds;
        }

        @Override
        public DeleveragingPolicy policy() {
            return waterfall.policy();
        }

        @Override
        public AdlQueues adlQueues() {
            return adlQueues;
        }

        @Override
        public Posting posting() {
            return posting;
        }

        @Override
        public double band(int market, TradeSide side, long timeMs) {
            // the backstop distance of the side of the book in force that the trade consumes: no fill is further
            return liquidity[market].book(timeMs).consumedBy(side).maxDistance();
        }

        @Override
        public double oracle(int asset) {
            return oracle[asset];
        }

        @Override
        public int primaryMarket(int asset) {
            return primaryMarket[asset];
        }

        @Override
        public void touched(int sub) {
            addDirty(sub);
        }

        @Override
        public void bankrupt(long timeMs, int sub, int market, double markUsd, double deficitUsd) {
            bankruptcies++;
            badDebt += deficitUsd;
            plausibility.checkBankruptcy(timeMs, sub, deficitUsd);
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.BANKRUPTCY, sub, market, 0, markUsd,
                    deficitUsd, 0, waterfall.policy().name()));
        }

        @Override
        public void fundPaid(long timeMs, int sub, int market, double usd, String fund) {
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.FUND_PAYMENT, sub, market, 0, Double.NaN,
                    usd, 0, fund));
        }

        @Override
        public void socialized(long timeMs, int holder, int market, double usd, int bankrupt) {
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.SOCIALIZED_LOSS, holder, market, 0,
                    Double.NaN, usd, 0, "for " + bankrupt));
        }

        @Override
        public void deleveraged(long timeMs, int sub, int market, double closedSize, double priceUsd,
                                double transferUsd, int bankrupt) {
            deleveragingFills++;
            deleveragedNotional += Math.abs(closedSize) * priceUsd;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.DELEVERAGING, sub, market, closedSize,
                    priceUsd, transferUsd, 0, "for " + bankrupt));
        }

        @Override
        public void counterpartyFilled(long timeMs, int sub, int market, double priceUsd, double markUsd, double band,
                                       int bankrupt) {
            plausibility.checkFill(timeMs, sub, market, priceUsd, markUsd, band);
            plausibility.checkCounterparty(timeMs, sub, book.equity(sub), bankrupt);
        }

        @Override
        public void deficitRecorded(long timeMs, int sub, int market, double usd, String detail) {
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.DEFICIT, sub, market, 0, Double.NaN, usd,
                    0, detail));
        }

        @Override
        public void addDeficit(double usd) {
            deficit += usd;
        }

        @Override
        public MarketLiquidity liquidity(int market) {
            return liquidity[market];
        }

        @Override
        public double feeRate(int market) {
            return feeRate[market];
        }

        @Override
        public LiquidationParameters params() {
            return params;
        }

        @Override
        public double seenPrice(int asset, long timeMs) {
            return SimulationEngine.this.seenPrice(asset, timeMs);
        }

        @Override
        public Execution execution() {
            return exec;
        }

        @Override
        public HandedOver handedOver() {
            return parts;
        }

        @Override
        public boolean[] positionFlags() {
            return touched;
        }

        @Override
        public void liquidated(long timeMs, int sub, int market, double closedSize, double priceUsd,
                               double notionalUsd, double feeUsd, String detail) {
            liquidations++;
            liquidatedNotional += notionalUsd;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.LIQUIDATION, sub, market, closedSize,
                    priceUsd, notionalUsd, feeUsd, detail));
        }

        @Override
        public void collateralSold(long timeMs, int sub, int market, double unitsSold, double fillUsd,
                                   double repaidUsd, double feeUsd, double saleUsd, String detail) {
            liquidations++;
            liquidatedNotional += saleUsd;
            listener.event(new SimulationEvent(timeMs, SimulationEvent.Kind.COLLATERAL_SALE, sub, market, unitsSold,
                    fillUsd, repaidUsd, feeUsd, detail));
        }

        @Override
        public void checkFill(long timeMs, int sub, int market, double fillUsd, double oracleUsd, double band) {
            plausibility.checkFill(timeMs, sub, market, fillUsd, oracleUsd, band);
        }

        @Override
        public void addBadDebt(double usd) {
            badDebt += usd;
        }
    }
}
