package io.solvent.engine.book;

import io.solvent.engine.margin.Instruments;
import io.solvent.engine.margin.MarginCalculator;
import io.solvent.engine.margin.SubAccountMargin;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.solvent.engine.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The struct-of-arrays book computes what the reference calculator computes, and its indexes are complete. */
class MarginBookTest {

    @Property(tries = 200)
    void arraysAgreeWithTheReferenceCalculator(@ForAll long seed) {
        Book book = RandomBooks.generate(seed, 5);
        MarginBook hot = MarginBook.of(book);
        assertMatches(book, hot);
    }

    @Property(tries = 200)
    void revaluingTheExposedSubAccountsEqualsAFullRevaluation(@ForAll long seed,
                                                               @ForAll @IntRange(min = 0, max = 3) int assetPick,
                                                               @ForAll @DoubleRange(min = 0.3, max = 3) double move) {
        Book book = RandomBooks.generate(seed, 8);
        MarginBook hot = MarginBook.of(book);
        int asset = assetPick % hot.assets().size();
        String symbol = hot.assets().symbol(asset);
        double price = book.prices().of(symbol) * move;
        hot.setPrice(asset, price);
        hot.revalueExposedTo(asset);

        Map<String, Double> moved = new HashMap<>(book.prices().bySymbol());
        moved.put(symbol, price);
        assertMatches(book.withPrices(new Prices(moved)), hot);
    }

    @Test
    void exposureIndexListsExactlyTheSubAccountsTouchingEachAsset() {
        Book book = RandomBooks.generate(42, 50);
        MarginBook hot = MarginBook.of(book);
        Map<String, String> underlying = new HashMap<>();
        book.markets().forEach(m -> underlying.put(m.symbol(), m.underlying()));
        for (int a = 0; a < hot.assets().size(); a++) {
            String symbol = hot.assets().symbol(a);
            int s = 0;
            int expectedCount = 0;
            for (Account account : book.accounts()) {
                for (SubAccount sub : account.subaccounts()) {
                    boolean exposed = sub.balances().containsKey(symbol)
                            || sub.positions().stream().anyMatch(p -> underlying.get(p.market()).equals(symbol));
                    if (exposed) {
                        assertEquals(s, hot.exposureByAsset().member(a, expectedCount), "ascending members");
                        expectedCount++;
                    }
                    s++;
                }
            }
            assertEquals(expectedCount, hot.exposureByAsset().count(a), symbol);
        }
    }

    @Test
    void rejectsAnUnpricedBookAndABadPrice() {
        Book book = RandomBooks.generate(1, 1);
        Book unpriced = new Book(book.assets(), book.markets(), book.accounts(), Prices.none());
        assertThrows(IllegalArgumentException.class, () -> MarginBook.of(unpriced));
        MarginBook hot = MarginBook.of(book);
        assertThrows(IllegalArgumentException.class, () -> hot.setPrice(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> hot.setPrice(0, 0));
    }

    private static void assertMatches(Book book, MarginBook hot) {
        MarginCalculator calc = new MarginCalculator(Instruments.of(book));
        int s = 0;
        for (Account account : book.accounts()) {
            for (SubAccount sub : account.subaccounts()) {
                SubAccountMargin m = calc.evaluate(sub, book.prices());
                String at = account.id() + "/" + sub.id();
                assertEquals(account.id(), hot.subAccounts().accountId(s));
                assertEquals(sub.id(), hot.subAccounts().subAccountId(s));
                double scale = m.maintenance().weightedAssets() + m.maintenance().weightedLiabilities();
                assertClose(m.maintenance().health(), hot.maintenanceHealth(s), 1e-12, scale, at + " health_m");
                assertClose(m.initial().health(), hot.initialHealth(s), 1e-12, scale, at + " health_i");
                assertClose(m.maintenance().weightedAssets(), hot.maintenanceWeightedAssets(s), 1e-12, at + " A_m");
                assertClose(m.maintenance().weightedLiabilities(), hot.maintenanceWeightedLiabilities(s), 1e-12,
                        at + " L_m");
                assertClose(m.maintenance().requirement(), hot.maintenanceRequirement(s), 1e-12, at + " R_m");
                assertClose(m.equity(), hot.equity(s), 1e-12, scale, at + " equity");
                assertEquals(m.liquidatable(), hot.liquidatable(s), at + " liquidatable");
                s++;
            }
        }
        assertEquals(s, hot.subAccounts().size());
    }
}
