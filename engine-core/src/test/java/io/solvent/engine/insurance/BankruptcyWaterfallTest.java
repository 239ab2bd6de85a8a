package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.solvent.engine.ledger.Parties.deficit;
import static io.solvent.engine.ledger.Parties.insuranceFund;
import static io.solvent.engine.ledger.Parties.subAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bankruptcy worked by hand, settled under each policy.
 *
 * <p>Market 0, mark 100 USD. Sub-account 3 is long 10 from 120 with 150 USD of collateral: equity
 * {@code 150 + 10 × (100 − 120) = −50}, so the deficit X is 50 USD. The fund holds Y = 20 USD and pays it all; the
 * shortfall is 30 USD. Open positions of the market (sub-account: size, entry, equity, maintenance requirement):
 * <pre>
 *  1: −4 from 110, E 100, MM 20   uPnL  40, WB  60   Binance 40/60 × 20/100  = 0.13333  HL (2 − 100/110) × 400/100 = 4.364
 *  2: +5 from  90, E 200, MM 25   (long: same side as the bankrupt, not in the ADL queue)
 *  5: −8 from 105, E  50, MM 40   uPnL  40, WB  10   Binance  40/10 × 40/50  = 3.2      HL (2 − 100/105) × 800/50  = 16.76
 *  7: −6 from 130, E 400, MM 30   uPnL 180, WB 220   Binance 180/220 × 30/400 = 0.06136 HL (2 − 100/130) × 600/400 = 1.846
 *  9: −3 from  90, E 200, MM 15   uPnL −30           Binance 0                          HL (2 − 100/90) × 300/200  = 1.333
 * </pre>
 */
class BankruptcyWaterfallTest {
    static final long T = 1_760_130_000_000L;
    static final Bankruptcy BANKRUPTCY = new Bankruptcy(3, 0, 0, 10, 100, 50);
    static final List<DeleveragingCandidate> BOOK = List.of(
            new DeleveragingCandidate(7, 0, -6, 130, 400, 30),
            new DeleveragingCandidate(1, 0, -4, 110, 100, 20),
            new DeleveragingCandidate(2, 0, 5, 90, 200, 25),
            new DeleveragingCandidate(3, 0, 10, 120, -50, 40), // the bankrupt's own: skipped
            new DeleveragingCandidate(9, 0, -3, 90, 200, 15),
            new DeleveragingCandidate(5, 0, -8, 105, 50, 40));

    static InsuranceFund fund() {
        return new InsuranceFund(0, FundSpec.uncapped("venue", 20));
    }

    static Ledger ledger() {
        return new Ledger(new LedgerShape(10, 1, 1, 1, 1), LedgerListener.NONE);
    }

    @Test
    void adlRankedFundPaysTwentyThenTheTopShortsCloseAtTheBankruptcyPrice() {
        InsuranceFund fund = fund();
        BankruptcyResolution r = new BankruptcyWaterfall(DeleveragingPolicy.parse("adl-ranked"))
                .resolve(T, BANKRUPTCY, fund, BOOK);
        assertEquals(20, r.fundPaidUsd(), 0);
        assertEquals(0, fund.balance(), 0);
        DeleveragingResult d = r.deleveraging();
        assertEquals("adl-ranked", d.policy());
        assertEquals(30, d.shortfallUsd(), 0);
        assertEquals(103, d.priceUsd(), 0); // 100 + 30 / 10
        assertEquals(-10, d.bankruptSizeChange(), 0);
        assertEquals(30, d.coveredUsd(), 0);
        assertEquals(0, d.deficitUsd(), 0);
        // sub-account 5 (key 3.2) closes all 8 at 103: gives up 8 × 3 = 24; sub-account 1 (0.1333) closes 2 of 4: 6
        assertEquals(List.of(
                new DeleveragingFill(5, 0, 8, 103, 24, 3.2),
                new DeleveragingFill(1, 0, 2, 103, 6, d.fills().get(1).rankKey())), d.fills());
        assertEquals(40.0 / 60 * 0.2, d.fills().get(1).rankKey(), 1e-15);
        assertEquals(List.of(
                new Transfer(insuranceFund(0), subAccount(3), 20, TransferReason.BAD_DEBT_PAYOUT),
                new Transfer(subAccount(5), subAccount(3), 24, TransferReason.ADL_TRANSFER),
                new Transfer(subAccount(1), subAccount(3), 6, TransferReason.ADL_TRANSFER)), r.transfers());

        Ledger l = ledger();
        r.postTo(l, T);
        assertEquals(50, l.balance(subAccount(3)), 0); // equity −50 + 50 = 0
        assertEquals(-24, l.balance(subAccount(5)), 0);
        assertEquals(-6, l.balance(subAccount(1)), 0);
        assertEquals(-20, l.balance(insuranceFund(0)), 0);
        assertEquals(0, l.checkStep(), 0);
        assertEquals(0, l.reconcile(fund.party(), fund.balance() - fund.openingBalance()), 0);
    }

