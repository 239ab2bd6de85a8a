package io.solvent.engine.ledger;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static io.solvent.engine.ledger.Parties.deficit;
import static io.solvent.engine.ledger.Parties.insuranceFund;
import static io.solvent.engine.ledger.Parties.liquidator;
import static io.solvent.engine.ledger.Parties.outsideMarket;
import static io.solvent.engine.ledger.Parties.subAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {
    static final long T0 = 1_760_129_400_000L; // 2025-10-10 20:50 UTC
    static final LedgerShape SHAPE = new LedgerShape(10, 2, 1, 3, 2);

    /** Collects entries, as an events.csv writer would see them. */
    static final class Recorder implements LedgerListener {
        final List<LedgerEntry> entries = new ArrayList<>();

        @Override
        public void onEntry(long sequence, long timeMs, double amountUsd, int from, int to, TransferReason reason) {
            entries.add(new LedgerEntry(sequence, timeMs, amountUsd, from, to, reason));
        }
    }

    @Test
    void partiesRoundTripAndDescribeThemselves() {
        for (PartyKind k : PartyKind.values()) {
            for (int i : new int[]{0, 1, 12345, Parties.MAX_INDEX}) {
                int p = Parties.of(k, i);
                assertTrue(p >= 0);
                assertEquals(k, Parties.kind(p));
                assertEquals(i, Parties.index(p));
            }
        }
        assertEquals("sub-account 12", Parties.describe(subAccount(12)));
        assertEquals("insurance-fund 1", Parties.describe(insuranceFund(1)));
        assertEquals("outside-market 2", Parties.describe(outsideMarket(2)));
        assertThrows(IllegalArgumentException.class, () -> Parties.subAccount(-1));
        assertThrows(IllegalArgumentException.class, () -> Parties.subAccount(Parties.MAX_INDEX + 1));
        assertThrows(IllegalArgumentException.class, () -> Parties.kind(7 << 28));
    }

    /**
     * A liquidation and a bankruptcy worked by hand. Sub-account 3 is long 10 BTC from 120 with 150 USD of collateral;
     * the oracle falls to 100 and a liquidation closes the position at 99 (1 USD of slippage per unit); its fee is cut
     * to 0 (it would make negative equity more negative, Drift's rule). Equity is then 150 − 200 − 10 = −60 USD. A fee
     * of 10 from sub-account 4's liquidation earlier had given the fund 4 (its 40%), the liquidator 6; the fund
     * pays 24 of the 60 and the deficit book takes the other 36.
     */
    @Test
    void aWorkedLiquidationBalancesToTheCent() {
        Recorder rec = new Recorder();
        Ledger l = new Ledger(SHAPE, rec);
        int acct = subAccount(3);
        // close-out at the oracle: 10 × (100 − 120) = −200 to the outside market; slippage 10 × 1 = 10
        l.post(T0, 200, acct, outsideMarket(0), TransferReason.CLOSE_OUT_PNL);
        l.post(T0, 10, acct, outsideMarket(0), TransferReason.SLIPPAGE);
        assertTrue(l.checkStep() <= 1e-15);
        // equity now 150 − 210 = −60 USD; fee share from a healthy account earlier
        l.post(T0 + 1000, 6, subAccount(4), liquidator(0), TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR);
        l.post(T0 + 1000, 4, subAccount(4), insuranceFund(0), TransferReason.LIQUIDATION_FEE_TO_FUND);
        l.post(T0 + 1000, 24, insuranceFund(0), acct, TransferReason.BAD_DEBT_PAYOUT);
        l.post(T0 + 1000, 36, deficit(0), acct, TransferReason.DEFICIT);
        assertTrue(l.checkStep() <= 1e-15);

        assertEquals(-150, l.balance(acct), 0); // it lost exactly its collateral
        assertEquals(-150, l.subAccountBalance(3), 0);
        assertEquals(210, l.balance(outsideMarket(0)), 0);
        assertEquals(-20, l.balance(insuranceFund(0)), 0);
        assertEquals(-36, l.balance(deficit(0)), 0);
        assertEquals(6, l.balance(liquidator(0)), 0);
        assertEquals(-10, l.balance(subAccount(4)), 0);
        assertEquals(280, l.grossFlow(), 0);
        assertEquals(6, l.entries());
        assertEquals(24, l.total(TransferReason.BAD_DEBT_PAYOUT), 0);
        assertEquals(1, l.count(TransferReason.DEFICIT));

        LedgerSummary s = l.summary();
        assertEquals(-160, s.of(PartyKind.SUB_ACCOUNT).netUsd(), 0);
        assertEquals(60, s.of(PartyKind.SUB_ACCOUNT).inflowUsd(), 0);
        assertEquals(220, s.of(PartyKind.SUB_ACCOUNT).outflowUsd(), 0);
        assertEquals(210, s.of(PartyKind.OUTSIDE_MARKET).netUsd(), 0);
        assertEquals(-20, s.of(PartyKind.INSURANCE_FUND).netUsd(), 0);
        assertEquals(6, s.of(PartyKind.LIQUIDATOR).netUsd(), 0);
        assertEquals(-36, s.of(PartyKind.DEFICIT).netUsd(), 0);
        double net = 0;
        for (LedgerSummary.KindTotal k : s.kinds()) {
            net += k.netUsd();
        }
        assertEquals(0, net, 0);
        assertEquals(36, s.of(TransferReason.DEFICIT).amountUsd(), 0);
        assertTrue(s.conserved());
        assertEquals(0, l.verifyAll(), 0);

        assertEquals(6, rec.entries.size());
        assertEquals(new LedgerEntry(4, T0 + 1000, 24, insuranceFund(0), acct, TransferReason.BAD_DEBT_PAYOUT),
                rec.entries.get(4));
        assertEquals(0, rec.entries.get(0).sequence());
    }

    @Test
    void badEntriesAreRejectedWithoutChangingAnything() {
        Ledger l = new Ledger(SHAPE, LedgerListener.NONE);
        l.post(T0, 5, subAccount(0), subAccount(1), TransferReason.ADL_TRANSFER);
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0, 0, subAccount(0), subAccount(1), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0, -1, subAccount(0), subAccount(1), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0, Double.NaN, subAccount(0), subAccount(1), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class, () -> l.post(T0, Double.POSITIVE_INFINITY, subAccount(0),
                subAccount(1), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0, 1, subAccount(2), subAccount(2), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0, 1, subAccount(10), subAccount(2), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0, 1, subAccount(1), insuranceFund(2), TransferReason.BAD_DEBT_PAYOUT));
        assertThrows(IllegalArgumentException.class,
                () -> l.post(T0 - 1, 1, subAccount(1), subAccount(2), TransferReason.ADL_TRANSFER));
        assertThrows(IllegalArgumentException.class, () -> l.post(T0, 1, subAccount(1), subAccount(2), null));
        assertEquals(1, l.entries());
        assertEquals(5, l.grossFlow(), 0);
        assertEquals(-5, l.balance(subAccount(0)), 0);
        assertEquals(5, l.balance(subAccount(1)), 0);
        assertEquals(0, l.balance(subAccount(2)), 0);
    }

    @Test
    void postIfPositiveSkipsExactZeroOnly() {
        Ledger l = new Ledger(SHAPE, LedgerListener.NONE);
        assertFalse(l.postIfPositive(T0, 0, subAccount(0), liquidator(0), TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR));
        assertEquals(0, l.entries());
        assertTrue(l.postIfPositive(T0, 1e-12, subAccount(0), liquidator(0),
                TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR));
        assertThrows(IllegalArgumentException.class, () -> l.postIfPositive(T0, -1e-12, subAccount(0), liquidator(0),
                TransferReason.LIQUIDATION_FEE_TO_LIQUIDATOR));
    }

    @Test
    void reconciliationReportsAStateChangeThatWasNotPosted() {
        Ledger l = new Ledger(SHAPE, LedgerListener.NONE);
        l.post(T0, 1000, subAccount(0), insuranceFund(0), TransferReason.LIQUIDATION_FEE_TO_FUND);
        // the fund's state says it received 1000 + 10 that was never posted
        double gap = l.reconcile(insuranceFund(0), 1010);
        assertEquals(0.01, gap, 1e-15);
        assertEquals(0.01, l.maxReconciliationGap(), 1e-15);
        assertFalse(l.conserved());
        assertEquals(insuranceFund(0), l.summary().maxReconciliationParty());
        assertEquals(0, l.reconcile(subAccount(0), -1000), 0);
        assertEquals(0.01, l.maxReconciliationGap(), 1e-15);
    }

    @Test
    void aCopyIsIndependentAndContinuesTheNumbering() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Ledger l = new Ledger(SHAPE, a);
        l.post(T0, 7, subAccount(1), subAccount(2), TransferReason.SOCIALIZED_LOSS);
        Ledger fork = l.copy(b);
        fork.post(T0 + 1, 3, subAccount(2), subAccount(1), TransferReason.SOCIALIZED_LOSS);
        l.post(T0 + 1, 1, subAccount(1), subAccount(2), TransferReason.SOCIALIZED_LOSS);
        assertEquals(-8, l.balance(subAccount(1)), 0);
        assertEquals(-4, fork.balance(subAccount(1)), 0);
        assertEquals(2, a.entries.size());
        assertEquals(1, b.entries.size());
        assertEquals(1, b.entries.getFirst().sequence());
        assertEquals(0, fork.checkStep(), 0);
        assertEquals(0, l.checkStep(), 0);
        assertEquals(10, fork.grossFlow(), 0);
    }

    @Test
    void theStepCheckAgreesWithTheFullCheck() {
        Ledger l = new Ledger(SHAPE, LedgerListener.NONE);
        double[] amounts = {0.1, 0.2, 0.3, 1e9, 1e-7, 3.3333333333, 7.77e5};
        for (int i = 0; i < 700; i++) {
            int from = subAccount(i % 10);
            int to = i % 3 == 0 ? outsideMarket(i % 3) : subAccount((i * 7 + 3) % 10);
            if (from == to) {
                to = liquidator(0);
            }
            l.post(T0 + i, amounts[i % amounts.length], from, to, TransferReason.CLOSE_OUT_PNL);
            if (i % 5 == 0) {
                assertTrue(l.checkStep() <= 1e-15, "step " + i);
            }
        }
        double step = l.checkStep();
        double full = l.verifyAll();
        assertTrue(step <= 1e-15 && full <= 1e-15, step + " " + full);
        assertTrue(l.maxImbalance() <= Ledger.CONSERVATION_TOLERANCE);
    }

    @Test
    void postingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()) {
            org.junit.jupiter.api.Assumptions.abort("per-thread allocation counting not available on this JVM");
            return;
        }
        Ledger l = new Ledger(new LedgerShape(1000, 1, 1, 1, 1), LedgerListener.NONE);
        TransferReason[] reasons = TransferReason.values();
        for (int i = 0; i < 20_000; i++) { // warm up
            l.post(T0, 1 + i % 7, subAccount(i % 1000), subAccount((i + 1) % 1000), reasons[i % reasons.length]);
        }
        l.checkStep();
        long tid = Thread.currentThread().threadId();
        long before = sun.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            l.post(T0, 1 + i % 7, subAccount(i % 1000), insuranceFund(0), reasons[i % reasons.length]);
            if (i % 10 == 0) {
                l.checkStep();
            }
        }
        long allocated = sun.getThreadAllocatedBytes(tid) - before;
        // 100k posts: any per-entry allocation would be megabytes; allow the measurement's own few hundred bytes.
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes for 100,000 posts");
    }
}
