package io.solvent.engine.ledger;

/**
 * Encodes a party (a {@link PartyKind} and an index) as one non-negative {@code int}, so that ledger entries and
 * listeners need no objects. Bits 28–30 hold the kind's ordinal, bits 0–27 the index.
 */
public final class Parties {
    /** Largest index a party may have: 2<sup>28</sup> − 1. */
    public static final int MAX_INDEX = (1 << 28) - 1;
    private static final int SHIFT = 28;
    private static final PartyKind[] KINDS = PartyKind.values();

    private Parties() {
    }

    /**
     * @param kind  the kind of party
     * @param index its index, {@code 0..MAX_INDEX}
     * @return the encoded party
     */
    public static int of(PartyKind kind, int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("party index must be 0.." + MAX_INDEX + ", was " + index);
        }
        return kind.ordinal() << SHIFT | index;
    }

    /** @param subAccount dense index of the sub-account @return the encoded party */
    public static int subAccount(int subAccount) {
        return of(PartyKind.SUB_ACCOUNT, subAccount);
    }

    /** @param fundKey key of the insurance fund @return the encoded party */
    public static int insuranceFund(int fundKey) {
        return of(PartyKind.INSURANCE_FUND, fundKey);
    }

    /** @param liquidator index of the liquidator (0 for one aggregate liquidator) @return the encoded party */
    public static int liquidator(int liquidator) {
        return of(PartyKind.LIQUIDATOR, liquidator);
    }

    /** @param market dense index of the market whose outside liquidity is meant @return the encoded party */
    public static int outsideMarket(int market) {
        return of(PartyKind.OUTSIDE_MARKET, market);
    }

    /** @param book index of the deficit book (by convention the fund key it backs) @return the encoded party */
    public static int deficit(int book) {
        return of(PartyKind.DEFICIT, book);
    }

    /** @param party an encoded party @return its kind */
    public static PartyKind kind(int party) {
        int k = party >>> SHIFT;
        if (party < 0 || k >= KINDS.length) {
            throw new IllegalArgumentException("not an encoded party: " + party);
        }
        return KINDS[k];
    }

    /** @param party an encoded party @return its index within its kind */
    public static int index(int party) {
        return party & MAX_INDEX;
    }

    /** @param party an encoded party @return a readable name such as {@code sub-account 12} or {@code insurance-fund 0} */
    public static String describe(int party) {
        return kind(party).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + index(party);
    }
}
