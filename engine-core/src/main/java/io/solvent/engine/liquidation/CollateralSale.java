package io.solvent.engine.liquidation;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.TransferReason;
import io.solvent.engine.liquidity.Execution;
import io.solvent.engine.liquidity.TradeSide;

/**
 * A lending liquidation, stateless (margin-model.md rule 3, as Aave does it): repays part of a sub-account's largest
 * debt — the close factor's share, all of it at or below {@code fullCloseHealthFactor} or when the rest would be dust
 * — by selling its collateral, riskiest first (lowest maintenance weight, then asset index), each sale against the
 * collateral's market with its own slippage, and buying the debt asset against its market. The lending bonus
 * ({@code lendingBonus} × debt repaid, cut so it never turns positive equity negative) is split between the liquidator
 * and the insurance fund like a liquidation fee. An asset without a market trades at its oracle price.
 */
public final class CollateralSale {
    private CollateralSale() {
    }

    /**
     * @param ctx    the step
     * @param sub    a liquidatable sub-account with no open position
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     * @return whether anything was sold
     */
    public static boolean sell(LiquidationContext ctx, int sub, long timeMs) {
        MarginBook book = ctx.book();
        SubAccountTable subs = book.subAccounts();
        LiquidationParameters params = ctx.params();
        Execution exec = ctx.execution();
        int debtSlot = book.largestDebtSlot(sub);
        if (debtSlot < 0) {
            return false;
        }
        int d = subs.balanceAsset(debtSlot);
        double debtRef = ctx.seenPrice(d, timeMs);
        double debtUsd = -subs.balanceUnits(debtSlot) * debtRef;
        double hf = book.maintenanceHealthFactor(sub);
        double target = (hf <= params.fullCloseHealthFactor() ? 1 : params.closeFactor()) * debtUsd;
        if (debtUsd - target < params.dustNotionalUsd()) {
            target = debtUsd;
        }
        double remaining = target;
        double bonus = params.lendingBonus();
        boolean sold = false;
        for (int c = riskiestCollateral(book, sub, debtSlot); c >= 0 && remaining > 0;
             c = riskiestCollateral(book, sub, debtSlot)) {
            int asset = subs.balanceAsset(c);
            int mc = ctx.primaryMarket(asset);
            int md = ctx.primaryMarket(d);
            double ref = ctx.seenPrice(asset, timeMs);
            double value = subs.balanceUnits(c) * ref;
            if (!(value > 0)) {
                break;
            }
            double allProceeds = value * (1 - slippage(ctx, mc, TradeSide.SELL, value, timeMs));
            double sale;
            double repay;
            if (allProceeds >= need(ctx, md, remaining, bonus, timeMs)) {
                repay = remaining;
                sale = solveSale(ctx, mc, need(ctx, md, remaining, bonus, timeMs), value, timeMs);
            } else {
                sale = value;
                repay = solveRepay(ctx, md, allProceeds, remaining, bonus, timeMs);
            }
            // the sale: collateral out at the reference price, cash in, the slippage to the outside market
            double slip = 0;
            if (mc >= 0) {
                ctx.liquidity(mc).execute(TradeSide.SELL, sale, ctx.oracle(asset), timeMs, exec);
                slip = exec.slippageCostUsd();
            }
            double fill = (sale - slip) / (sale / ref);
            if (mc >= 0) {
                ctx.checkFill(timeMs, sub, mc, fill, ctx.oracle(asset), ctx.band(mc, TradeSide.SELL, timeMs));
            }
            double unitsSold = sale == value ? subs.balanceUnits(c) : sale / ref;
            book.setBalanceUnits(c, sale == value ? 0 : subs.balanceUnits(c) - unitsSold);
            book.settle(sub, sale);
            if (slip > 0) {
                ctx.posting().transfer(timeMs, slip, Parties.subAccount(sub), Parties.outsideMarket(mc),
                        TransferReason.SLIPPAGE);
            }
            // the purchase of the debt asset, at its reference price plus slippage, repaying the debt
            double buySlip = 0;
            if (md >= 0 && d != subs.balanceAsset(subs.settlementSlot(sub))) {
                ctx.liquidity(md).execute(TradeSide.BUY, repay, ctx.oracle(d), timeMs, exec);
                buySlip = exec.slippageCostUsd();
            }
            if (debtSlot != subs.settlementSlot(sub)) {
                double units = subs.balanceUnits(debtSlot) + repay / debtRef;
                book.setBalanceUnits(debtSlot, repay >= remaining && target == debtUsd ? 0 : Math.min(0, units));
                book.settle(sub, -repay);
            }
            if (buySlip > 0) {
                ctx.posting().transfer(timeMs, buySlip, Parties.subAccount(sub), Parties.outsideMarket(md),
                        TransferReason.SLIPPAGE);
            }
            book.revalue(sub);
            double fee = Math.min(bonus * repay, Math.max(0, book.equity(sub)));
            CloseOut.chargeFee(ctx, sub, mc >= 0 ? mc : Math.max(0, md), fee, timeMs);
            book.revalue(sub);
            if (debtSlot == subs.settlementSlot(sub)) {
                repay = sale - slip - fee; // the cash raised is the settlement balance: all of it repays the debt
            }
            remaining -= repay;
            sold = true;
            ctx.collateralSold(timeMs, sub, mc, -unitsSold, fill, repay, fee, sale, "repaid "
                    + book.assets().symbol(d) + " with " + book.assets().symbol(asset));
            if (remaining <= params.dustNotionalUsd() * 1e-9) {
                break;
            }
        }
        return sold;
    }

