package io.solvent.engine.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conservation holds for any sequence of transfers, whatever their sizes. */
class LedgerPropertiesTest {
    static final LedgerShape SHAPE = new LedgerShape(50, 3, 2, 4, 3);
    static final long T0 = 1_584_000_000_000L;

    /** One random transfer; {@code endsStep} closes a step (a check follows). */
    record Move(PartyKind fromKind, int fromIndex, PartyKind toKind, int toIndex, double amount,
                TransferReason reason, long dt, boolean endsStep) {
        int from() {
            return Parties.of(fromKind, fromIndex % SHAPE.count(fromKind));
        }

        int to() {
            return Parties.of(toKind, toIndex % SHAPE.count(toKind));
        }
    }

    @Provide
    Arbitrary<List<Move>> runs() {
        Arbitrary<PartyKind> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(PartyKind.SUB_ACCOUNT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(PartyKind.values())));
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1000);
        // amounts across 16 orders of magnitude: fees of a micro-cent next to billion-dollar close-outs
        Arbitrary<Double> amount = Combinators.combine(Arbitraries.doubles().between(1, 10),
                Arbitraries.integers().between(-6, 9)).as((m, e) -> m * Math.pow(10, e));
        Arbitrary<TransferReason> reason = Arbitraries.of(TransferReason.values());
        Arbitrary<Long> dt = Arbitraries.longs().between(0, 3_000);
        Arbitrary<Boolean> ends = Arbitraries.of(true, false, false, false);
        return Combinators.combine(kind, index, kind, index, amount, reason, dt, ends).as(Move::new)
                .filter(m -> m.from() != m.to())
                .list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void everyLedgerBalancesAfterEveryStep(@ForAll("runs") List<Move> run) {
        List<LedgerEntry> seen = new ArrayList<>();
        Ledger l = new Ledger(SHAPE, (seq, t, a, f, to, r) -> seen.add(new LedgerEntry(seq, t, a, f, to, r)));
        long t = T0;
        for (Move m : run) {
            t += m.dt();
            l.post(t, m.amount(), m.from(), m.to(), m.reason());
            if (m.endsStep()) {
                double imbalance = l.checkStep();
                assertTrue(imbalance <= Ledger.CONSERVATION_TOLERANCE, "imbalance " + imbalance);
            }
        }
        l.checkStep();
        assertTrue(l.verifyAll() <= Ledger.CONSERVATION_TOLERANCE);
        assertTrue(l.maxImbalance() <= Ledger.CONSERVATION_TOLERANCE, "max " + l.maxImbalance());
        assertTrue(l.summary().conserved());

        // every balance agrees with an exact replay of the entries the listener saw
        assertEquals(run.size(), seen.size());
        BigDecimal gross = BigDecimal.ZERO;
        java.util.Map<Integer, BigDecimal> exact = new java.util.TreeMap<>();
        for (int i = 0; i < seen.size(); i++) {
            LedgerEntry e = seen.get(i);
            assertEquals(i, e.sequence());
            BigDecimal a = new BigDecimal(e.amountUsd());
            exact.merge(e.from(), a.negate(), BigDecimal::add);
            exact.merge(e.to(), a, BigDecimal::add);
            gross = gross.add(a);
        }
        double tolerance = Ledger.CONSERVATION_TOLERANCE * Math.max(1, gross.doubleValue());
        exact.forEach((party, value) -> assertEquals(value.doubleValue(), l.balance(party), tolerance,
                Parties.describe(party)));
        assertEquals(gross.round(MathContext.DECIMAL64).doubleValue(), l.grossFlow(), tolerance);
        // the per-kind totals, accumulated separately, agree with the balances
        for (PartyKind k : PartyKind.values()) {
            double sum = 0;
            for (int i = 0; i < SHAPE.count(k); i++) {
                sum += l.balance(Parties.of(k, i));
            }
            assertEquals(sum, l.summary().of(k).netUsd(), tolerance, k.name());
        }
    }

    @Property(tries = 100)
    void aForkAndTheOriginalBothBalance(@ForAll("runs") List<Move> run) {
        Ledger l = new Ledger(SHAPE, LedgerListener.NONE);
        int half = run.size() / 2;
        long t = T0;
        for (int i = 0; i < half; i++) {
            Move m = run.get(i);
            l.post(t += m.dt(), m.amount(), m.from(), m.to(), m.reason());
        }
        l.checkStep();
        Ledger fork = l.copy(LedgerListener.NONE);
        long tf = t;
        for (int i = half; i < run.size(); i++) {
            Move m = run.get(i);
            fork.post(tf += m.dt(), m.amount(), m.to(), m.from(), m.reason()); // the fork reverses them
            l.post(t += m.dt(), m.amount(), m.from(), m.to(), m.reason());
        }
        assertTrue(l.checkStep() <= Ledger.CONSERVATION_TOLERANCE);
        assertTrue(fork.checkStep() <= Ledger.CONSERVATION_TOLERANCE);
        assertTrue(fork.verifyAll() <= Ledger.CONSERVATION_TOLERANCE);
        assertEquals(l.grossFlow(), fork.grossFlow(), 1e-9 * Math.max(1, l.grossFlow()));
    }
}
