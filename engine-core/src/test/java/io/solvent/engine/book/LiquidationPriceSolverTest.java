package io.solvent.engine.book;

import io.solvent.engine.margin.Instruments;
import io.solvent.engine.margin.LiquidationPriceCalculator;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocation-free solver on the hot state finds the roots the exact calculator finds. */
class LiquidationPriceSolverTest {

    @Property(tries = 150)
    void theSolversRootIsTheExactCalculatorsInTheDirectionHealthFalls(@ForAll long seed) {
        Book book = RandomBooks.generate(seed, 12);
        MarginBook hot = MarginBook.of(book);
        LiquidationPriceSolver solver = new LiquidationPriceSolver(hot);
        LiquidationPriceCalculator exact = new LiquidationPriceCalculator(Instruments.of(book));
        List<SubAccount> subs = new ArrayList<>();
        for (Account a : book.accounts()) {
            subs.addAll(a.subaccounts());
        }
        for (int s = 0; s < subs.size(); s++) {
            for (int a = 0; a < hot.assets().size(); a++) {
                String symbol = hot.assets().symbol(a);
                double p0 = hot.assets().price(a);
                double f0 = solver.healthAt(s, a, p0);
                assertEquals(hot.maintenanceHealth(s), f0, 1e-9 * Math.max(1, Math.abs(f0)), "at the price: the book's");
                double r = solver.liquidationPrice(s, a);
                if (Double.isNaN(r)) {
                    continue;
                }
                double scale = Math.max(1, hot.notional(s) + Math.abs(hot.equity(s)));
                if (f0 <= 0) {
                    assertEquals(p0, r);
                    continue;
                }
                assertEquals(0, solver.healthAt(s, a, r), 1e-7 * scale, "health is zero at the root");
                OptionalDouble e = exact.liquidationPrice(subs.get(s), symbol, book.prices());
                assertTrue(e.isPresent(), "the exact calculator finds a root too: " + r);
                double x = e.getAsDouble();
                if (Math.signum(x - p0) == Math.signum(r - p0)) {
                    assertEquals(x, r, 1e-6 * p0, "the same root on the same side");
                } else {
                    assertTrue(Math.abs(x - p0) <= Math.abs(r - p0) + 1e-9 * p0,
                            "a root on the other side is only ever nearer: the exact one is the nearest");
                }
            }
        }
    }
}
