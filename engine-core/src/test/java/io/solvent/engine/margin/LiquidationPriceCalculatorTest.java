package io.solvent.engine.margin;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.testing.HandBooks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static io.solvent.engine.testing.Close.assertClose;
import static io.solvent.engine.testing.HandBooks.firstSub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquidationPriceCalculatorTest {
    private static final List<Asset> USDC_ETH = List.of(Asset.of("USDC"), Asset.of("ETH"));

    private static OptionalDouble liquidation(Book book, String asset) {
        return new LiquidationPriceCalculator(Instruments.of(book)).liquidationPrice(firstSub(book), asset,
                book.prices());
    }

    @Test
    void rootOnATierKinkIsExact() {
        // Long 10 at entry 2000, tiers: 5% up to 10,000 notional (p = 1000), then 50%. Health:
        //   p < 1000: 1000 + 10(p − 2000) − 0.5p            → root at 19000/9.5 = 2000 (but p < 1000: none)
        //   p > 1000: 1000 + 10(p − 2000) − 500 − 5(p − 1000) → 5p − 14500 → root at 2900.
        Market m = new Market("P", "ETH", List.of(new MarginTier(10_000, 0.05, 0.05),
                new MarginTier(Double.POSITIVE_INFINITY, 0.5, 0.5)), 0, 1);
        Book book = HandBooks.oneSubAccount(USDC_ETH, List.of(m), Map.of("USDC", 1000.0),
                List.of(new Position("P", 10, 2000)), Map.of("USDC", 1.0, "ETH", 3000.0));
        assertClose(2900, liquidation(book, "ETH").orElseThrow(), 1e-14, "root in the second tier");
    }

    @Test
    void onlyTheSegmentsRootsCount() {
        // Long 10 and a steep upper tier: health rises then falls with price, so it has two roots.
        Market m = new Market("P", "ETH", List.of(new MarginTier(30_000, 0.01, 0.01),
                new MarginTier(Double.POSITIVE_INFINITY, 1, 1)), 0, 1);
        // p <= 3000: 500 + 10(p − 2000) − 0.1p → root 19500/9.9 = 1969.70
        // p >  3000: 500 + 10(p − 2000) − 300 − 10(p − 3000) = 10200 > 0: never zero
        Book book = HandBooks.oneSubAccount(USDC_ETH, List.of(m), Map.of("USDC", 500.0),
                List.of(new Position("P", 10, 2000)), Map.of("USDC", 1.0, "ETH", 2500.0));
        assertClose(19500 / 9.9, liquidation(book, "ETH").orElseThrow(), 1e-14, "only root below");

        // Positive PnL weighted 0.5 bends health at the entry price.
        Market a = new Market("A", "ETH", List.of(new MarginTier(Double.POSITIVE_INFINITY, 0.1, 0.1)), 0, 0.5);
        Book tent = HandBooks.oneSubAccount(USDC_ETH, List.of(a), Map.of("USDC", 1000.0),
                List.of(new Position("A", 10, 2000)), Map.of("USDC", 1.0, "ETH", 2000.0));
        // p < 2000: 1000 + 10(p − 2000) − p = 9p − 19000, whose root 2111.1 lies outside the segment;
        // p ≥ 2000: 1000 + 0.5·10(p − 2000) − p = 4p − 9000 → 2250. Health at 2000 is −1000: liquidatable.
        assertClose(2250, liquidation(tent, "ETH").orElseThrow(), 1e-14, "positive-PnL weight bends at entry");
    }

    @Test
    void twoRootsTheNearerWins() {
        // Long 10 and short 10 at 2000, positive PnL weighted 0: health ≈ 100 − 10·|p − 2000|, roots near 1990 and
        // 2010. From 2003 the upper one is nearer, from 1997 the lower one.
        Market m = new Market("P", "ETH", List.of(new MarginTier(Double.POSITIVE_INFINITY, 1e-9, 1e-9)), 0, 0);
        for (double current : new double[] {2003, 1997}) {
            Book book = HandBooks.oneSubAccount(USDC_ETH, List.of(m), Map.of("USDC", 100.0),
                    List.of(new Position("P", 10, 2000), new Position("P", -10, 2000)),
                    Map.of("USDC", 1.0, "ETH", current));
            double lp = liquidation(book, "ETH").orElseThrow();
            double expected = current > 2000 ? 2010 : 1990;
            assertTrue(Math.abs(lp - expected) < 1e-3, () -> "from " + current + " expected ~" + expected + ", was " + lp);
        }
    }

    @Test
    void noRootMeansEmpty() {
        Book book = HandBooks.oneSubAccount(USDC_ETH, List.of(HandBooks.perp("P", "ETH", 0.1, 0.05)),
                Map.of("USDC", 1_000_000.0), List.of(new Position("P", 1, 2000)), Map.of("USDC", 1.0, "ETH", 2000.0));
        assertTrue(liquidation(book, "ETH").isEmpty(), "a long this well funded never liquidates on a fall");
    }

    @Test
    void healthIdenticallyZeroOnASegmentGivesTheNearestPointOfIt() {
        // No positions, no balance of ETH besides a zero one: health is constant zero if USDC is 0 too.
        SubAccount sub = new SubAccount("0", io.solvent.engine.model.MarginMode.CROSS, Map.of("ETH", 0.0), List.of());
        Book book = new Book(USDC_ETH, List.of(), List.of(new io.solvent.engine.model.Account("a", List.of(sub))),
                new Prices(Map.of("ETH", 2000.0)));
        assertEquals(2000.0, liquidation(book, "ETH").orElseThrow(), "the current price is itself a root");
    }

    @Test
    void aBorrowOfTheUnderlyingCounts() {
        // Short exposure through a borrow: −5 ETH at 2000 with liability weight 1.1, 15,000 USDC.
        Book book = HandBooks.oneSubAccount(List.of(Asset.of("USDC"), new Asset("ETH", 0.8, 0.9, 1.2, 1.1, 0)),
                List.of(), Map.of("USDC", 15000.0, "ETH", -5.0), List.of(), Map.of("USDC", 1.0, "ETH", 2000.0));
        assertClose(15000 / 5.5, liquidation(book, "ETH").orElseThrow(), 1e-14, "15000 − 5·1.1·p = 0");
    }
}
