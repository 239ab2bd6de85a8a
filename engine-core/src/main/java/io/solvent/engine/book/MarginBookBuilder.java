package io.solvent.engine.book;

import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link MarginBook} one sub-account at a time, straight into growing primitive columns, without a
 * {@link io.solvent.engine.model.Book} of records: for books of millions of sub-accounts streamed from a file or a
 * generator. The result is identical, figure for figure, to {@link MarginBook#of(io.solvent.engine.model.Book,
 * String)} on the same book.
 *
 * <p>Balances and positions name their asset and market by a key ({@link #assetKey(String)},
 * {@link #marketKey(String)}) handed out in order of first use, so that sub-accounts may arrive before the assets and
 * markets are known; the keys are resolved by symbol in {@link #build}. Cross-record checks (unique ids, known names)
 * are the caller's: {@link #build} only refuses names it cannot resolve. Single use: after {@link #build} the builder
 * holds nothing.
 */
public final class MarginBookBuilder {
    private static final int ID_POOL_LIMIT = 4096;
    private static final int ADDED = -2;

    private final String settlementAsset;
    private final int settlementKey;
    private final Map<String, Integer> assetKeys = new HashMap<>();
    private final List<String> assetSymbols = new ArrayList<>();
    private final Map<String, Integer> marketKeys = new HashMap<>();
    private final List<String> marketSymbols = new ArrayList<>();
    private final Map<String, String> idPool = new HashMap<>();
    private boolean[] assetHeld = new boolean[8];
    private boolean[] marketTraded = new boolean[8];

    private String[] accountId;
    private String[] subAccountId;
    private MarginMode[] mode;
    private int[] settlementSlot;
    private int[] balanceStart;
    private int[] positionStart;
    private int[] balanceKey;
    private double[] balanceUnits;
    private int[] positionKey;
    private double[] positionSize;
    private double[] positionEntry;
    private int subs;
    private int balances;
    private int positions;
    private boolean built;

    /**
     * @param settlementAsset symbol of the asset realized PnL and fees settle in (every sub-account gets a balance
     *                        slot of it, zero when it holds none), or null for none
     * @param expectedSubAccounts a capacity hint, {@code >= 0}
     */
    public MarginBookBuilder(String settlementAsset, int expectedSubAccounts) {
        int n = Math.max(16, expectedSubAccounts);
        this.settlementAsset = settlementAsset;
        accountId = new String[n];
        subAccountId = new String[n];
        mode = new MarginMode[n];
        settlementSlot = new int[n];
        balanceStart = new int[n + 1];
        positionStart = new int[n + 1];
        balanceKey = new int[2 * n];
        balanceUnits = new double[2 * n];
        positionKey = new int[2 * n];
        positionSize = new double[2 * n];
        positionEntry = new double[2 * n];
        settlementKey = settlementAsset == null ? -1 : key(settlementAsset, assetKeys, assetSymbols);
    }

    /**
     * @param symbol an asset symbol
     * @return its key, the same for the same symbol
     */
    public int assetKey(String symbol) {
        int k = key(symbol, assetKeys, assetSymbols);
        if (k >= assetHeld.length) {
            assetHeld = Arrays.copyOf(assetHeld, 2 * k + 1);
        }
        return k;
    }

    /**
     * @param symbol a market symbol
     * @return its key, the same for the same symbol
     */
    public int marketKey(String symbol) {
        int k = key(symbol, marketKeys, marketSymbols);
        if (k >= marketTraded.length) {
            marketTraded = Arrays.copyOf(marketTraded, 2 * k + 1);
        }
        return k;
    }

    private static int key(String symbol, Map<String, Integer> keys, List<String> symbols) {
        Integer k = keys.get(symbol);
        if (k == null) {
            k = symbols.size();
            keys.put(symbol, k);
            symbols.add(symbol);
        }
        return k;
    }

    /** @return the number of sub-accounts started so far */
    public int size() {
        return subs;
    }

    /**
     * Starts the next sub-account; the balances and positions that follow are its own, in order.
     *
     * @param account id of its account (the same String for every sub-account of one account saves memory)
     * @param id      its id within the account
     * @param margin  cross or isolated
     */
    public void startSubAccount(String account, String id, MarginMode margin) {
        checkOpen();
        if (subs > 0) {
            closeSubAccount();
        }
        if (subs == accountId.length) {
            int n = grow(subs);
            accountId = Arrays.copyOf(accountId, n);
            subAccountId = Arrays.copyOf(subAccountId, n);
            mode = Arrays.copyOf(mode, n);
            settlementSlot = Arrays.copyOf(settlementSlot, n);
            balanceStart = Arrays.copyOf(balanceStart, n + 1);
            positionStart = Arrays.copyOf(positionStart, n + 1);
        }
        accountId[subs] = account;
        subAccountId[subs] = pooled(id);
        mode[subs] = margin;
        settlementSlot[subs] = -1;
        balanceStart[subs] = balances;
        positionStart[subs] = positions;
        subs++;
    }

    private String pooled(String id) {
        String known = idPool.get(id);
        if (known != null) {
            return known;
        }
        if (idPool.size() < ID_POOL_LIMIT) {
            idPool.put(id, id);
        }
        return id;
    }

    /**
     * Adds a balance to the current sub-account.
     *
     * @param assetKey key of its asset ({@link #assetKey(String)}), at most once per sub-account
     * @param units    amount in units of the asset, finite, negative when borrowed
     */
    public void balance(int assetKey, double units) {
        checkOpen();
        if (!Double.isFinite(units)) {
            throw new IllegalArgumentException("units must be finite, was " + units);
        }
        assetHeld[assetKey] = true;
        appendBalance(assetKey, units);
        if (assetKey == settlementKey) {
            settlementSlot[subs - 1] = balances - 1;
        }
    }

    private void appendBalance(int assetKey, double units) {
        if (subs == 0) {
            throw new IllegalStateException("no sub-account started");
        }
        if (balances == balanceKey.length) {
            int n = grow(balances);
            balanceKey = Arrays.copyOf(balanceKey, n);
            balanceUnits = Arrays.copyOf(balanceUnits, n);
        }
        balanceKey[balances] = assetKey;
        balanceUnits[balances] = units;
        balances++;
    }

    /**
     * Adds a position to the current sub-account.
     *
     * @param marketKey  key of its market ({@link #marketKey(String)})
     * @param size       signed size in units of the underlying, finite
     * @param entryPrice entry price, USD per unit, finite
     */
    public void position(int marketKey, double size, double entryPrice) {
        checkOpen();
        if (subs == 0) {
            throw new IllegalStateException("no sub-account started");
        }
        if (!Double.isFinite(size) || !Double.isFinite(entryPrice)) {
            throw new IllegalArgumentException("size and entry price must be finite, were " + size + " and "
                    + entryPrice);
        }
        marketTraded[marketKey] = true;
        if (positions == positionKey.length) {
            int n = grow(positions);
            positionKey = Arrays.copyOf(positionKey, n);
            positionSize = Arrays.copyOf(positionSize, n);
            positionEntry = Arrays.copyOf(positionEntry, n);
        }
        positionKey[positions] = marketKey;
        positionSize[positions] = size;
        positionEntry[positions] = entryPrice;
        positions++;
    }

    /**
     * Adds every sub-account of an account, in order.
     *
     * @param account a validated account
     */
    public void add(Account account) {
        for (SubAccount sub : account.subaccounts()) {
            startSubAccount(account.id(), sub.id(), sub.mode());
            for (Map.Entry<String, Double> b : sub.balances().entrySet()) {
                balance(assetKey(b.getKey()), b.getValue());
            }
            for (Position p : sub.positions()) {
                position(marketKey(p.market()), p.size(), p.entryPrice());
            }
        }
    }

    /**
     * @param sub index of a sub-account added so far
     * @return index of its first balance; they run to {@code balanceStart(sub + 1)} (or the balances added so far)
     */
    public int balanceStart(int sub) {
        return balanceStart[sub];
    }

    /**
     * @param sub index of a sub-account added so far
     * @return index of its first position; they run to {@code positionStart(sub + 1)} (or the positions added so far)
     */
    public int positionStart(int sub) {
        return positionStart[sub];
    }

    /** @return balances added so far (settlement slots of finished sub-accounts included) */
    public int balanceCount() {
        return balances;
    }

    /** @return positions added so far */
    public int positionCount() {
        return positions;
    }

    /**
     * @param balance balance index
     * @return the symbol of its asset
     */
    public String balanceSymbol(int balance) {
        return assetSymbols.get(balanceKey[balance]);
    }

    /**
     * @param balance balance index
     * @return whether it is a settlement slot the builder added because its sub-account held none of that asset
     */
    public boolean isAddedSettlementSlot(int balance) {
        int lo = 0;
        int hi = subs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (balanceStart[mid] <= balance) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return settlementSlot[lo] == ADDED - balance;
    }

    /**
     * @param assets  known asset symbols
     * @param markets known market symbols
     * @return whether every asset a balance holds and every market a position trades is among them (the settlement
     *         slots the builder adds are not counted)
     */
    public boolean namesOnly(Set<String> assets, Set<String> markets) {
        for (int k = 0; k < assetSymbols.size(); k++) {
            if (k < assetHeld.length && assetHeld[k] && !assets.contains(assetSymbols.get(k))) {
                return false;
            }
        }
        for (int k = 0; k < marketSymbols.size(); k++) {
            if (k < marketTraded.length && marketTraded[k] && !markets.contains(marketSymbols.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param position position index
     * @return the symbol of its market
     */
    public String positionSymbol(int position) {
        return marketSymbols.get(positionKey[position]);
    }

    private void closeSubAccount() {
        if (settlementKey >= 0 && settlementSlot[subs - 1] < 0) {
            appendBalance(settlementKey, 0);
            settlementSlot[subs - 1] = ADDED - (balances - 1); // marked as added until build()
        }
    }

    private static int grow(int n) {
        if (n >= Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many rows: " + n);
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, n + (long) (n >> 1)));
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("already built");
        }
    }

    /**
     * Builds the hot state and evaluates every sub-account, as {@link MarginBook#of(io.solvent.engine.model.Book,
     * String)} does for a book of these assets, markets, prices and sub-accounts.
     *
     * @param assets  the assets, in book order
     * @param markets the markets, in book order, each underlying one of {@code assets}
     * @param prices  the prices
     * @return the evaluated hot state
     * @throws IllegalArgumentException when a balance or position names an unknown asset or market, or an asset a
     *                                  sub-account holds or trades (or the settlement asset) has no price
     */
    public MarginBook build(List<Asset> assets, List<Market> markets, Prices prices) {
        checkOpen();
        if (subs > 0) {
            closeSubAccount();
        }
        balanceStart[subs] = balances;
        positionStart[subs] = positions;
        built = true;

        Map<String, Integer> assetIndex = new HashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            assetIndex.put(assets.get(i).symbol(), i);
        }
        Map<String, Integer> marketIndex = new HashMap<>();
        for (int i = 0; i < markets.size(); i++) {
            marketIndex.put(markets.get(i).symbol(), i);
        }
        int[] assetOfKey = resolve(assetSymbols, assetIndex, assetHeld, "asset");
        int[] marketOfKey = resolve(marketSymbols, marketIndex, marketTraded, "market");

        Set<String> needed = new LinkedHashSet<>();
        for (int k = 0; k < assetSymbols.size(); k++) {
            if (k < assetHeld.length && assetHeld[k]) {
                needed.add(assetSymbols.get(k));
            }
        }
        for (int k = 0; k < marketSymbols.size(); k++) {
            if (k < marketTraded.length && marketTraded[k]) {
                needed.add(markets.get(marketOfKey[k]).underlying());
            }
        }
        List<String> unpriced = new ArrayList<>();
        for (Asset a : assets) {
            if (needed.contains(a.symbol()) && prices.find(a.symbol()).isEmpty()) {
                unpriced.add(a.symbol());
            }
        }
        if (!unpriced.isEmpty()) {
            throw new IllegalArgumentException("no price for " + unpriced);
        }
        if (settlementAsset != null && prices.find(settlementAsset).isEmpty()) {
            throw new IllegalArgumentException("no price for the settlement asset " + settlementAsset);
        }

        AssetTable assetTable = new AssetTable(assets, prices);
        MarketTable marketTable = new MarketTable(markets, assetTable);
        int[] bAsset = Arrays.copyOf(balanceKey, balances);
        balanceKey = null;
        for (int b = 0; b < bAsset.length; b++) {
            bAsset[b] = assetOfKey[bAsset[b]];
        }
        int[] pMarket = Arrays.copyOf(positionKey, positions);
        positionKey = null;
        for (int p = 0; p < pMarket.length; p++) {
            pMarket[p] = marketOfKey[pMarket[p]];
        }
        SubAccountTable table = new SubAccountTable(assetTable, trim(accountId), trim(subAccountId), trimModes(),
                Arrays.copyOf(balanceStart, subs + 1), bAsset, Arrays.copyOf(balanceUnits, balances),
                settlementAsset == null ? filled(subs) : decodedSlots(),
                Arrays.copyOf(positionStart, subs + 1), pMarket, Arrays.copyOf(positionSize, positions),
                Arrays.copyOf(positionEntry, positions));
        release();
        MarginBook book = new MarginBook(assetTable, marketTable, table);
        book.revalueAll();
        return book;
    }

    private int[] resolve(List<String> symbols, Map<String, Integer> index, boolean[] used, String what) {
        int[] of = new int[symbols.size()];
        for (int k = 0; k < of.length; k++) {
            Integer i = index.get(symbols.get(k));
            if (i == null && k != settlementKey) {
                throw new IllegalArgumentException("unknown " + what + " '" + symbols.get(k) + "'");
            }
            of[k] = i == null ? -1 : i;
        }
        return of;
    }

    private String[] trim(String[] a) {
        return a.length == subs ? a : Arrays.copyOf(a, subs);
    }

    private MarginMode[] trimModes() {
        return mode.length == subs ? mode : Arrays.copyOf(mode, subs);
    }

    private int[] decodedSlots() {
        int[] a = Arrays.copyOf(settlementSlot, subs);
        for (int i = 0; i < subs; i++) {
            if (a[i] <= ADDED) {
                a[i] = ADDED - a[i];
            }
        }
        return a;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private void release() {
        accountId = null;
        subAccountId = null;
        mode = null;
        settlementSlot = null;
        balanceStart = null;
        positionStart = null;
        balanceUnits = null;
        positionSize = null;
        positionEntry = null;
    }
}
