package io.solvent.engine.ledger;

/**
 * How many parties of each kind a ledger has room for; indices run from 0 to count − 1.
 *
 * @param subAccounts    sub-accounts in the book
 * @param insuranceFunds insurance funds (1 for a venue-wide fund, plus one per isolated market with its own)
 * @param liquidators    liquidators (1 for one aggregate liquidator)
 * @param markets        markets, each with its own outside-market party
 * @param deficitBooks   deficit books (usually as many as insurance funds)
 */
public record LedgerShape(int subAccounts, int insuranceFunds, int liquidators, int markets, int deficitBooks) {

    public LedgerShape {
        int[] counts = {subAccounts, insuranceFunds, liquidators, markets, deficitBooks};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || counts[i] > Parties.MAX_INDEX + 1) {
                throw new IllegalArgumentException(PartyKind.values()[i] + " count must be 0.."
                        + (Parties.MAX_INDEX + 1) + ", was " + counts[i]);
            }
        }
    }

    /** @param kind a kind of party @return how many parties of that kind there are */
    public int count(PartyKind kind) {
        return switch (kind) {
            case SUB_ACCOUNT -> subAccounts;
            case INSURANCE_FUND -> insuranceFunds;
            case LIQUIDATOR -> liquidators;
            case OUTSIDE_MARKET -> markets;
            case DEFICIT -> deficitBooks;
        };
    }

    /** @return the number of parties of all kinds */
    public int total() {
        return subAccounts + insuranceFunds + liquidators + markets + deficitBooks;
    }
}
