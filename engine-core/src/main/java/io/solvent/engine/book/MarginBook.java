package io.solvent.engine.book;

import io.solvent.engine.margin.TierSchedule;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginType;
import io.solvent.engine.model.Market;

import java.util.List;

/**
 * The hot state of a book: reference data, sub-accounts and their latest evaluation, all in flat arrays.
 *
 * <p>{@link #revalue(int)} computes a sub-account's figures with the arithmetic of
 * {@link io.solvent.engine.margin.MarginCalculator} and stores them; {@link #setPrice(int, double)} followed by
 * {@link #revalueExposedTo(int)} re-evaluates only the sub-accounts exposed to the asset that moved. No method
 * allocates after construction. Single-threaded: owned by the engine thread.
 */
public final class MarginBook {
    private final AssetTable assets;
    private final MarketTable markets;
    private final SubAccountTable subs;
    private final ExposureIndex byAsset;
    private final ExposureIndex byMarket;

    private final double[] weightedAssetsInitial;
    private final double[] weightedLiabilitiesInitial;
    private final double[] weightedAssetsMaintenance;
    private final double[] weightedLiabilitiesMaintenance;
    private final double[] requirementMaintenance;
    private final double[] equity;
    private final double[] notional;
    private final double[] requirementMultiplier;
    private final double[] haircutMultiplier;
    private final double[] spread;
    private final double[] openUnits;
    private final TierTable tiers;

    MarginBook(AssetTable assetTable, MarketTable marketTable, SubAccountTable subTable) {
        assets = assetTable;
        markets = marketTable;
        subs = subTable;
        int n = subs.size();
        byAsset = buildAssetIndex();
        byMarket = buildMarketIndex();
        weightedAssetsInitial = new double[n];
        weightedLiabilitiesInitial = new double[n];
        weightedAssetsMaintenance = new double[n];
        weightedLiabilitiesMaintenance = new double[n];
        requirementMaintenance = new double[n];
        equity = new double[n];
        notional = new double[n];
        requirementMultiplier = new double[markets.size()];
        haircutMultiplier = new double[assets.size()];
        spread = new double[assets.size()];
        java.util.Arrays.fill(requirementMultiplier, 1.0);
        java.util.Arrays.fill(haircutMultiplier, 1.0);
        tiers = new TierTable(markets);
        openUnits = new double[markets.size()];
        for (int p = 0; p < subs.positionMarket.length; p++) {
            openUnits[subs.positionMarket[p]] += Math.abs(subs.positionSize[p]);
        }
    }

    private MarginBook(MarginBook o, AssetTable assetTable, MarketTable marketTable) {
        assets = assetTable;
        markets = marketTable;
        subs = new SubAccountTable(o.subs, assets);
        byAsset = o.byAsset;
        byMarket = o.byMarket;
        weightedAssetsInitial = o.weightedAssetsInitial.clone();
        weightedLiabilitiesInitial = o.weightedLiabilitiesInitial.clone();
        weightedAssetsMaintenance = o.weightedAssetsMaintenance.clone();
        weightedLiabilitiesMaintenance = o.weightedLiabilitiesMaintenance.clone();
        requirementMaintenance = o.requirementMaintenance.clone();
        equity = o.equity.clone();
        notional = o.notional.clone();
        requirementMultiplier = o.requirementMultiplier.clone();
        haircutMultiplier = o.haircutMultiplier.clone();
        spread = o.spread.clone();
        openUnits = o.openUnits.clone();
        tiers = markets == o.markets ? o.tiers : new TierTable(markets);
    }

    /**
     * @return an independent copy of the current state (prices, balances, positions, evaluations), sharing the
     *         immutable reference data and indexes: for snapshots and forks
     */
    public MarginBook copy() {
        return new MarginBook(this, new AssetTable(assets), markets);
    }

