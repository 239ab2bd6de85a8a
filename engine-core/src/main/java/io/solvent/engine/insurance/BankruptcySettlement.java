package io.solvent.engine.insurance;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;
import io.solvent.engine.liquidity.TradeSide;

import java.util.ArrayList;
import java.util.List;

/**
 * Bankruptcy settlement, stateless: a deficit allocated, paid by the insurance funds, then handed to the deleveraging
 * policy, every movement posted ({@link SettlementContext#posting()}). Perpetual bankruptcies are settled position by
 * position; lending ones, which have no counterparty positions, leave what the fund cannot pay as deficit.
 */
public final class BankruptcySettlement {
    private BankruptcySettlement() {
    }

    /**
     * Settles a perpetual bankruptcy: a sub-account whose open positions were handed over ({@code parts}) with negative
     * equity {@code D}. As dYdX allocates an account's equity to its positions pro rata by maintenance requirement, the
     * deficit is allocated over those positions, {@code D_i = D · w_i / Σw} (w_i: the position's maintenance
     * requirement at the mark; by notional if every w is 0). The insurance fund backing each position's market pays its
     * share first (a fund short of the whole pays each share pro rata). What it cannot pay, {@code S_i}, goes to the
     * deleveraging policy in that position's market, as a bankruptcy of its own: ranked ADL closes opposite positions at
     * that position's own bankruptcy price {@code P_i + S_i / s_i} (s_i: the position's size, P_i: the mark). That price
     * is kept within the market's backstop band {@code |S_i / (s_i·P_i)| <= maxDistance} of the side the counterparties
     * trade; what the band cannot carry is recorded deficit.
     *
     * @param ctx    the step
     * @param parts  the positions handed over
     * @param sub    the bankrupt sub-account, with negative equity
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public static void settlePerp(SettlementContext ctx, HandedOver parts, int sub, long timeMs) {
        MarginBook book = ctx.book();
        InsuranceFunds funds = ctx.funds();
        double deficitUsd = -book.equity(sub);
        int n = parts.count();
        double totalWeight = parts.totalWeight();
        boolean byNotional = !(totalWeight > 0);
        int main = parts.largest(byNotional);
        int mainMarket = parts.market(main);
        InsuranceFund mainFund = funds.forMarket(mainMarket);
        ctx.bankrupt(timeMs, sub, mainMarket, parts.mark(main), deficitUsd);
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
                ctx.posting().transfer(timeMs, paid, fund.party(), Parties.subAccount(sub),
                        TransferReason.BAD_DEBT_PAYOUT);
                ctx.fundPaid(timeMs, sub, mainMarket, paid, fund.name());
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
            double band = ctx.band(m, counterpartySide, timeMs);
            double carried = Math.min(shortfall, band * Math.abs(size) * mark);
            double beyond = shortfall - carried;
            Bankruptcy b = new Bankruptcy(sub, m, fund.key(), size, mark, carried);
            DeleveragingResult r;
            AdlQueues queues = ctx.adlQueues();
            if (queues != null && size != 0) { // the kept queue, in order: no full ranking
                r = ((RankedAdlPolicy) ctx.policy()).deleverage(b, carried,
                        queues.queue(m, -Math.signum(size), mark, sub));
                queues.putBack();
            } else {
                r = ctx.policy().deleverage(b, carried, candidates(ctx, sub, m, size));
            }
            for (Transfer t : r.transfers()) {
                ctx.posting().transfer(timeMs, t.amountUsd(), t.from(), t.to(), t.reason());
                if (t.reason() == TransferReason.SOCIALIZED_LOSS) {
                    ctx.socialized(timeMs, Parties.index(t.from()), m, t.amountUsd(), sub);
                }
            }
            for (DeleveragingFill f : r.fills()) {
                fill(ctx, f, mark, sub, timeMs);
                ctx.counterpartyFilled(timeMs, f.subAccount(), m, f.priceUsd(), mark, band, sub);
            }
            double recorded = r.deficitUsd();
            if (beyond > 0) {
                ctx.posting().transfer(timeMs, beyond, fund.deficitParty(), Parties.subAccount(sub),
                        TransferReason.DEFICIT);
                recorded += beyond;
            }
            recordedTotal += recorded;
            if (recorded > 0) {
                ctx.deficitRecorded(timeMs, sub, m, recorded, beyond > 0 ? fund.name() + ", beyond the ADL band"
                        : fund.name());
            }
        }
        writeOffResidue(ctx, sub, mainFund, deficitUsd, timeMs);
        ctx.addDeficit(recordedTotal);
        book.revalue(sub);
    }

    /**
     * The transfers sum to the deficit, but adding them to the cash can leave a rounding residue of ~1e-13 that would
     * keep the sub-account "liquidatable" with nothing to close: written off as deficit, in the ledger.
     *
     * @param ctx      the step
     * @param sub      the sub-account
     * @param fund     the fund whose deficit party takes it
     * @param scaleUsd the size of what was settled, USD: a residue above a billionth of it is not rounding
     * @param timeMs   simulated time, ms since the Unix epoch, UTC
     * @return the residue written off, USD (0 when there was none, or more than rounding)
     */
    public static double writeOffResidue(SettlementContext ctx, int sub, InsuranceFund fund, double scaleUsd,
                                         long timeMs) {
        double residue = -ctx.book().equity(sub);
        if (residue > 0 && residue <= 1e-9 * Math.max(1, scaleUsd)) {
            ctx.posting().transfer(timeMs, residue, fund.deficitParty(), Parties.subAccount(sub),
                    TransferReason.DEFICIT);
            ctx.addDeficit(residue);
            return residue;
        }
        return 0;
    }

