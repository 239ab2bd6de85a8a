package io.solvent.engine.insurance;

import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.ledger.Parties;
import io.solvent.engine.ledger.Transfer;
import io.solvent.engine.ledger.TransferReason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every policy guarantees, for any bankruptcy and any book. */
class DeleveragingPropertiesTest {
    static final int MARKET = 2;
    static final double REL = 1e-12;

    /** A bankruptcy, the fund's balance, and the market's open positions (with index gaps and duplicates of key). */
    record Case(Bankruptcy bankruptcy, double fundBalance, List<DeleveragingCandidate> candidates) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Double> mark = Arbitraries.doubles().between(0.01, 100_000);
        Arbitrary<Double> size = Arbitraries.doubles().between(-1_000, 1_000)
                .edgeCases(c -> c.add(0.0));
        Arbitrary<Double> deficit = Arbitraries.doubles().between(0, 1e7);
        Arbitrary<Double> fund = Arbitraries.doubles().between(0, 2e7);
        Arbitrary<Integer> bankrupt = Arbitraries.integers().between(0, 60);
        Arbitrary<List<double[]>> rows = Combinators.combine(
                        Arbitraries.integers().between(0, 60),
                        Arbitraries.doubles().between(-500, 500),
                        Arbitraries.doubles().between(0.1, 3),   // entry as a multiple of the mark
                        Arbitraries.doubles().between(-1e5, 1e6), // equity
                        Arbitraries.doubles().between(0, 1e5))   // maintenance requirement
                .as((s, z, e, eq, mm) -> new double[]{s, z, e, eq, mm})
                .list().ofMaxSize(40);
        return Combinators.combine(mark, size, deficit, fund, bankrupt, rows).as((p, s, d, f, b, rs) -> {
            List<DeleveragingCandidate> cs = new ArrayList<>();
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (double[] r : rs) {
                int sub = (int) r[0];
                if (used.add(sub)) {
                    // sizes rounded to 0.5 and entries to a few values so that equal keys happen
                    double z = Math.round(r[1] * 2) / 2.0;
                    double entry = p * Math.max(1, Math.round(r[2] * 4)) / 4.0;
                    cs.add(new DeleveragingCandidate(sub, MARKET, z, entry, Math.round(r[3]), Math.round(r[4])));
                }
            }
            return new Case(new Bankruptcy(b, MARKET, 0, s, p, d), f, cs);
        });
    }

    static DeleveragingPolicy[] policies() {
        return DeleveragingPolicy.NAMES.stream().map(DeleveragingPolicy::parse).toArray(DeleveragingPolicy[]::new);
    }

    @Property(tries = 400)
    void noPolicyTakesMoreThanTheShortfallAndTheLedgerBalances(@ForAll("cases") Case c) {
        for (DeleveragingPolicy policy : policies()) {
            InsuranceFund fund = new InsuranceFund(0, FundSpec.uncapped("venue", c.fundBalance()));
            BankruptcyResolution r = new BankruptcyWaterfall(policy).resolve(1L, c.bankruptcy(), fund, c.candidates());
            DeleveragingResult d = r.deleveraging();
            double deficit = c.bankruptcy().deficitUsd();
            assertEquals(Math.min(deficit, c.fundBalance()), r.fundPaidUsd(), 0, policy.name());
            assertEquals(deficit - r.fundPaidUsd(), d.shortfallUsd(), 0, policy.name());
            int bankrupt = Parties.subAccount(c.bankruptcy().subAccount());
            double taken = 0;
            double fromOthers = 0;
            for (Transfer t : d.transfers()) {
                assertEquals(bankrupt, t.to(), policy.name());
                assertTrue(t.from() != bankrupt);
                taken += t.amountUsd();
                if (t.reason() != TransferReason.DEFICIT) {
                    fromOthers += t.amountUsd();
                }
            }
            double tol = REL * Math.max(1, d.shortfallUsd());
            assertTrue(fromOthers <= d.shortfallUsd() + tol, policy.name() + ": took " + fromOthers + " of "
                    + d.shortfallUsd());
            assertEquals(d.shortfallUsd(), taken, tol, policy.name());
            assertEquals(d.coveredUsd(), fromOthers, tol, policy.name());
            assertEquals(d.shortfallUsd(), d.coveredUsd() + d.deficitUsd(), tol, policy.name());
            assertTrue(d.deficitUsd() >= 0 && d.coveredUsd() >= 0);

            Ledger l = new Ledger(new LedgerShape(61, 1, 1, 3, 1), LedgerListener.NONE);
            r.postTo(l, 1L);
            assertEquals(deficit, l.balance(bankrupt), REL * Math.max(1, deficit), policy.name());
            assertTrue(l.checkStep() <= Ledger.CONSERVATION_TOLERANCE);
            // balance − opening loses the low bits of a large opening balance: allow rounding at its scale
            assertEquals(fund.balance() - fund.openingBalance(), l.balance(fund.party()),
                    Ledger.CONSERVATION_TOLERANCE * Math.max(1, c.fundBalance()));
        }
    }

    @Property(tries = 400)
    void adlClosesOnlyOppositePositionsAndNoMoreThanTheyHold(@ForAll("cases") Case c) {
        Bankruptcy b = c.bankruptcy();
        for (AdlRanking ranking : AdlRanking.values()) {
            DeleveragingResult d = new RankedAdlPolicy(ranking).deleverage(b, b.deficitUsd(), c.candidates());
            double matched = 0;
            for (DeleveragingFill f : d.fills()) {
                DeleveragingCandidate held = c.candidates().stream()
                        .filter(x -> x.subAccount() == f.subAccount()).findFirst().orElseThrow();
                assertTrue(held.subAccount() != b.subAccount());
                assertEquals(-Math.signum(b.size()), Math.signum(held.size()));
                assertEquals(-Math.signum(held.size()), Math.signum(f.sizeChange()));
                assertTrue(Math.abs(f.sizeChange()) <= Math.abs(held.size()));
                assertEquals(d.priceUsd(), f.priceUsd(), 0);
                // gives up exactly |q| × |P_adl − P| (up to rounding)
                double perUnit = b.deficitUsd() / Math.abs(b.size());
                assertEquals(Math.abs(f.sizeChange()) * perUnit, f.transferUsd(),
                        1e-9 * Math.max(1, b.deficitUsd()));
                matched += Math.abs(f.sizeChange());
            }
            assertTrue(matched <= Math.abs(b.size()) * (1 + 1e-15));
            assertEquals(-Math.signum(b.size()) * matched, d.bankruptSizeChange(), 1e-9);
        }
    }

    @Property(tries = 400)
    void adlIsDeterministicAndFollowsItsDocumentedKey(@ForAll("cases") Case c, @ForAll @LongRange(max = 1_000_000)
    long shuffleSeed) {
        Bankruptcy b = c.bankruptcy();
        for (AdlRanking ranking : AdlRanking.values()) {
            RankedAdlPolicy policy = new RankedAdlPolicy(ranking);
            DeleveragingResult d = policy.deleverage(b, b.deficitUsd(), c.candidates());
            List<DeleveragingCandidate> shuffled = new ArrayList<>(c.candidates());
            Collections.shuffle(shuffled, new java.util.Random(shuffleSeed)); // test-only shuffle
            assertEquals(d, policy.deleverage(b, b.deficitUsd(), shuffled), "order of candidates changed the result");

            List<DeleveragingCandidate> queue = policy.queue(b, c.candidates());
            for (int i = 1; i < queue.size(); i++) {
                double prev = ranking.key(queue.get(i - 1), b.markPrice());
                double cur = ranking.key(queue.get(i), b.markPrice());
                assertTrue(prev > cur || prev == cur && queue.get(i - 1).subAccount() < queue.get(i).subAccount(),
                        "queue out of order at " + i);
            }
            // the queue holds exactly the opposite side (without the bankrupt's own)
            long opposite = c.candidates().stream().filter(x -> x.subAccount() != b.subAccount()
                    && x.size() != 0 && Math.signum(x.size()) == -Math.signum(b.size())).count();
            assertEquals(opposite, queue.size());
            // the fills are the head of the queue (skipping counterparties with no equity to give), with the queue's
            // keys, and none gives up more than its equity: its own fill never makes it bankrupt
            List<DeleveragingCandidate> solvent = queue.stream().filter(x -> x.accountEquityUsd() > 0).toList();
            for (int i = 0; i < d.fills().size(); i++) {
                assertEquals(solvent.get(i).subAccount(), d.fills().get(i).subAccount());
                assertEquals(ranking.key(solvent.get(i), b.markPrice()), d.fills().get(i).rankKey(), 0);
                assertTrue(d.fills().get(i).transferUsd() <= solvent.get(i).accountEquityUsd());
            }
        }
    }

    @Property(tries = 400)
    void socializedSharesSumToTheLossAndAreProportionalToSize(@ForAll("cases") Case c,
                                                             @ForAll @DoubleRange(min = 0, max = 1) double part) {
        Bankruptcy b = c.bankruptcy();
        double loss = b.deficitUsd() * part;
        DeleveragingResult d = new SocializedLossPolicy().deleverage(b, loss, c.candidates());
        List<DeleveragingCandidate> payers = c.candidates().stream()
                .filter(x -> x.subAccount() != b.subAccount() && x.size() != 0)
                .sorted(java.util.Comparator.comparingInt(DeleveragingCandidate::subAccount)).toList();
        double base = payers.stream().mapToDouble(x -> Math.abs(x.size())).sum();
        double tol = REL * Math.max(1, loss);
        if (loss == 0) {
            assertTrue(d.transfers().isEmpty());
            return;
        }
        if (base == 0) {
            assertEquals(loss, d.deficitUsd(), 0);
            return;
        }
        assertEquals(0, d.deficitUsd(), 0);
        assertEquals(loss / base, d.lossPerUnitUsd(), REL * d.lossPerUnitUsd());
        assertEquals(payers.size(), d.transfers().size());
        double sum = 0;
        for (int i = 0; i < payers.size(); i++) {
            Transfer t = d.transfers().get(i);
            assertEquals(Parties.subAccount(payers.get(i).subAccount()), t.from());
            assertEquals(TransferReason.SOCIALIZED_LOSS, t.reason());
            assertEquals(Math.abs(payers.get(i).size()) * loss / base, t.amountUsd(), tol);
            sum += t.amountUsd();
        }
        assertEquals(loss, sum, tol);
    }

    @Property(tries = 300)
    void aFundNeverGoesNegativeNorPaysMoreThanAskedOrHeld(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double cap = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : rnd.nextDouble(0, 1e6);
        InsuranceFund f = new InsuranceFund(0, new FundSpec("venue", rnd.nextDouble(0, 1e6), cap));
        Ledger l = new Ledger(new LedgerShape(1, 1, 0, 0, 0), LedgerListener.NONE);
        double lowest = f.balance();
        for (long t = 0; t < 200; t++) {
            if (rnd.nextInt(3) == 0) {
                double in = rnd.nextDouble(0, 1e4);
                f.receive(t, in);
                l.postIfPositive(t, in, Parties.subAccount(0), f.party(), TransferReason.LIQUIDATION_FEE_TO_FUND);
            } else {
                double ask = rnd.nextDouble(0, 5e4);
                double before = f.balance();
                double available = f.available();
                double paid = f.pay(t, ask);
                assertTrue(paid >= 0 && paid <= ask && paid <= before && paid <= available);
                assertEquals(Math.min(ask, available), paid, 0);
                l.postIfPositive(t, paid, f.party(), Parties.subAccount(0), TransferReason.BAD_DEBT_PAYOUT);
            }
            assertTrue(f.balance() >= 0);
            assertTrue(f.totalPaidOut() <= cap);
            lowest = Math.min(lowest, f.balance());
            assertEquals(lowest, f.minimumBalance(), 0);
            assertTrue(l.reconcile(f.party(), f.balance() - f.openingBalance()) <= Ledger.CONSERVATION_TOLERANCE);
        }
        assertEquals(f.openingBalance() + f.totalInflow() - f.totalPaidOut(), f.balance(),
                1e-9 * (f.openingBalance() + f.totalInflow()));
    }
}
