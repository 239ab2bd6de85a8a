package io.solvent.engine.book;

import io.solvent.engine.margin.SizeAdjustedWeightCalculator;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.SubAccount;

import java.util.Map;

/**
 * Sub-accounts by dense index in book order, with their balances and positions in compressed rows: the balances of
 * sub-account {@code s} are entries {@code balanceStart(s) .. balanceStart(s+1)}, likewise positions. Size-adjusted
 * weights are computed once per balance, since they depend on units, not on price.
 */
public final class SubAccountTable {
    private final String[] accountId;
    private final String[] subAccountId;
    private final MarginMode[] mode;

    final int[] balanceStart;
    final int[] balanceAsset;
    final double[] balanceUnits;
    final double[] balanceWeightInitial;
    final double[] balanceWeightMaintenance;

    final int[] positionStart;
    final int[] positionMarket;
    final double[] positionSize;
    final double[] positionEntry;

    private final AssetTable assets;
    private final int[] settlementSlot;

    /**
     * @param settlementAsset dense index of the asset realized PnL and fees settle in, or −1 for none; when given,
     *                        every sub-account gets a balance slot for it (zero when the book has none)
     */
    SubAccountTable(Book book, AssetTable assets, MarketTable markets, int settlementAsset) {
        this.assets = assets;
        String settlement = settlementAsset < 0 ? null : assets.symbol(settlementAsset);
        int subs = 0;
        int balances = 0;
        int positions = 0;
        for (Account a : book.accounts()) {
            for (SubAccount s : a.subaccounts()) {
                subs++;
                balances += s.balances().size();
                if (settlement != null && !s.balances().containsKey(settlement)) {
                    balances++;
                }
                positions += s.positions().size();
            }
        }
        settlementSlot = new int[subs];
        accountId = new String[subs];
        subAccountId = new String[subs];
        mode = new MarginMode[subs];
        balanceStart = new int[subs + 1];
        balanceAsset = new int[balances];
        balanceUnits = new double[balances];
        balanceWeightInitial = new double[balances];
        balanceWeightMaintenance = new double[balances];
        positionStart = new int[subs + 1];
        positionMarket = new int[positions];
        positionSize = new double[positions];
        positionEntry = new double[positions];

        int s = 0;
        int b = 0;
        int p = 0;
        for (Account a : book.accounts()) {
            for (SubAccount sub : a.subaccounts()) {
                accountId[s] = a.id();
                subAccountId[s] = sub.id();
                mode[s] = sub.mode();
                balanceStart[s] = b;
                positionStart[s] = p;
                settlementSlot[s] = -1;
                for (Map.Entry<String, Double> e : sub.balances().entrySet()) {
                    int asset = assets.indexOf(e.getKey());
                    balanceAsset[b] = asset;
                    setUnits(b, e.getValue());
                    if (asset == settlementAsset) {
                        settlementSlot[s] = b;
                    }
                    b++;
                }
                if (settlement != null && settlementSlot[s] < 0) {
                    balanceAsset[b] = settlementAsset;
                    setUnits(b, 0);
                    settlementSlot[s] = b;
                    b++;
                }
                for (Position pos : sub.positions()) {
                    positionMarket[p] = markets.indexOf(pos.market());
                    positionSize[p] = pos.size();
                    positionEntry[p] = pos.entryPrice();
                    p++;
                }
                s++;
            }
        }
        balanceStart[subs] = b;
        positionStart[subs] = p;
    }

    /**
     * Takes over columns filled elsewhere ({@link MarginBookBuilder}), exactly sized, and computes the size-adjusted
     * weights of every balance.
     */
    SubAccountTable(AssetTable assets, String[] accountId, String[] subAccountId, MarginMode[] mode,
                    int[] balanceStart, int[] balanceAsset, double[] balanceUnits, int[] settlementSlot,
                    int[] positionStart, int[] positionMarket, double[] positionSize, double[] positionEntry) {
        this.assets = assets;
        this.accountId = accountId;
        this.subAccountId = subAccountId;
        this.mode = mode;
        this.balanceStart = balanceStart;
        this.balanceAsset = balanceAsset;
        this.balanceUnits = balanceUnits;
        this.balanceWeightInitial = new double[balanceUnits.length];
        this.balanceWeightMaintenance = new double[balanceUnits.length];
        this.settlementSlot = settlementSlot;
        this.positionStart = positionStart;
        this.positionMarket = positionMarket;
        this.positionSize = positionSize;
        this.positionEntry = positionEntry;
        for (int b = 0; b < balanceUnits.length; b++) {
            setUnits(b, balanceUnits[b]);
        }
    }

