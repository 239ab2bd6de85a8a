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

        m.execute(TradeSide.BUY, 1_000_000, 100_000, T0, e);
        assertEquals(100_500, e.fillPrice(), 1e-6);
        m.execute(TradeSide.BUY, 1_500_000, 100_000, T0, e);
        assertEquals(500_000, e.beyondBookUsd(), 1e-9, "the book's one point holds 1M");
        assertTrue(e.beyondBook());
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
        assertEquals(0.005, m.slippage(TradeSide.SELL, 1_000_000, T0), EPS);
    }

    @Test
    void cascadeFeedbackLeavesThePriceAtTheMarginalFillAndRecoversWithTheHalfLife() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(60_000));
        Execution e = new Execution();
        m.execute(TradeSide.SELL, 2_000_000, 100_000, T0, e);
        assertEquals(99_000, e.fillPrice(), 1e-6);
        assertEquals(98_000, e.priceAfter(), 1e-6, "the marginal fill, 2% below");
        assertEquals(-0.02, m.displacement(T0), EPS);
        assertEquals(-0.01, m.displacement(T0 + 60_000), EPS);
        assertEquals(-0.005, m.displacement(T0 + 120_000), EPS);
        assertEquals(98_000 * 1.0, m.price(100_000, T0), 1e-6);
        // the oracle moves: the displacement is relative to it
        assertEquals(90_000 * 0.99, m.price(90_000, T0 + 60_000), 1e-6);

        // a second sale a half-life later starts from the displaced price 99 000 and leaves 99 000·0.99
        m.execute(TradeSide.SELL, 1_000_000, 100_000, T0 + 60_000, e);
        assertEquals(99_000, e.referencePrice(), 1e-6);
        assertEquals(99_000 * 0.995, e.fillPrice(), 1e-6);
        assertEquals(99_000 * 0.99, e.priceAfter(), 1e-6);
        assertEquals(0.99 * 0.99 - 1, m.displacement(T0 + 60_000), EPS);

        // a purchase pushes back up
        m.execute(TradeSide.BUY, 1_000_000, 100_000, T0 + 60_000, e);
        assertEquals(99_000 * 0.99 * 1.01, e.priceAfter(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> m.displacement(T0));
    }

    @Test
    void turningCascadeFeedbackOffClearsTheDisplacement() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(60_000));
        m.execute(TradeSide.SELL, 2_000_000, 100_000, T0, new Execution());
        m.setParameters(LiquidityParameters.defaults());
        assertEquals(0, m.displacement(T0 + 1));
        m.setParameters(LiquidityParameters.defaults().withCascade(60_000));
        assertEquals(0, m.displacement(T0 + 1));
    }

    @Test
    void stateRestoresAndForksAreIndependent() {
        MarketLiquidity m = linear(LiquidityParameters.defaults().withCascade(30_000));
        Execution e = new Execution();
        m.setStressed(true);
        m.execute(TradeSide.SELL, 300_000, 100_000, T0, e);
        LiquidityState s = m.state();
        MarketLiquidity fork = m.fork(LiquidityParameters.defaults().withCascade(120_000));
        assertEquals(m.displacement(T0), fork.displacement(T0));
        assertTrue(Math.abs(fork.displacement(T0 + 60_000)) > Math.abs(m.displacement(T0 + 60_000)),
                "the fork recovers more slowly");
        m.execute(TradeSide.SELL, 300_000, 100_000, T0 + 1_000, e);
        assertEquals(s.displacement(), fork.state().displacement(), "the fork does not see the original's fills");

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
        assertEquals(new LiquidityState(false, 0, 0), m.state());
    }
}
