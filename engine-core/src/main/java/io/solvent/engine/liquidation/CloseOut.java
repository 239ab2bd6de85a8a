package io.solvent.engine.liquidation;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.SubAccountTable;
import io.solvent.engine.insurance.BankruptcySettlement;
import io.solvent.engine.insurance.HandedOver;
import io.solvent.engine.insurance.InsuranceFund;
import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.TransferReason;
import io.solvent.engine.liquidity.Execution;
import io.solvent.engine.liquidity.TradeSide;

/**
 * The perpetual close-out, stateless: a liquidatable sub-account's positions closed into their markets' books,
 * largest notional first, each at most once per step, by the fraction {@link CloseFractionCalculator} finds — but no
 * more than the account can pay the slippage of out of its equity (the book never takes a position past its
 * bankruptcy price); what the book cannot take, or every position of an account already bankrupt, is handed over at
 * the mark ({@link #handOver}) and its deficit settled ({@link BankruptcySettlement#settlePerp}).
 */
public final class CloseOut {
    /** {@link #closePositions}'s result bit: something was closed into a book. */
    public static final int CLOSED = 1;
    /** {@link #closePositions}'s result bit: the book could not take all that had to be closed. */
    public static final int HAND_OVER = 2;

    private CloseOut() {
    }

    /**
     * Closes positions into the books while the sub-account is liquidatable: per position, the close fraction, filled
     * against the market's liquidity (which earlier fills consumed and which recovers over time); PnL at the reference
     * price settled with the outside market ({@code CLOSE_OUT_PNL}), the slippage cost separately ({@code SLIPPAGE});
     * then {@code liquidationFee × closed notional}, cut to the equity left so that it never turns positive equity
     * negative (Drift's rule), split {@code liquidatorShare} to the liquidator, the rest to the fund.
     *
     * @param ctx    the step
     * @param sub    a liquidatable sub-account
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     * @return {@link #CLOSED} and {@link #HAND_OVER} bits
     */
    public static int closePositions(LiquidationContext ctx, int sub, long timeMs) {
        MarginBook book = ctx.book();
        SubAccountTable subs = book.subAccounts();
        boolean[] touched = ctx.positionFlags();
        Execution exec = ctx.execution();
        int first = subs.positionStart(sub);
        int end = subs.positionStart(sub + 1);
        boolean closedAny = false;
        boolean handOver = false;
        for (int attempt = first; attempt < end && book.liquidatable(sub); attempt++) {
            int p = largestUntouched(ctx, touched, first, end);
            if (p < 0) {
                break;
            }
            touched[p] = true;
            int m = subs.positionMarket(p);
            int asset = book.markets().underlying(m);
            double size = subs.positionSize(p);
            double oracle = ctx.oracle(asset);
            double x = CloseFractionCalculator.fraction(book, sub, p, oracle, ctx.liquidity(m), ctx.feeRate(m),
                    ctx.params(), timeMs);
            double closed = x * size;
            TradeSide side = TradeSide.closing(size);
            double notional = Math.abs(closed) * ctx.liquidity(m).price(oracle, timeMs);
            // the book takes no more than what leaves the account solvent: a liquidation never fills past the
            // position's bankruptcy price (Binance's IOC at the bankruptcy price, dYdX's fillable price); the rest is
            // handed over below
            double affordable = affordableNotional(ctx, m, side, notional, Math.max(0, book.equity(sub)), timeMs);
            if (affordable < notional) {
                handOver = true;
                if (!(affordable > 1e-9 * notional)) {
                    break;
                }
                closed *= affordable / notional;
                x = closed / size;
                notional = affordable;
            }
            ctx.liquidity(m).execute(side, notional, oracle, timeMs, exec);
            ctx.checkFill(timeMs, sub, m, exec.fillPrice(), oracle, ctx.band(m, side, timeMs));
            double pnlAtReference = closed * (exec.referencePrice() - subs.positionEntry(p));
            if (pnlAtReference > 0) {
                ctx.posting().transfer(timeMs, pnlAtReference, Parties.outsideMarket(m), Parties.subAccount(sub),
                        TransferReason.CLOSE_OUT_PNL);
            } else if (pnlAtReference < 0) {
                ctx.posting().transfer(timeMs, -pnlAtReference, Parties.subAccount(sub), Parties.outsideMarket(m),
                        TransferReason.CLOSE_OUT_PNL);
            }
            if (exec.slippageCostUsd() > 0) {
                ctx.posting().transfer(timeMs, exec.slippageCostUsd(), Parties.subAccount(sub),
                        Parties.outsideMarket(m), TransferReason.SLIPPAGE);
            }
            book.setPositionSize(p, x == 1.0 ? 0 : size - closed);
            book.revalue(sub);
            double fee = Math.min(ctx.feeRate(m) * notional, Math.max(0, book.equity(sub)));
            chargeFee(ctx, sub, m, fee, timeMs);
            book.revalue(sub);
            closedAny = true;
            ctx.liquidated(timeMs, sub, m, closed, exec.fillPrice(), notional, fee, x == 1.0 ? "closed"
                    : "partial " + x);
            if (handOver) {
                break;
            }
        }
        for (int p = first; p < end; p++) {
            touched[p] = false;
        }
        return (closedAny ? CLOSED : 0) | (handOver ? HAND_OVER : 0);
    }