    /**
     * An independent copy of the current state under other definitions of the same assets and markets — a parameter
     * change: collateral and liability weights and size factors, tiers, positive-PnL weights. Balances, positions,
     * prices and margin multipliers carry over; every balance's size-adjusted weights are recomputed and every
     * sub-account re-evaluated.
     *
     * @param assetDefinitions  every asset's definition, in this book's order, with its symbols
     * @param marketDefinitions every market's definition, in this book's order, with its symbols and underlyings
     * @return the copy, evaluated
     * @throws IllegalArgumentException when a symbol, an underlying or the count differs
     */
    public MarginBook withDefinitions(List<Asset> assetDefinitions, List<Market> marketDefinitions) {
        if (marketDefinitions.size() != markets.size()) {
            throw new IllegalArgumentException("expected " + markets.size() + " market definitions, was "
                    + marketDefinitions.size());
        }
        for (int m = 0; m < markets.size(); m++) {
            Market d = marketDefinitions.get(m);
            if (!d.symbol().equals(markets.symbol(m))
                    || !d.underlying().equals(assets.symbol(markets.underlying(m)))) {
                throw new IllegalArgumentException("market " + m + " is " + markets.symbol(m) + " on "
                        + assets.symbol(markets.underlying(m)) + ", not " + d.symbol() + " on " + d.underlying());
            }
        }
        AssetTable a = new AssetTable(assets, assetDefinitions);
        MarginBook b = new MarginBook(this, a, new MarketTable(marketDefinitions, a));
        b.subs.reweighAll();
        b.revalueAll();
        return b;
    }

    /**
     * Builds the hot state and evaluates every sub-account at the book's prices.
     *
     * @param book a validated book whose every used asset has a price ({@link Book#unpricedAssets()} empty)
     * @return the evaluated hot state
     * @throws IllegalArgumentException when a used asset has no price
     */
    public static MarginBook of(Book book) {
        return of(book, null);
    }

    /**
     * Builds the hot state with a settlement asset: every sub-account gets a balance of it (zero when the book has
     * none), into which a simulation settles realized PnL and fees ({@link #settle(int, double)}).
     *
     * @param book            a validated book whose every used asset has a price
     * @param settlementAsset symbol of the settlement asset (such as USDC), or null for none
     * @return the evaluated hot state
     * @throws IllegalArgumentException when a used asset (or the settlement asset) has no price
     */
    public static MarginBook of(Book book, String settlementAsset) {
        if (!book.unpricedAssets().isEmpty()) {
            throw new IllegalArgumentException("no price for " + book.unpricedAssets());
        }
        if (settlementAsset != null && book.prices().find(settlementAsset).isEmpty()) {
            throw new IllegalArgumentException("no price for the settlement asset " + settlementAsset);
        }
        AssetTable assetTable = new AssetTable(book.assets(), book.prices());
        MarketTable marketTable = new MarketTable(book.markets(), assetTable);
        MarginBook m = new MarginBook(assetTable, marketTable, new SubAccountTable(book, assetTable, marketTable,
                settlementAsset == null ? -1 : assetTable.indexOf(settlementAsset)));
        m.revalueAll();
        return m;
    }

    /**
     * Credits (or, negative, debits) a sub-account's settlement balance by a USD amount, converted to units at the
     * settlement asset's current price. Does not re-evaluate.
     *
     * @param sub dense index
     * @param usd amount in USD
     * @throws IllegalStateException when the book was built without a settlement asset
     */
    public void settle(int sub, double usd) {
        int slot = subs.settlementSlot(sub);
        if (slot < 0) {
            throw new IllegalStateException("built without a settlement asset");
        }
        subs.setUnits(slot, subs.balanceUnits(slot) + usd / assets.price(subs.balanceAsset(slot)));
    }

    /**
     * @param sub dense index
     * @return units of the settlement asset it holds (negative when it owes)
     * @throws IllegalStateException when the book was built without a settlement asset
     */
    public double settlementUnits(int sub) {
        int slot = subs.settlementSlot(sub);
        if (slot < 0) {
            throw new IllegalStateException("built without a settlement asset");
        }
        return subs.balanceUnits(slot);
    }

