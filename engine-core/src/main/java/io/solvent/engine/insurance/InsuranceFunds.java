package io.solvent.engine.insurance;

import java.util.List;

/**
 * The insurance funds of a venue, keyed 0..n−1, and which fund backs each market: one venue-wide fund, or a
 * separate fund for an isolated market (dYdX v4: {@code insurance_fund:<perpId>} for isolated markets; Drift: one
 * per asset).
 */
public final class InsuranceFunds {
    private final InsuranceFund[] funds;
    private final int[] fundOfMarket;

    private InsuranceFunds(InsuranceFund[] funds, int[] fundOfMarket) {
        this.funds = funds;
        this.fundOfMarket = fundOfMarket;
    }

    /**
     * @param specs        the funds; the fund at position k gets key k
     * @param fundOfMarket for each market (dense index), the key of the fund backing it
     * @return the funds
     */
    public static InsuranceFunds of(List<FundSpec> specs, int[] fundOfMarket) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one insurance fund is needed");
        }
        InsuranceFund[] funds = new InsuranceFund[specs.size()];
        for (int k = 0; k < funds.length; k++) {
            funds[k] = new InsuranceFund(k, specs.get(k));
        }
        for (int m = 0; m < fundOfMarket.length; m++) {
            if (fundOfMarket[m] < 0 || fundOfMarket[m] >= funds.length) {
                throw new IllegalArgumentException("market " + m + " is backed by fund " + fundOfMarket[m]
                        + ", expected 0.." + (funds.length - 1));
            }
        }
        return new InsuranceFunds(funds, fundOfMarket.clone());
    }

    /**
     * @param spec    the one fund
     * @param markets how many markets it backs
     * @return a venue-wide fund (key 0) backing every market
     */
    public static InsuranceFunds venueWide(FundSpec spec, int markets) {
        return of(List.of(spec), new int[markets]);
    }

    /** @return an independent copy of every fund, for a snapshot or a fork */
    public InsuranceFunds copy() {
        InsuranceFund[] c = new InsuranceFund[funds.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = funds[k].copy();
        }
        return new InsuranceFunds(c, fundOfMarket);
    }

    /** @return how many funds */
    public int size() {
        return funds.length;
    }

    /** @return how many markets are mapped */
    public int markets() {
        return fundOfMarket.length;
    }

    /** @param key fund key @return the fund */
    public InsuranceFund fund(int key) {
        return funds[key];
    }

    /** @param market dense market index @return the key of the fund backing it */
    public int keyOfMarket(int market) {
        return fundOfMarket[market];
    }

    /** @param market dense market index @return the fund backing it */
    public InsuranceFund forMarket(int market) {
        return funds[fundOfMarket[market]];
    }

    /** @return the sum of every fund's balance, USD */
    public double totalBalance() {
        double s = 0;
        for (InsuranceFund f : funds) {
            s += f.balance();
        }
        return s;
    }
}