    /**
     * A lending bankruptcy: a borrow with no collateral left to sell. It has no counterparty positions, so what the
     * fund cannot pay is recorded as deficit, whatever the policy (Aave's {@code reserve.deficit}). Filed under its
     * largest debt's market (market 0 when it has none), at that debt's oracle price.
     *
     * @param ctx    the step
     * @param sub    the bankrupt sub-account, with negative equity and nothing left to close or sell
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public static void settleLending(SettlementContext ctx, int sub, long timeMs) {
        MarginBook book = ctx.book();
        double deficitUsd = -book.equity(sub);
        int debt = book.largestDebtSlot(sub);
        int debtAsset = debt < 0 ? -1 : book.subAccounts().balanceAsset(debt);
        int market = Math.max(0, debtAsset < 0 ? -1 : ctx.primaryMarket(debtAsset));
        double mark = debtAsset < 0 ? 1 : ctx.oracle(debtAsset);
        InsuranceFund fund = ctx.funds().forMarket(market);
        ctx.bankrupt(timeMs, sub, -1, mark, deficitUsd);
        double paid = fund.pay(timeMs, deficitUsd);
        if (paid > 0) {
            ctx.posting().transfer(timeMs, paid, fund.party(), Parties.subAccount(sub), TransferReason.BAD_DEBT_PAYOUT);
            ctx.fundPaid(timeMs, sub, -1, paid, fund.name());
        }
        double rest = deficitUsd - paid;
        if (rest > 0) {
            ctx.posting().transfer(timeMs, rest, fund.deficitParty(), Parties.subAccount(sub), TransferReason.DEFICIT);
            ctx.addDeficit(rest);
            ctx.deficitRecorded(timeMs, sub, -1, rest, fund.name());
        }
        writeOffResidue(ctx, sub, fund, deficitUsd, timeMs);
        book.revalue(sub);
    }

    /** Applies a deleveraging fill to the counterparty's first open position in the market, at the mark. */
    private static void fill(SettlementContext ctx, DeleveragingFill f, double mark, int bankrupt, long timeMs) {
        MarginBook book = ctx.book();
        SubAccountTable subs = book.subAccounts();
        int c = f.subAccount();
        for (int p = subs.positionStart(c); p < subs.positionStart(c + 1); p++) {
            if (subs.positionMarket(p) != f.market() || subs.positionSize(p) == 0) {
                continue;
            }
            double closed = -f.sizeChange();
            double pnl = closed * (mark - subs.positionEntry(p));
            if (pnl > 0) {
                ctx.posting().transfer(timeMs, pnl, Parties.outsideMarket(f.market()), Parties.subAccount(c),
                        TransferReason.CLOSE_OUT_PNL);
            } else if (pnl < 0) {
                ctx.posting().transfer(timeMs, -pnl, Parties.subAccount(c), Parties.outsideMarket(f.market()),
                        TransferReason.CLOSE_OUT_PNL);
            }
            book.setPositionSize(p, subs.positionSize(p) + f.sizeChange());
            book.revalue(c);
            ctx.touched(c);
            ctx.deleveraged(timeMs, c, f.market(), closed, f.priceUsd(), f.transferUsd(), bankrupt);
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
    private static List<DeleveragingCandidate> candidates(SettlementContext ctx, int bankrupt, int market,
                                                          double closedSize) {
        DeleveragingPolicy policy = ctx.policy();
        boolean ranked = policy instanceof RankedAdlPolicy;
        if (policy instanceof DeficitPolicy || ranked && closedSize == 0) {
            return List.of();
        }
        MarginBook book = ctx.book();
        SubAccountTable subs = book.subAccounts();
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
}