    /**
     * Restores a settlement balance exactly (after a trial evaluation). Does not re-evaluate.
     *
     * @param sub   dense index
     * @param units units of the settlement asset
     */
    public void setSettlementUnits(int sub, double units) {
        int slot = subs.settlementSlot(sub);
        if (slot < 0) {
            throw new IllegalStateException("built without a settlement asset");
        }
        subs.setUnits(slot, units);
    }

    /**
     * Sets a position's size (a partial or full close, or a deleveraging). Does not re-evaluate.
     *
     * @param position position index ({@link SubAccountTable#positionStart(int)})
     * @param size     the new signed size in units of the underlying; 0 closes it
     */
    public void setPositionSize(int position, double size) {
        if (!Double.isFinite(size)) {
            throw new IllegalArgumentException("size must be finite, was " + size);
        }
        int m = subs.positionMarket[position];
        openUnits[m] += Math.abs(size) - Math.abs(subs.positionSize[position]);
        subs.setPositionSize(position, size);
    }

    /**
     * @param market dense index
     * @return the market's open interest, units of the underlying summed over both sides ({@code Σ |size|}), kept as
     *         positions change
     */
    public double openUnits(int market) {
        return openUnits[market];
    }

    /** @return open interest over every market at the current prices, USD ({@code Σ |size|·price}) */
    public double openInterestUsd() {
        double usd = 0;
        for (int m = 0; m < openUnits.length; m++) {
            usd += openUnits[m] * assets.price(markets.underlying(m));
        }
        return usd;
    }

    /**
     * Sets a balance's units (collateral sold, debt repaid in a lending liquidation); its size-adjusted weights follow.
     * Does not re-evaluate.
     *
     * @param balance balance index ({@link SubAccountTable#balanceStart(int)})
     * @param units   the new units of its asset, finite (negative: a borrow)
     */
    public void setBalanceUnits(int balance, double units) {
        if (!Double.isFinite(units)) {
            throw new IllegalArgumentException("units must be finite, was " + units);
        }
        subs.setUnits(balance, units);
    }

    /**
     * Scales an asset's margin (dynamic margin, {@link io.solvent.engine.margin.DynamicMarginCalculator}): every
     * market on it requires {@code multiplier ×} its tiered requirement, and its balances take {@code multiplier ×}
     * their haircut (asset weight {@code max(0, 1 − (1 − w)·m)}, liability weight {@code 1 + (w − 1)·m}). Does not
     * re-evaluate.
     *
     * @param asset      dense index
     * @param multiplier {@code >= 1}; 1 restores the book's own parameters exactly
     */
    public void setMarginMultiplier(int asset, double multiplier) {
        if (!(multiplier >= 1) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("a margin multiplier must be finite and >= 1, was " + multiplier);
        }
        haircutMultiplier[asset] = multiplier;
        for (int m = 0; m < markets.size(); m++) {
            if (markets.underlying(m) == asset) {
                requirementMultiplier[m] = multiplier;
            }
        }
    }

    /**
     * @param asset dense index
     * @return its margin multiplier (1 unless dynamic margin raised it)
     */
    public double marginMultiplier(int asset) {
        return haircutMultiplier[asset];
    }

    private ExposureIndex buildAssetIndex() {
        int pairs = subs.balanceAsset.length + subs.positionMarket.length;
        int[] keys = new int[pairs];
        int[] owners = new int[pairs];
        int k = 0;
        for (int s = 0; s < subs.size(); s++) {
            for (int b = subs.balanceStart[s]; b < subs.balanceStart[s + 1]; b++) {
                keys[k] = subs.balanceAsset[b];
                owners[k++] = s;
            }
            for (int p = subs.positionStart[s]; p < subs.positionStart[s + 1]; p++) {
                keys[k] = markets.underlying(subs.positionMarket[p]);
                owners[k++] = s;
            }
        }
        return ExposureIndex.of(assets.size(), keys, owners, k);
    }