    @Test
    void theHyperliquidRankingGivesItsOwnQueue() {
        RankedAdlPolicy hl = (RankedAdlPolicy) DeleveragingPolicy.parse("adl-ranked:hyperliquid");
        assertEquals(List.of(5, 1, 7, 9), hl.queue(BANKRUPTCY, BOOK).stream()
                .map(DeleveragingCandidate::subAccount).toList());
        assertEquals(List.of(5, 1, 7, 9), new RankedAdlPolicy(AdlRanking.BINANCE).queue(BANKRUPTCY, BOOK).stream()
                .map(DeleveragingCandidate::subAccount).toList());
        DeleveragingResult d = hl.deleverage(BANKRUPTCY, 30, BOOK);
        assertEquals((2 - 100.0 / 105) * 16, d.fills().getFirst().rankKey(), 1e-12);
        assertEquals(24, d.fills().getFirst().transferUsd(), 0);
    }

    @Test
    void aShortfallLargerThanTheOppositeSideCanMatchLeavesTheRestAsDeficit() {
        // bankrupt long of 30: the shorts hold 4 + 8 + 6 + 3 = 21; shortfall 60 → ADL price 102, 2 USD per unit
        Bankruptcy big = new Bankruptcy(3, 0, 0, 30, 100, 60);
        DeleveragingResult d = DeleveragingPolicy.parse("adl-ranked").deleverage(big, 60, BOOK);
        assertEquals(102, d.priceUsd(), 0);
        assertEquals(List.of(5, 1, 7, 9), d.fills().stream().map(DeleveragingFill::subAccount).toList());
        assertEquals(List.of(16.0, 8.0, 12.0, 6.0), d.fills().stream().map(DeleveragingFill::transferUsd).toList());
        assertEquals(42, d.coveredUsd(), 0);
        assertEquals(18, d.deficitUsd(), 0); // 9 unmatched units × 2
        assertEquals(-21, d.bankruptSizeChange(), 0);
        assertEquals(new Transfer(deficit(0), subAccount(3), 18, TransferReason.DEFICIT), d.transfers().getLast());
    }

    @Test
    void aBankruptShortIsMatchedAgainstTheLongsBelowTheMark() {
        // sub-account 2's long of 5 is the only long; a bankrupt short of 4 with 8 USD left: ADL price 100 − 2 = 98
        Bankruptcy shortBust = new Bankruptcy(1, 0, 0, -4, 100, 8);
        DeleveragingResult d = DeleveragingPolicy.parse("adl-ranked").deleverage(shortBust, 8, BOOK);
        assertEquals(98, d.priceUsd(), 0);
        assertEquals(List.of(new DeleveragingFill(2, 0, -4, 98, 8, d.fills().getFirst().rankKey())), d.fills());
        assertEquals(4, d.bankruptSizeChange(), 0);
        assertEquals(0, d.deficitUsd(), 0);
    }