    /**
     * @return the largest notional, at most {@code notional}, whose slippage against the market's book costs no more
     *         than {@code equityUsd}: what the book may take before the account would be bankrupt (bisection on the
     *         non-decreasing cost {@code q · slippage(q)})
     */
    private static double affordableNotional(LiquidationContext ctx, int m, TradeSide side, double notional,
                                             double equityUsd, long timeMs) {
        if (!(equityUsd > 0)) {
            return 0; // already bankrupt: its positions go to the waterfall, not to the book
        }
        if (notional * ctx.liquidity(m).slippage(side, notional, timeMs) <= equityUsd) {
            return notional;
        }
        double lo = 0;
        double hi = notional;
        for (int i = 0; i < 60; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid * ctx.liquidity(m).slippage(side, mid, timeMs) <= equityUsd) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The hand-over of a liquidated sub-account whose positions the book cannot take without leaving it bankrupt (or
     * that a gap already left with negative equity): as Binance's insurance fund and Hyperliquid's backstop take a
     * position over at its bankruptcy price, every open position is closed at the price seen (the mark) and the
     * sub-account's deficit, if any, goes through the bankruptcy waterfall position by position
     * ({@link BankruptcySettlement#settlePerp}): ranked ADL then closes opposite positions at each position's own
     * bankruptcy price, with the position's whole size to match. Each hand-over is a {@code liquidation} row at the
     * mark, "handed over".
     *
     * @param ctx    the step
     * @param sub    a liquidatable sub-account with open positions
     * @param timeMs simulated time, ms since the Unix epoch, UTC
     */
    public static void handOver(LiquidationContext ctx, int sub, long timeMs) {
        MarginBook book = ctx.book();
        SubAccountTable subs = book.subAccounts();
        HandedOver parts = ctx.handedOver();
        parts.clear();
        for (int p = subs.positionStart(sub); p < subs.positionStart(sub + 1); p++) {
            double size = subs.positionSize(p);
            if (size == 0) {
                continue;
            }
            int m = subs.positionMarket(p);
            double mark = book.assets().price(book.markets().underlying(m));
            parts.add(m, size, mark, book.positionMaintenanceRequirement(p));
            double pnl = size * (mark - subs.positionEntry(p));
            if (pnl > 0) {
                ctx.posting().transfer(timeMs, pnl, Parties.outsideMarket(m), Parties.subAccount(sub),
                        TransferReason.CLOSE_OUT_PNL);
            } else if (pnl < 0) {
                ctx.posting().transfer(timeMs, -pnl, Parties.subAccount(sub), Parties.outsideMarket(m),
                        TransferReason.CLOSE_OUT_PNL);
            }
            book.setPositionSize(p, 0);
        }
        book.revalue(sub);
        double deficitUsd = Math.max(0, -book.equity(sub));
        if (deficitUsd > 0 && deficitUsd <= 1e-9 * Math.max(1, parts.totalNotional())) {
            // the book took exactly what left it solvent: what remains below zero is rounding, written off as bad debt
            ctx.addBadDebt(BankruptcySettlement.writeOffResidue(ctx, sub, ctx.funds().forMarket(parts.market(0)),
                    parts.totalNotional(), timeMs));
            deficitUsd = 0;
        }
        for (int i = 0; i < parts.count(); i++) {
            ctx.liquidated(timeMs, sub, parts.market(i), parts.closedSize(i), parts.mark(i), parts.notional(i), 0,
                    deficitUsd > 0 ? "handed over at the mark, to the bankruptcy waterfall"
                            : "handed over at the mark, solvent");
        }
        if (deficitUsd > 0) {
            BankruptcySettlement.settlePerp(ctx, parts, sub, timeMs);
        }
    }

    /** Charges a liquidation fee, split between the liquidator and the fund backing the market. */
    static void chargeFee(LiquidationContext ctx, int sub, int market, double fee, long timeMs) {
        double toLiquidator = fee * ctx.params().liquidatorShare();
        double toFund = fee - toLiquidator;
        if (toLiquidator > 0) {
            ctx.posting().transfer(timeMs, toLiquidator, Parties.subAccount(sub), Parties.liquidator(0),
                    TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR);
        }
        if (toFund > 0) {
            InsuranceFund fund = ctx.funds().forMarket(market);
            fund.receive(timeMs, toFund);
            ctx.posting().transfer(timeMs, toFund, Parties.subAccount(sub), fund.party(),
                    TransferReason.LIQUIDATION_FEE_TO_FUND);
        }
    }

    private static int largestUntouched(LiquidationContext ctx, boolean[] touched, int first, int end) {
        MarginBook book = ctx.book();
        SubAccountTable subs = book.subAccounts();
        int best = -1;
        double bestNotional = 0;
        for (int p = first; p < end; p++) {
            double size = subs.positionSize(p);
            if (touched[p] || size == 0) {
                continue;
            }
            double n = Math.abs(size) * ctx.oracle(book.markets().underlying(subs.positionMarket(p)));
            if (best < 0 || n > bestNotional) {
                best = p;
                bestNotional = n;
            }
        }
        return best;
    }
}