    private ExposureIndex buildMarketIndex() {
        int pairs = subs.positionMarket.length;
        int[] owners = new int[pairs];
        for (int s = 0; s < subs.size(); s++) {
            for (int p = subs.positionStart[s]; p < subs.positionStart[s + 1]; p++) {
                owners[p] = s;
            }
        }
        return ExposureIndex.of(markets.size(), subs.positionMarket, owners, pairs);
    }

    /** @return the assets, with current prices */
    public AssetTable assets() {
        return assets;
    }

    /** @return the markets */
    public MarketTable markets() {
        return markets;
    }

    /** @return the sub-accounts */
    public SubAccountTable subAccounts() {
        return subs;
    }

    /** @return for each asset, the sub-accounts holding it or trading a market on it */
    public ExposureIndex exposureByAsset() {
        return byAsset;
    }

    /** @return for each market, the sub-accounts with a position in it */
    public ExposureIndex exposureByMarket() {
        return byMarket;
    }

    /**
     * Sets an asset's price without re-evaluating anything.
     *
     * @param asset      dense index
     * @param usdPerUnit the new price, finite and {@code > 0}
     */
    public void setPrice(int asset, double usdPerUnit) {
        if (!(usdPerUnit > 0) || !Double.isFinite(usdPerUnit)) {
            throw new IllegalArgumentException("price of " + assets.symbol(asset) + " must be finite and > 0, was "
                    + usdPerUnit);
        }
        assets.setPrice(asset, usdPerUnit);
    }

    /**
     * Sets an asset's half-spread c without re-evaluating anything: from now on every exposure to it is valued on its
     * conservative side of the price P — a holding and a long position at {@code P − c}, a borrow and a short at
     * {@code P + c} (Pyth consumers' valuation when an update's confidence is too wide to trust the price: Drift's
     * and Mango's "worse of the two"). 0 (the default) values everything at P.
     *
     * @param asset      dense index
     * @param halfSpread c, USD per unit, finite, {@code >= 0} and below the price
     */
    public void setSpread(int asset, double halfSpread) {
        if (!(halfSpread >= 0) || !(halfSpread < assets.price(asset))) {
            throw new IllegalArgumentException("half-spread of " + assets.symbol(asset) + " must be >= 0 and below"
                    + " its price " + assets.price(asset) + ", was " + halfSpread);
        }
        spread[asset] = halfSpread;
    }

