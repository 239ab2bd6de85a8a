package io.solvent.engine.liquidity;

import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-worked fills, impact and recovery on one market. */
class MarketLiquidityTest {
    private static final long T0 = 1_760_130_000_000L;
    private static final double EPS = 1e-12;

    private static MarketLiquidity linear(LiquidityParameters p) {
        return new MarketLiquidity("BTC-PERP", p,
                DepthHistory.constant(DepthSnapshot.symmetric(T0, DepthCurve.linear(1_000_000, 0.5))));
    }

    @Test
    void aSaleOfOneMillionIntoOneMillionPerPercentFillsHalfAPercentBelow() {
        MarketLiquidity m = linear(LiquidityParameters.defaults());
        Execution e = new Execution();
        m.execute(TradeSide.SELL, 1_000_000, 100_000, T0, e);
        assertEquals(100_000, e.referencePrice());
        assertEquals(0.005, e.slippage(), EPS);
        assertEquals(0.01, e.marginalDistance(), EPS);
        assertEquals(99_500, e.fillPrice(), 1e-6);
        assertEquals(5_000, e.slippageCostUsd(), 1e-6);
        assertEquals(10, e.quantity(), EPS);
        assertEquals(0, e.beyondBookUsd());
        assertEquals(100_000, e.priceAfter(), "no cascade feedback: the price does not move");
        assertEquals(0, m.displacement(T0 + 1));
        assertEquals(1_000_000, m.consumedUsd(TradeSide.SELL, T0), "but the bids are consumed");

        m.execute(TradeSide.BUY, 1_000_000, 100_000, T0, e);
        assertEquals(100_500, e.fillPrice(), 1e-6, "the asks are untouched");
        m.execute(TradeSide.BUY, 1_500_000, 100_000, T0, e);
        assertEquals(1_500_000, e.beyondBookUsd(), 1e-9, "the book's one point holds 1M, and 1M is consumed");
        assertTrue(e.beyondBook());
    }

    @Test
    void theSecondSaleOfTheSameMillisecondWalksOnFromTheFirst() {
        MarketLiquidity m = linear(LiquidityParameters.defaults());
        Execution e = new Execution();
        m.execute(TradeSide.SELL, 1_000_000, 100_000, T0, e);
        m.execute(TradeSide.SELL, 1_000_000, 100_000, T0, e);
        // fills between 1% and 2% below: on average 1.5% below the oracle price, which accounts still see
        assertEquals(100_000, e.referencePrice());
        assertEquals(98_500, e.fillPrice(), 1e-6);
        assertEquals(0.015, e.slippage(), EPS);
        assertEquals(0.02, e.marginalDistance(), EPS);
        // a half-life later half the consumed notional is back
        assertEquals(1_000_000, m.consumedUsd(TradeSide.SELL, T0 + 60_000), 1e-6);
        assertEquals(100_000 * (1 - 0.015), m.fillPrice(TradeSide.SELL, 1_000_000, 100_000, T0 + 60_000), 1e-6);
    }

