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

    SubAccountTable(Book book, AssetTable assets, MarketTable markets) {
        int subs = 0;
        int balances = 0;
        int positions = 0;
        for (Account a : book.accounts()) {
            for (SubAccount s : a.subaccounts()) {
                subs++;
                balances += s.balances().size();
                positions += s.positions().size();
            }
        }
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
                for (Map.Entry<String, Double> e : sub.balances().entrySet()) {
                    int asset = assets.indexOf(e.getKey());
                    Asset def = assets.asset(asset);
                    double units = e.getValue();
                    balanceAsset[b] = asset;
                    balanceUnits[b] = units;
                    balanceWeightInitial[b] = SizeAdjustedWeightCalculator.weightFor(def.initialWeight(),
                            def.initialLiabilityWeight(), def.sizeFactor(), units);
                    balanceWeightMaintenance[b] = SizeAdjustedWeightCalculator.weightFor(def.maintenanceWeight(),
                            def.maintenanceLiabilityWeight(), def.sizeFactor(), units);
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