    /** @return whether any asset has a half-spread (the kernel skips the conservative sides otherwise) */
    private boolean widened() {
        for (double c : spread) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    /** @param asset dense index @return its half-spread, USD per unit (0: valued at its price) */
    public double spread(int asset) {
        return spread[asset];
    }

    /**
     * Re-evaluates the sub-accounts exposed to an asset, in ascending index order.
     *
     * @param asset dense index of the asset whose price moved
     * @return how many sub-accounts were re-evaluated
     */
    public int revalueExposedTo(int asset) {
        int n = byAsset.count(asset);
        for (int i = 0; i < n; i++) {
            revalue(byAsset.member(asset, i));
        }
        return n;
    }

    /** Re-evaluates every sub-account, in index order. */
    public void revalueAll() {
        revalueRange(0, subs.size());
    }

    /**
     * Evaluates one sub-account at the current prices and stores its figures.
     *
     * @param sub dense index
     */
    public void revalue(int sub) {
        revalueRange(sub, sub + 1);
    }

    /**
     * Re-evaluates the sub-accounts {@code from .. to − 1}, in index order: a slice of {@link #revalueAll()}. Each
     * sub-account's figures depend only on its own rows and the prices, so disjoint ranges may run on different
     * threads (with prices unchanged meanwhile) and give bit for bit what {@link #revalueAll()} gives.
     *
     * <p>The one evaluation kernel: every column is read into a local once per call, so a full pass is a single loop
     * the compiler keeps in registers (a per-sub-account call was not inlined and reloaded them each time).
     *
     * @param from first dense index, inclusive
     * @param to   last dense index, exclusive
     */
    public void revalueRange(int from, int to) {
        evaluate(from, to, assets.price, weightedAssetsInitial, weightedLiabilitiesInitial, weightedAssetsMaintenance,
                weightedLiabilitiesMaintenance, requirementMaintenance, equity, notional, 0);
    }

    /**
     * Evaluates sub-accounts {@code [from, to)} at the current prices into {@code out}, exactly as {@link #revalue}
     * would, without touching the figures this book stores (which the engine's decisions read): for readers that need
     * every figure exact now — a view, a distribution — while the engine re-evaluates only the sub-accounts a move may
     * have pushed across a threshold.
     *
     * @param from first dense index
     * @param to   end, exclusive; {@code to - from <= out.capacity()}
     * @param out  receives the figures of {@code from..to-1}, its base set to {@code from}
     */
    public void evaluate(int from, int to, Evaluations out) {
        out.rebase(from, to - from);
        evaluate(from, to, assets.price, out.assetsInitial, out.liabilitiesInitial, out.assetsMaintenance,
                out.liabilitiesMaintenance, out.requirement, out.equity, out.notional, from);
    }

    /**
     * Evaluates one sub-account as if one asset's price were another (every other price as it is), into {@code out}:
     * the health function a liquidation price is the root of.
     *
     * @param sub     dense index
     * @param asset   dense index of the asset whose price is replaced
     * @param price   that asset's price, USD per unit, {@code > 0}
     * @param scratch a price array of at least {@code assets().size()} (overwritten)
     * @param out     receives the figures of {@code sub}, its base set to {@code sub}
     */
    public void evaluateAt(int sub, int asset, double price, double[] scratch, Evaluations out) {
        System.arraycopy(assets.price, 0, scratch, 0, assets.size());
        scratch[asset] = price;
        out.rebase(sub, 1);
        evaluate(sub, sub + 1, scratch, out.assetsInitial, out.liabilitiesInitial, out.assetsMaintenance,
                out.liabilitiesMaintenance, out.requirement, out.equity, out.notional, sub);
    }

    /**
     * The evaluation kernel: sub-accounts {@code [from, to)} at prices {@code px}, each into slot {@code sub - base}
     * of the output columns.
     */
    private void evaluate(int from, int to, double[] px, double[] outAssetsInitial, double[] outLiabilitiesInitial,
                          double[] outAssetsMaintenance, double[] outLiabilitiesMaintenance, double[] outRequirement,
                          double[] outEquity, double[] outNotional, int base) {
        final double[] sp = spread;
        final boolean widened = widened();
        final double[] haircut = haircutMultiplier;
        final double[] kReq = requirementMultiplier;
        final int[] balanceStart = subs.balanceStart;
        final int[] balanceAsset = subs.balanceAsset;
        final double[] balanceUnits = subs.balanceUnits;
        final double[] balanceWeightInitial = subs.balanceWeightInitial;
        final double[] balanceWeightMaintenance = subs.balanceWeightMaintenance;
        final int[] positionStart = subs.positionStart;
        final int[] positionMarket = subs.positionMarket;
        final double[] positionSize = subs.positionSize;
        final double[] positionEntry = subs.positionEntry;
        final TierTable tt = tiers;
        final int[] underlying = tt.underlying;
        final double[] positivePnlWeight = tt.positivePnlWeight;
        final double[] tierLower = tt.lower;
        final double[] initialBelow = tt.initialBelow;
        final double[] initialFraction = tt.initialFraction;
        final double[] maintenanceBelow = tt.maintenanceBelow;
        final double[] maintenanceFraction = tt.maintenanceFraction;
        for (int sub = from; sub < to; sub++) {
            double aInit = 0;
            double lInit = 0;
            double aMaint = 0;
            double lMaint = 0;
            double eq = 0;
            for (int b = balanceStart[sub], end = balanceStart[sub + 1]; b < end; b++) {
                int asset = balanceAsset[b];
                double units = balanceUnits[b];
                double value = units * px[asset];
                if (widened) { // a holding at P − c, a borrow at P + c (c = 0 unless the price is too uncertain)
                    value -= Math.abs(units) * sp[asset];
                }
                eq += value;
                double wInit = balanceWeightInitial[b];
                double wMaint = balanceWeightMaintenance[b];
                double h = haircut[asset];
                if (h != 1) {
                    wInit = scaledWeight(wInit, h, value > 0);
                    wMaint = scaledWeight(wMaint, h, value > 0);
                }
                // branch-free: a holding adds to the assets, a borrow to the liabilities (the other side adds zero)
                double held = Math.max(value, 0);
                double owed = Math.min(value, 0);
                aInit += held * wInit;
                aMaint += held * wMaint;
                lInit -= owed * wInit;
                lMaint -= owed * wMaint;
            }
            double rInit = 0;
            double rMaint = 0;
            double n = 0;
            for (int p = positionStart[sub], end = positionStart[sub + 1]; p < end; p++) {
                int m = positionMarket[p];
                double size = positionSize[p];
                double price = px[underlying[m]];
                if (widened) {
                    price -= sp[underlying[m]] * Math.signum(size); // a long at P − c, a short at P + c
                }
                double pnl = size * (price - positionEntry[p]);
                double positionNotional = Math.abs(size) * price;
                eq += pnl;
                n += positionNotional;
                double weighted = Math.max(pnl, 0) * positivePnlWeight[m]; // a profit, weighted; a loss is a liability
                double loss = Math.min(pnl, 0);
                aInit += weighted;
                aMaint += weighted;
                lInit -= loss;
                lMaint -= loss;
                int tier = tt.tierOf(m, positionNotional);
                double over = positionNotional - tierLower[tier];
                double k = kReq[m];
                rInit += k * (initialBelow[tier] + initialFraction[tier] * over);
                rMaint += k * (maintenanceBelow[tier] + maintenanceFraction[tier] * over);
            }
            int o = sub - base;
            outAssetsInitial[o] = aInit;
            outLiabilitiesInitial[o] = lInit + rInit;
            outAssetsMaintenance[o] = aMaint;
            outLiabilitiesMaintenance[o] = lMaint + rMaint;
            outRequirement[o] = rMaint;
            outEquity[o] = eq;
            outNotional[o] = n;
        }
    }

    /**
     * @param position a position's index
     * @return its maintenance requirement at the current price, USD: the tiered requirement of its notional, times the
     *         market's requirement multiplier (dynamic margin)
     */
    public double positionMaintenanceRequirement(int position) {
        int m = subs.positionMarket[position];
        double notional = Math.abs(subs.positionSize[position]) * assets.price[tiers.underlying[m]];
        int tier = tiers.tierOf(m, notional);
        return requirementMultiplier[m] * (tiers.maintenanceBelow[tier]
                + tiers.maintenanceFraction[tier] * (notional - tiers.lower[tier]));
    }

    /**
     * The slope of a sub-account's maintenance health in one asset's price at its current price, read off its
     * holdings and positions without evaluating it: {@code Σ units·w} over its balances of the asset (w the weight in
     * force), and per position on it {@code size·(w+ when in profit, else 1) − k·f·|size|} (w+ the positive-PnL weight,
     * k the margin multiplier, f the marginal maintenance fraction of its tier). Exact on the linear piece the price
     * is on; a liquidation price's first guess.
     *
     * @param sub   dense index
     * @param asset dense index
     * @return d(maintenance health)/d(price), USD per USD per unit
     */
    public double maintenanceSlope(int sub, int asset) {
        double slope = 0;
        for (int b = subs.balanceStart[sub], end = subs.balanceStart[sub + 1]; b < end; b++) {
            if (subs.balanceAsset[b] == asset) {
                double units = subs.balanceUnits[b];
                slope += units * maintenanceWeightInForce(b, units > 0);
            }
        }
        double price = assets.price[asset];
        for (int p = subs.positionStart[sub], end = subs.positionStart[sub + 1]; p < end; p++) {
            int m = subs.positionMarket[p];
            if (tiers.underlying[m] != asset) {
                continue;
            }
            double size = subs.positionSize[p];
            double mark = price - spread[asset] * Math.signum(size);
            double pnl = size * (mark - subs.positionEntry[p]);
            slope += size * (pnl > 0 ? tiers.positivePnlWeight[m] : 1);
            int tier = tiers.tierOf(m, Math.abs(size) * mark);
            slope -= requirementMultiplier[m] * tiers.maintenanceFraction[tier] * Math.abs(size);
        }
        return slope;
    }

    /**
     * @param sub dense index
     * @return the balance slot of its largest debt by value at the current prices (ties: the lower slot), or −1 when
     *         it owes nothing
     */
    public int largestDebtSlot(int sub) {
        int best = -1;
        double bestUsd = 0;
        for (int b = subs.balanceStart[sub]; b < subs.balanceStart[sub + 1]; b++) {
            double usd = -subs.balanceUnits[b] * assets.price[subs.balanceAsset[b]];
            if (usd > bestUsd) {
                best = b;
                bestUsd = usd;
            }
        }
        return best;
    }

    /**
     * @param balance a balance slot
     * @return the maintenance weight it counts at now: its collateral weight when held, its liability weight when
     *         borrowed, size-adjusted and scaled by dynamic margin's haircut multiplier
     */
    public double balanceMaintenanceWeight(int balance) {
        return maintenanceWeightInForce(balance, subs.balanceUnits[balance] > 0);
    }

    /** @return the maintenance weight in force for a balance of the given sign (its haircut scaled, if any) */
    double maintenanceWeightInForce(int balance, boolean asset) {
        double w = subs.balanceWeightMaintenance[balance];
        double h = haircutMultiplier[subs.balanceAsset[balance]];
        return h == 1 ? w : scaledWeight(w, h, asset);
    }

    /** @return the market's requirement multiplier (dynamic margin) */
    double requirementMultiplier(int market) {
        return requirementMultiplier[market];
    }

    private static double scaledWeight(double w, double multiplier, boolean asset) {
        return asset ? Math.max(0, 1 - (1 - w) * multiplier) : 1 + (w - 1) * multiplier;
    }

    /**
     * @param sub dense index
     * @return maintenance health at the last evaluation, USD
     */
    public double maintenanceHealth(int sub) {
        return weightedAssetsMaintenance[sub] - weightedLiabilitiesMaintenance[sub];
    }

    /**
     * @param sub dense index
     * @return initial health at the last evaluation, USD
     */
    public double initialHealth(int sub) {
        return weightedAssetsInitial[sub] - weightedLiabilitiesInitial[sub];
    }

    /**
     * @param sub dense index
     * @return maintenance weighted assets at the last evaluation, USD
     */
    public double maintenanceWeightedAssets(int sub) {
        return weightedAssetsMaintenance[sub];
    }

    /**
     * @param sub dense index
     * @return maintenance weighted liabilities (requirement included) at the last evaluation, USD
     */
    public double maintenanceWeightedLiabilities(int sub) {
        return weightedLiabilitiesMaintenance[sub];
    }

    /**
     * @param sub dense index
     * @return the maintenance requirement of its positions at the last evaluation, USD
     */
    public double maintenanceRequirement(int sub) {
        return requirementMaintenance[sub];
    }

    /**
     * @param sub dense index
     * @return maintenance health factor A/L at the last evaluation; NaN when L = 0
     */
    public double maintenanceHealthFactor(int sub) {
        double l = weightedLiabilitiesMaintenance[sub];
        return l == 0 ? Double.NaN : weightedAssetsMaintenance[sub] / l;
    }

    /**
     * @param sub dense index
     * @return unweighted equity at the last evaluation, USD
     */
    public double equity(int sub) {
        return equity[sub];
    }

    /**
     * @param sub dense index
     * @return total notional of its positions at the last evaluation, USD
     */
    public double notional(int sub) {
        return notional[sub];
    }

    /**
     * @param sub dense index
     * @return whether it was liquidatable at the last evaluation: L_m &gt; 0 and health_m &lt; 0
     */
    public boolean liquidatable(int sub) {
        return weightedLiabilitiesMaintenance[sub] > 0 && maintenanceHealth(sub) < 0;
    }
}