    @Test
    void socializeSpreadsTheThirtyOverAllOpenInterestPerUnit() {
        InsuranceFund fund = fund();
        BankruptcyResolution r = new BankruptcyWaterfall(DeleveragingPolicy.parse("socialize"))
                .resolve(T, BANKRUPTCY, fund, BOOK);
        assertEquals(20, r.fundPaidUsd(), 0);
        DeleveragingResult d = r.deleveraging();
        // open interest other than the bankrupt's: 4 + 5 + 8 + 6 + 3 = 26 units; 30 / 26 = 15/13 USD per unit
        assertEquals(15.0 / 13, d.lossPerUnitUsd(), 1e-15);
        assertTrue(d.fills().isEmpty());
        assertEquals(0, d.bankruptSizeChange(), 0);
        double[] expected = {60.0 / 13, 75.0 / 13, 120.0 / 13, 90.0 / 13, 45.0 / 13};
        int[] payers = {1, 2, 5, 7, 9};
        assertEquals(5, d.transfers().size());
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            Transfer t = d.transfers().get(i);
            assertEquals(subAccount(payers[i]), t.from());
            assertEquals(subAccount(3), t.to());
            assertEquals(TransferReason.SOCIALIZED_LOSS, t.reason());
            assertEquals(expected[i], t.amountUsd(), 1e-13);
            sum += t.amountUsd();
        }
        assertEquals(30, sum, 1e-13);
        assertEquals(30, d.coveredUsd(), 1e-13);
        assertEquals(0, d.deficitUsd(), 0);
        Ledger l = ledger();
        r.postTo(l, T);
        assertEquals(50, l.balance(subAccount(3)), 1e-13);
        assertTrue(l.checkStep() <= 1e-15);
    }

    @Test
    void deficitLeavesTheThirtyOnTheBooks() {
        InsuranceFund fund = fund();
        BankruptcyResolution r = new BankruptcyWaterfall(DeleveragingPolicy.parse("deficit"))
                .resolve(T, BANKRUPTCY, fund, BOOK);
        assertEquals(20, r.fundPaidUsd(), 0);
        assertEquals(30, r.deficitUsd(), 0);
        assertEquals(List.of(
                new Transfer(insuranceFund(0), subAccount(3), 20, TransferReason.BAD_DEBT_PAYOUT),
                new Transfer(deficit(0), subAccount(3), 30, TransferReason.DEFICIT)), r.transfers());
        Ledger l = ledger();
        r.postTo(l, T);
        assertEquals(-30, l.balance(deficit(0)), 0);
        assertEquals(50, l.balance(subAccount(3)), 0);
        assertEquals(0, l.balance(subAccount(5)), 0);
    }

    @Test
    void aFundThatCanPayLeavesNothingToThePolicies() {
        for (String name : DeleveragingPolicy.NAMES) {
            InsuranceFund rich = new InsuranceFund(0, FundSpec.uncapped("venue", 1000));
            BankruptcyResolution r = new BankruptcyWaterfall(DeleveragingPolicy.parse(name))
                    .resolve(T, BANKRUPTCY, rich, BOOK);
            assertEquals(50, r.fundPaidUsd(), 0, name);
            assertEquals(950, rich.balance(), 0, name);
            assertEquals(0, r.deleveraging().shortfallUsd(), 0, name);
            assertEquals(List.of(new Transfer(insuranceFund(0), subAccount(3), 50, TransferReason.BAD_DEBT_PAYOUT)),
                    r.transfers(), name);
            assertTrue(r.deleveraging().fills().isEmpty(), name);
            assertFalse(rich.exhausted(), name);
        }
    }

    @Test
    void theSameBankruptcyUnderEachPolicyMovesTheSameTotal() {
        for (String name : DeleveragingPolicy.NAMES) {
            BankruptcyResolution r = new BankruptcyWaterfall(DeleveragingPolicy.parse(name))
                    .resolve(T, BANKRUPTCY, fund(), BOOK);
            double total = r.transfers().stream().mapToDouble(Transfer::amountUsd).sum();
            assertEquals(50, total, 1e-12, name);
            assertEquals(20, r.fundPaidUsd(), 0, name);
        }
    }
}