    /** A copy whose balances and positions can change independently; ids, layout and indexes are shared. */
    SubAccountTable(SubAccountTable o, AssetTable assets) {
        this.assets = assets;
        this.settlementSlot = o.settlementSlot;
        this.accountId = o.accountId;
        this.subAccountId = o.subAccountId;
        this.mode = o.mode;
        this.balanceStart = o.balanceStart;
        this.balanceAsset = o.balanceAsset;
        this.balanceUnits = o.balanceUnits.clone();
        this.balanceWeightInitial = o.balanceWeightInitial.clone();
        this.balanceWeightMaintenance = o.balanceWeightMaintenance.clone();
        this.positionStart = o.positionStart;
        this.positionMarket = o.positionMarket;
        this.positionSize = o.positionSize.clone();
        this.positionEntry = o.positionEntry;
    }

    /** Recomputes every balance's size-adjusted weights from the asset table's definitions (after they changed). */
    void reweighAll() {
        for (int b = 0; b < balanceUnits.length; b++) {
            setUnits(b, balanceUnits[b]);
        }
    }

    /** Sets a balance's units and recomputes its size-adjusted weights, which depend on units, not price. */
    void setUnits(int balance, double units) {
        Asset def = assets.asset(balanceAsset[balance]);
        balanceUnits[balance] = units;
        balanceWeightInitial[balance] = SizeAdjustedWeightCalculator.weightFor(def.initialWeight(),
                def.initialLiabilityWeight(), def.sizeFactor(), units);
        balanceWeightMaintenance[balance] = SizeAdjustedWeightCalculator.weightFor(def.maintenanceWeight(),
                def.maintenanceLiabilityWeight(), def.sizeFactor(), units);
    }

    void setPositionSize(int position, double size) {
        positionSize[position] = size;
    }

    /**
     * @param sub dense index
     * @return the balance slot of the settlement asset, or −1 when the book was built without one
     */
    public int settlementSlot(int sub) {
        return settlementSlot[sub];
    }

    /**
     * @param sub dense index
     * @return index of its first balance; its balances are {@code balanceStart(sub) .. balanceStart(sub + 1)}
     */
    public int balanceStart(int sub) {
        return balanceStart[sub];
    }

    /**
     * @param balance balance index
     * @return dense index of its asset
     */
    public int balanceAsset(int balance) {
        return balanceAsset[balance];
    }

    /**
     * @param balance balance index
     * @return amount in units of its asset, negative when borrowed
     */
    public double balanceUnits(int balance) {
        return balanceUnits[balance];
    }

    /**
     * @param sub dense index
     * @return index of its first position; its positions are {@code positionStart(sub) .. positionStart(sub + 1)}
     */
    public int positionStart(int sub) {
        return positionStart[sub];
    }

    /**
     * @param position position index
     * @return dense index of its market
     */
    public int positionMarket(int position) {
        return positionMarket[position];
    }

    /**
     * @param position position index
     * @return signed size in units of the underlying (0 once closed)
     */
    public double positionSize(int position) {
        return positionSize[position];
    }

    /**
     * @param position position index
     * @return entry price, USD per unit
     */
    public double positionEntry(int position) {
        return positionEntry[position];
    }

    /** @return the number of sub-accounts */
    public int size() {
        return accountId.length;
    }

    /**
     * @param sub dense index
     * @return the id of the account owning it
     */
    public String accountId(int sub) {
        return accountId[sub];
    }

    /**
     * @param sub dense index
     * @return its id within its account
     */
    public String subAccountId(int sub) {
        return subAccountId[sub];
    }

    /**
     * @param sub dense index
     * @return cross or isolated
     */
    public MarginMode mode(int sub) {
        return mode[sub];
    }

    /**
     * @param sub dense index
     * @return number of balances
     */
    public int balanceCount(int sub) {
        return balanceStart[sub + 1] - balanceStart[sub];
    }

    /**
     * @param sub dense index
     * @return number of positions
     */
    public int positionCount(int sub) {
        return positionStart[sub + 1] - positionStart[sub];
    }
}
