package io.solvent.engine.sim.lab;

/**
 * One position that paid towards a shortfall under one policy: a counterparty ranked ADL closed, or a holder charged
 * its share of a socialized loss.
 *
 * @param account              its account's id
 * @param subAccount           its sub-account's id within the account
 * @param market               the market's symbol
 * @param sizeBefore           its signed size just before the bankruptcy was settled, units of the underlying
 *                             (+ long, − short)
 * @param sizeClosed           what deleveraging closed of it, units of the underlying, {@code >= 0}; 0 when socialized
 *                             (a socialized loss closes nothing: its whole size was charged)
 * @param paidUsd              what it transferred to the bankrupt sub-account, USD, {@code >= 0} (ADL: its give-up
 *                             against closing at the mark; socialize: its share)
 * @param unrealizedPnlUsd     its unrealized PnL just before, at the market's price, USD
 * @param equityUsd            its sub-account's equity just before, USD
 * @param takenUsd             what the policy took from it in the lab's haircut measure, USD, {@code >= paidUsd}
 *                             ({@link OvershootCalculator})
 * @param rank                 ADL: its place in the queue among those filled, 1 first; 0 for a socialized share
 * @param rankKey              ADL: its ranking key just before (larger goes first); NaN for a socialized share
 */
public record Payer(String account, String subAccount, String market, double sizeBefore, double sizeClosed,
                    double paidUsd, double unrealizedPnlUsd, double equityUsd, double takenUsd, int rank,
                    double rankKey) {

    /** @return "long" or "short", as the position was */
    public String side() {
        return sizeBefore >= 0 ? "long" : "short";
    }

    /** @return {@code account/subAccount} */
    public String id() {
        return account + "/" + subAccount;
    }
}