    /**
     * @param book   the hot state
     * @param sub    dense index
     * @param except a balance slot to skip (the debt), or −1
     * @return the balance slot of the riskiest collateral other than {@code except}: the lowest maintenance weight,
     *         ties by lower asset index; −1 when none is left
     */
    public static int riskiestCollateral(MarginBook book, int sub, int except) {
        SubAccountTable subs = book.subAccounts();
        int best = -1;
        for (int b = subs.balanceStart(sub); b < subs.balanceStart(sub + 1); b++) {
            if (b == except || !(subs.balanceUnits(b) > 0)) {
                continue;
            }
            if (best < 0 || riskier(book, subs.balanceAsset(b), subs.balanceAsset(best))) {
                best = b;
            }
        }
        return best;
    }

    private static boolean riskier(MarginBook book, int a, int than) {
        double wa = book.assets().asset(a).maintenanceWeight();
        double wb = book.assets().asset(than).maintenanceWeight();
        return wa < wb || wa == wb && a < than;
    }

    /** @return the cash, USD, a sale must raise to repay {@code repay} USD of debt and its bonus */
    private static double need(LiquidationContext ctx, int debtMarket, double repay, double bonus, long timeMs) {
        return repay * (1 + slippage(ctx, debtMarket, TradeSide.BUY, repay, timeMs)) + bonus * repay;
    }

    private static double slippage(LiquidationContext ctx, int market, TradeSide side, double notional, long timeMs) {
        return market < 0 || notional == 0 ? 0 : ctx.liquidity(market).slippage(side, notional, timeMs);
    }

    /** @return the notional to sell, USD at the reference price, whose proceeds after slippage are {@code cash} */
    private static double solveSale(LiquidationContext ctx, int market, double cash, double value, long timeMs) {
        if (market < 0) {
            return Math.min(cash, value);
        }
        double lo = cash;
        double hi = value;
        for (int i = 0; i < 100 && lo < hi; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            if (mid * (1 - slippage(ctx, market, TradeSide.SELL, mid, timeMs)) < cash) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** @return the debt, USD, that {@code cash} repays with its bonus and the purchase's slippage */
    private static double solveRepay(LiquidationContext ctx, int debtMarket, double cash, double most, double bonus,
                                     long timeMs) {
        double lo = 0;
        double hi = Math.min(most, cash / (1 + bonus));
        for (int i = 0; i < 100 && lo < hi; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid == lo || mid == hi) {
                break;
            }
            if (need(ctx, debtMarket, mid, bonus, timeMs) <= cash) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
