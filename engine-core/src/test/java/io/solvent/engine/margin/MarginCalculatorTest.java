package io.solvent.engine.margin;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.testing.HandBooks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.solvent.engine.testing.Close.assertClose;
import static io.solvent.engine.testing.HandBooks.firstSub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarginCalculatorTest {

    private static SubAccountMargin evaluate(Book book) {
        return new MarginCalculator(Instruments.of(book)).evaluate(firstSub(book), book.prices());
    }

    @Test
    void aaveHandCaseHasHealthFactorOnePointOne() {
        SubAccountMargin m = evaluate(HandBooks.aave());
        assertClose(16500, m.maintenance().weightedAssets(), 1e-15, "A_m");
        assertClose(15000, m.maintenance().weightedLiabilities(), 1e-15, "L_m");
        assertClose(1.1, m.maintenance().healthFactor().orElseThrow(), 1e-15, "healthFactor_m");
        assertClose(1818.181818181818, m.liquidationPrices().get("ETH").orElseThrow(), 1e-12, "ETH liquidation");
        assertFalse(m.liquidatable());
        assertClose(1000, m.freeCollateral(), 1e-15, "free collateral = 16000 - 15000");
    }

    @Test
    void driftHandCaseHasHealthThreeThousand() {
        SubAccountMargin m = evaluate(HandBooks.drift());
        assertClose(3000, m.maintenance().health(), 1e-15, "health_m");
        assertClose(1666.6666666666667, m.liquidationPrices().get("ETH").orElseThrow(), 1e-12, "ETH liquidation");
        assertTrue(m.liquidationPrices().get("USDC").isPresent(), "a USDC repricing also liquidates it");
        // 18000 - 15000·p = 0 at p = 1.2: the debt's price rising 20% liquidates.
        assertClose(1.2, m.liquidationPrices().get("USDC").orElseThrow(), 1e-12, "USDC liquidation");
    }

    @Test
    void perpHandCaseMatchesDriftAndOrderly() {
        SubAccountMargin m = evaluate(HandBooks.perpLong());
        assertClose(1000, m.maintenance().requirement(), 1e-15, "R_m");
        assertClose(2000, m.initial().requirement(), 1e-15, "R_i");
        assertClose(4000, m.maintenance().health(), 1e-15, "health_m");
        assertClose(0.2, m.marginRatio().orElseThrow(), 1e-15, "R_m / (A_m - (L_m - R_m)) = 1000 / 5000");
        PositionMargin p = m.positions().getFirst();
        assertClose(1578.9473684210527, p.liquidationPrice().orElseThrow(), 1e-12, "liquidation price 15000/9.5");
        assertClose((1578.9473684210527 - 2000) / 2000, p.liquidationDistance().orElseThrow(), 1e-12, "distance");
        assertClose(4, m.leverage().orElseThrow(), 1e-15, "20000 / 5000");
        assertTrue(m.liquidationPrices().get("USDC").isPresent());
    }

    @Test
    void perpHandCaseAtSixteenHundredIsNotLiquidatable() {
        Book book = HandBooks.perpLong().withPrices(new io.solvent.engine.model.Prices(Map.of("ETH", 1600.0)));
        SubAccountMargin m = evaluate(book);
        assertClose(200, m.maintenance().health(), 1e-12, "5000 - 4000 - 800");
        assertClose(800.0 / 1000, m.marginRatio().orElseThrow(), 1e-12, "R / (A - (L - R)) = 800 / 1000");
        assertFalse(m.liquidatable());
    }

    @Test
    void healthExactlyZeroIsNotLiquidatable() {
        Book book = HandBooks.perpLong().withPrices(new io.solvent.engine.model.Prices(Map.of("ETH", 1500.0)));
        // 5000 + 10·(1500 − 2000) − 0.05·15000 = −750 → liquidatable; now make it exactly zero with 750 more USDC.
        Book zero = HandBooks.oneSubAccount(book.assets(), book.markets(), Map.of("USDC", 5750.0),
                List.of(new Position("ETH-PERP", 10, 2000)), Map.of("USDC", 1.0, "ETH", 1500.0));
        SubAccountMargin m = evaluate(zero);
        assertEquals(0.0, m.maintenance().health());
        assertFalse(m.liquidatable(), "exactly 0 is not liquidatable");
        assertTrue(evaluate(book).liquidatable());
    }

    @Test
    void undefinedFiguresAreEmpty() {
        Book cashOnly = HandBooks.oneSubAccount(List.of(Asset.of("USDC")), List.of(), Map.of("USDC", 100.0),
                List.of(), Map.of("USDC", 1.0));
        SubAccountMargin m = evaluate(cashOnly);
        assertTrue(m.maintenance().healthFactor().isEmpty(), "no liabilities: no health factor");
        assertFalse(m.liquidatable());
        assertClose(0, m.marginRatio().orElseThrow(), 0, "no requirement: ratio 0");
        assertClose(0, m.leverage().orElseThrow(), 0, "no positions: leverage 0");
        assertTrue(m.liquidationPrices().get("USDC").isEmpty(), "nothing can liquidate it");

        Book underwater = HandBooks.oneSubAccount(List.of(Asset.of("USDC"), Asset.of("ETH")),
                List.of(HandBooks.perp("ETH-PERP", "ETH", 0.1, 0.05)), Map.of("USDC", 100.0),
                List.of(new Position("ETH-PERP", 10, 2000)), Map.of("USDC", 1.0, "ETH", 1000.0));
        SubAccountMargin u = evaluate(underwater);
        assertTrue(u.leverage().isEmpty(), "negative equity: no leverage");
        assertTrue(u.marginRatio().isEmpty(), "denominator below zero: no margin ratio");
        assertTrue(u.liquidatable());
    }

    @Test
    void tiersAreProgressiveAndPositivePnlIsWeighted() {
        Market m = new Market("ETH-PERP", "ETH", List.of(new MarginTier(10_000, 0.1, 0.05),
                new MarginTier(Double.POSITIVE_INFINITY, 0.2, 0.1)), 0.01, 0.5);
        Book book = HandBooks.oneSubAccount(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(m),
                Map.of("USDC", 1000.0), List.of(new Position("ETH-PERP", 10, 1500)), Map.of("USDC", 1.0, "ETH", 2000.0));
        SubAccountMargin r = evaluate(book);
        // notional 20,000: 10,000 at 5% + 10,000 at 10% = 1,500; PnL 5,000 weighted 0.5.
        assertClose(1500, r.maintenance().requirement(), 1e-15, "R_m");
        assertClose(3000, r.initial().requirement(), 1e-15, "R_i");
        assertClose(3500, r.maintenance().weightedAssets(), 1e-15, "1000 + 0.5·5000");
        assertClose(6000, r.equity(), 1e-15, "1000 + 5000, unweighted");
    }

    @Test
    void sizeFactorCutsTheWeightOfLargeBalances() {
        Asset eth = new Asset("ETH", 0.8, 0.9, 1.2, 1.1, 0.01);
        Book book = HandBooks.oneSubAccount(List.of(Asset.of("USDC"), eth), List.of(),
                Map.of("ETH", 10_000.0, "USDC", -1000.0), List.of(), Map.of("USDC", 1.0, "ETH", 2.0));
        SubAccountMargin r = evaluate(book);
        double w = Math.min(0.9, 1.1 / (1 + 0.01 * 100)); // 0.55
        assertClose(10_000 * 2 * w, r.maintenance().weightedAssets(), 1e-15, "size-discounted ETH");
    }
}