    @Test
    void theStressedRegimeDividesTheDepth() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withStressedDepthMultiplier(0.2));
        Execution e = new Execution();
        m.setStressed(true);
        m.execute(TradeSide.SELL, 1_000_000, 100_000, T0, e);
        assertEquals(0.025, e.slippage(), EPS, "as if 5M had met the normal book");
        assertEquals(0.05, e.marginalDistance(), EPS);
        assertEquals(0.2, e.depthMultiplier());
        assertEquals(800_000, e.beyondBookUsd(), 1e-9, "the stressed book's point holds 200k");
        assertEquals(200_000, m.capacityUsd(TradeSide.SELL, T0), 1e-9);
        m.setStressed(false);
        assertEquals(0.015, m.slippage(TradeSide.SELL, 1_000_000, T0), EPS, "calm again, after the 1M consumed");
    }

    @Test
    void aMoveOfTheStressedMoveFromTheMovingReferenceStressesTheMarket() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withStressTrigger(0.05, 60_000));
        assertFalse(m.observe(100_000, T0), "the first price is the reference");
        assertEquals(100_000, m.referencePrice());
        assertFalse(m.observe(96_000, T0 + 1_000), "4% below the reference");
        assertTrue(m.observe(94_000, T0 + 2_000), "more than 5% below it");
        assertEquals(0.2, m.depthMultiplier());
        // the reference follows with a one-minute half-life: after ten quiet minutes at 94 000 it is there too
        assertFalse(m.observe(94_000, T0 + 600_000));
        assertEquals(94_000, m.referencePrice(), 94_000 * 2e-3);
        assertTrue(m.observe(99_000, T0 + 601_000), "5.3% above: stressed going up too");
        assertEquals(1.0, linear(LiquidityParameters.defaults()).depthMultiplier());
        assertThrows(IllegalArgumentException.class, () -> m.observe(99_000, T0));
    }

    @Test
    void cascadeFeedbackLeavesThePriceAtTheConsumedDepthAndRecoversWithTheHalfLife() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(60_000));
        Execution e = new Execution();
        m.execute(TradeSide.SELL, 2_000_000, 100_000, T0, e);
        assertEquals(99_000, e.fillPrice(), 1e-6);
        assertEquals(98_000, e.priceAfter(), 1e-6, "the marginal fill, 2% below");
        assertEquals(-0.02, m.displacement(T0), EPS);
        assertEquals(-0.01, m.displacement(T0 + 60_000), EPS);
        assertEquals(-0.005, m.displacement(T0 + 120_000), EPS);
        assertEquals(98_000, m.price(100_000, T0), 1e-6);
        // the oracle moves: the displacement is relative to it
        assertEquals(90_000 * 0.99, m.price(90_000, T0 + 60_000), 1e-6);

        // a second sale a half-life later walks the bids on from the 1M still consumed: between 1% and 2%
        m.execute(TradeSide.SELL, 1_000_000, 100_000, T0 + 60_000, e);
        assertEquals(99_000, e.referencePrice(), 1e-6);
        assertEquals(98_500, e.fillPrice(), 1e-6);
        assertEquals(98_000, e.priceAfter(), 1e-6);
        assertEquals(-0.02, m.displacement(T0 + 60_000), EPS);

        // a purchase consumes the asks: the price seen is pushed back up by their own distance
        m.execute(TradeSide.BUY, 1_000_000, 100_000, T0 + 60_000, e);
        assertEquals(98_000 * 1.01, e.priceAfter(), 1e-6);
        assertEquals(98_000 * 1.005, e.fillPrice(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> m.displacement(T0));
    }

    @Test
    void howeverManySalesThePriceSeenStaysWithinTheBackstop() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(60_000));
        Execution e = new Execution();
        for (int i = 0; i < 1_000; i++) {
            m.execute(TradeSide.SELL, 1e9, 100_000, T0, e);
            assertTrue(e.fillPrice() >= 50_000 - 1e-6 && e.priceAfter() >= 50_000 - 1e-6, e.toString());
        }
        assertEquals(50_000, m.price(100_000, T0), 1e-6, "the backstop, 50%: no runaway");
    }

    @Test
    void turningCascadeFeedbackOffLeavesTheOracleButKeepsTheConsumedBook() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(60_000));
        m.execute(TradeSide.SELL, 2_000_000, 100_000, T0, new Execution());
        m.setParameters(LiquidityParameters.defaults());
        assertEquals(0, m.displacement(T0 + 1));
        assertEquals(100_000, m.price(100_000, T0 + 1));
        assertEquals(2_000_000, m.consumedUsd(TradeSide.SELL, T0), "fills still meet the consumed bids");
        m.setParameters(LiquidityParameters.defaults().withCascade(60_000));
        assertEquals(-0.02, m.displacement(T0), EPS);
    }

    @Test
    void stateRestoresAndForksAreIndependent() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(30_000));
        Execution e = new Execution();
        m.setStressed(true);
        m.observe(100_000, T0);
        m.execute(TradeSide.SELL, 300_000, 100_000, T0, e);
        LiquidityState s = m.state();
        MarketLiquidity fork = m.fork(LiquidityParameters.defaults().withCascade(120_000));
        assertEquals(m.displacement(T0), fork.displacement(T0));
        assertTrue(Math.abs(fork.displacement(T0 + 60_000)) > Math.abs(m.displacement(T0 + 60_000)),
                "the fork recovers more slowly");
        m.execute(TradeSide.SELL, 300_000, 100_000, T0 + 1_000, e);
        assertEquals(s.bidsConsumedUsd(), fork.state().bidsConsumedUsd(), "the fork does not see the original's fills");

        MarketLiquidity again = linear(LiquidityParameters.defaults().withCascade(30_000));
        again.restore(s);
        again.execute(TradeSide.SELL, 300_000, 100_000, T0 + 1_000, e);
        assertEquals(m.state(), again.state(), "restored from a state, the same fills give the same state");
    }

    @Test
    void theBookInForceFollowsTheHistory() {
        DepthSnapshot a = DepthSnapshot.symmetric(T0, DepthCurve.linear(1e6, 0.5));
        DepthSnapshot b = DepthSnapshot.symmetric(T0 + 30_000, DepthCurve.linear(2e6, 0.5));
        DepthSnapshot c = DepthSnapshot.symmetric(T0 + 60_000, DepthCurve.linear(4e6, 0.5));
        MarketLiquidity m = new MarketLiquidity("BTC-PERP", LiquidityParameters.defaults(),
                DepthHistory.of(List.of(a, b, c)));
        assertSame(a, m.book(T0 - 1_000_000), "before the first snapshot, the first");
        assertSame(a, m.book(T0 + 29_999));
        assertSame(b, m.book(T0 + 30_000));
        assertSame(c, m.book(T0 + 10_000_000));
        assertSame(a, m.book(T0), "going back (a seek) finds it again");
        assertEquals(0.005 / 4, m.slippage(TradeSide.BUY, 1e6, T0 + 60_000), EPS);
    }

    @Test
    void validationNamesTheField() {
        DepthCurveTest.assertField("stressedDepthMultiplier", () -> new LiquidityParameters(0, false, 1));
        DepthCurveTest.assertField("stressedDepthMultiplier", () -> new LiquidityParameters(1.5, false, 1));
        DepthCurveTest.assertField("stressedDepthMultiplier", () -> new LiquidityParameters(Double.NaN, false, 1));
        DepthCurveTest.assertField("impactHalfLifeMs", () -> new LiquidityParameters(0.2, true, 0));
        DepthCurveTest.assertField("stressedMove", () -> new LiquidityParameters(0.2, true, 1, 0, 1));
        DepthCurveTest.assertField("stressedMove", () -> new LiquidityParameters(0.2, true, 1, Double.NaN, 1));
        DepthCurveTest.assertField("stressedHalfLifeMs", () -> new LiquidityParameters(0.2, true, 1, 0.05, 0));
        DepthCurveTest.assertField("market", () -> new MarketLiquidity(" ", LiquidityParameters.defaults(),
                DepthHistory.constant(DepthSnapshot.symmetric(T0, DepthCurve.empty(0.5)))));
        DepthCurveTest.assertField("depth", () -> new MarketLiquidity("X", LiquidityParameters.defaults(), null));
        DepthCurveTest.assertField("bids", () -> new DepthSnapshot(T0, null, DepthCurve.empty(0.5)));
        DepthCurveTest.assertField("snapshots[1].timestampMs", () -> DepthHistory.of(List.of(
                DepthSnapshot.symmetric(T0, DepthCurve.empty(0.5)),
                DepthSnapshot.symmetric(T0, DepthCurve.empty(0.5)))));
        MarketLiquidity m = linear(LiquidityParameters.defaults());
        Execution e = new Execution();
        assertThrows(IllegalArgumentException.class, () -> m.execute(TradeSide.SELL, -1, 100, T0, e));
        assertThrows(IllegalArgumentException.class, () -> m.execute(TradeSide.SELL, 1, 0, T0, e));
        assertThrows(IllegalArgumentException.class, () -> m.execute(TradeSide.SELL, 1, Double.NaN, T0, e));
        assertEquals(TradeSide.SELL, TradeSide.closing(2));
        assertEquals(TradeSide.BUY, TradeSide.closing(-2));
        assertThrows(IllegalArgumentException.class, () -> TradeSide.closing(0));
    }

    @Test
    void zeroNotionalChangesNothing() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(1_000));
        Execution e = new Execution();
        m.execute(TradeSide.SELL, 0, 100_000, T0, e);
        assertEquals(100_000, e.fillPrice());
        assertEquals(100_000, e.priceAfter());
        assertFalse(e.beyondBook());
        assertEquals(new LiquidityState(false, 0, 0, Long.MIN_VALUE, Double.NaN, Double.NaN, Long.MIN_VALUE), m.state());
    }
}
