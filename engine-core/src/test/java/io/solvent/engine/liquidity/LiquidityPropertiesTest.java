package io.solvent.engine.liquidity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the liquidity model guarantees, whatever the book. */
class LiquidityPropertiesTest {
    private static final long T0 = 1_760_130_000_000L;

    /**
     * Books of 0..8 points: distance steps of 0.1%..3%, notional steps of 0..500M USD (0 makes flat segments, and a
     * zero first step an empty region near the mid), backstop 1..40 points of % beyond the last point (below 1).
     */
    @Provide
    Arbitrary<DepthCurve> curves() {
        Arbitrary<Double> dx = Arbitraries.doubles().between(0.001, 0.03).ofScale(6);
        Arbitrary<Double> dn = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 5e8).ofScale(2));
        Arbitrary<List<double[]>> steps = Combinators.combine(dx, dn).as((a, b) -> new double[]{a, b}).list()
                .ofMaxSize(8);
        return Combinators.combine(steps, Arbitraries.doubles().between(0.01, 0.4).ofScale(6)).as((s, extra) -> {
            double[] x = new double[s.size()];
            double[] n = new double[s.size()];
            double cx = 0;
            double cn = 0;
            for (int i = 0; i < s.size(); i++) {
                cx += s.get(i)[0];
                cn += s.get(i)[1];
                x[i] = cx;
                n[i] = cn;
            }
            return DepthCurve.of(x, n, Math.min(0.99, cx + extra));
        });
    }

    @Provide
    Arbitrary<Double> notionals() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e6).ofScale(4), Arbitraries.doubles().between(0, 1e10),
                Arbitraries.just(0.0));
    }

    @Property(tries = 2000)
    void slippageIsNonNegativeNonDecreasingAndBelowTheMarginal(@ForAll("curves") DepthCurve c,
                                                               @ForAll("notionals") double q1,
                                                               @ForAll("notionals") double q2) {
        double lo = Math.min(q1, q2);
        double hi = Math.max(q1, q2);
        double sLo = c.slippage(lo);
        double sHi = c.slippage(hi);
        assertTrue(sLo >= 0, "s(" + lo + ") = " + sLo);
        assertTrue(sHi >= sLo, c + ": s(" + lo + ") = " + sLo + " > s(" + hi + ") = " + sHi);
        assertTrue(c.marginalDistance(hi) >= c.marginalDistance(lo));
        assertTrue(sHi <= c.marginalDistance(hi) * (1 + 1e-12), "the average is at most the marginal");
        assertTrue(c.marginalDistance(hi) <= c.maxDistance());
    }

    /**
     * Monotone in floating point too: probed at the points, the end of the extrapolation, and around them, one ulp and
     * a few relative 1e-15 apart, where rounding would show.
     */
    @Property(tries = 1000)
    void slippageIsNonDecreasingEvenBetweenNeighbouringDoubles(@ForAll("curves") DepthCurve c,
                                                               @ForAll("notionals") double q,
                                                               @ForAll @IntRange(min = 1, max = 50) int ulps) {
        List<Double> probes = new java.util.ArrayList<>();
        probes.add(q);
        for (int i = 0; i < c.points(); i++) {
            probes.add(c.notionalUsd(i));
        }
        probes.add(c.capacityUsd() + (c.maxDistance() - c.lastDistance()) * c.extrapolationDensity());
        for (double p : probes) {
            double a = p;
            double sa = c.slippage(a);
            for (int i = 0; i < ulps; i++) {
                double b = Math.nextUp(a);
                double sb = c.slippage(b);
                assertTrue(sb >= sa, c + ": s(" + a + ") = " + sa + " > s(" + b + ") = " + sb);
                a = b;
                sa = sb;
            }
            double b = p * (1 + 1e-15 * ulps);
            assertTrue(c.slippage(b) >= c.slippage(p), c + " at " + p);
        }
    }

    /** The closed-form integral against a midpoint sum of the marginal distance over 0..q. */
    @Property(tries = 300)
    void slippageIsTheAverageOfTheMarginalDistance(@ForAll("curves") DepthCurve c,
                                                   @ForAll @DoubleRange(min = 1, max = 5e9) double q) {
        int n = 20_000;
        double h = q / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += c.marginalDistance((i + 0.5) * h);
        }
        // each jump of the marginal (at most one per point, plus the cap) costs at most h·jump/q = jump/n
        assertEquals(sum / n, c.slippage(q), (c.points() + 2) * c.maxDistance() / n + 1e-12, c.toString());
    }

    @Property(tries = 1000)
    void aStressedBookNeverSlipsLess(@ForAll("curves") DepthCurve c, @ForAll("notionals") double q,
                                     @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(6) double m) {
        assertTrue(c.slippage(q, m) >= c.slippage(q), "m = " + m);
        assertTrue(c.marginalDistance(q, m) >= c.marginalDistance(q));
    }

    @Property(tries = 1000)
    void stressingAMarketNeverImprovesItsFills(@ForAll("curves") DepthCurve c, @ForAll("notionals") double q,
                                               @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(6) double m,
                                               @ForAll TradeSide side) {
        MarketLiquidity market = new MarketLiquidity("BTC-PERP", new LiquidityParameters(m, false, 1_000),
                DepthHistory.constant(DepthSnapshot.symmetric(T0, c)));
        double calm = market.fillPrice(side, q, 100_000, T0);
        market.setStressed(true);
        double stressed = market.fillPrice(side, q, 100_000, T0);
        assertTrue(side == TradeSide.SELL ? stressed <= calm : stressed >= calm);
    }

    /**
     * A run of random trades on a market with cascade feedback: every fill is at or worse than the price the
     * accounts see (and without cascade feedback, than the oracle price itself), and stays positive.
     */
    @Property(tries = 500)
    void fillsAreNeverBetterThanTheReferencePrice(@ForAll("curves") DepthCurve bids,
                                                  @ForAll("curves") DepthCurve asks,
                                                  @ForAll boolean cascade,
                                                  @ForAll @LongRange(min = 1, max = 600_000) long halfLife,
                                                  @ForAll("trades") List<double[]> trades) {
        MarketLiquidity market = new MarketLiquidity("BTC-PERP", new LiquidityParameters(0.2, cascade, halfLife),
                DepthHistory.constant(new DepthSnapshot(T0, bids, asks)));
        Execution e = new Execution();
        long t = T0;
        for (double[] tr : trades) {
            t += (long) tr[0];
            TradeSide side = tr[1] < 0.5 ? TradeSide.SELL : TradeSide.BUY;
            market.setStressed(tr[2] < 0.3);
            double oracle = tr[3];
            market.execute(side, tr[4], oracle, t, e);
            double ref = e.referencePrice();
            if (!cascade) {
                assertEquals(oracle, ref);
            }
            assertTrue(side == TradeSide.SELL ? e.fillPrice() <= ref : e.fillPrice() >= ref, e.toString());
            assertTrue(e.fillPrice() > 0 && e.priceAfter() > 0, e.toString());
            if (cascade) {
                assertTrue(side == TradeSide.SELL ? e.priceAfter() <= e.fillPrice() * (1 + 1e-12)
                        : e.priceAfter() >= e.fillPrice() * (1 - 1e-12), "the price is left at the marginal fill"
                        + " price, at least as far as the average: " + e);
            } else {
                assertEquals(ref, e.priceAfter(), "without cascade feedback the price does not move");
            }
            assertTrue(e.slippageCostUsd() >= 0);
        }
    }

    /** Trades: gap 0..120 s, side, stressed?, oracle 50..150k USD, notional 0..1e9 USD. */
    @Provide
    Arbitrary<List<double[]>> trades() {
        return Combinators.combine(Arbitraries.longs().between(0, 120_000), Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(50, 150_000), notionals())
                .as((g, s, st, p, q) -> new double[]{g, s, st, p, q}).list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 1000)
    void theConsumedBookHalvesEveryHalfLife(@ForAll @DoubleRange(min = 1e3, max = 1e9) double q,
                                            @ForAll TradeSide side,
                                            @ForAll @LongRange(min = 1, max = 86_400_000) long halfLife,
                                            @ForAll @IntRange(min = 1, max = 20) int halvings) {
        MarketLiquidity market = new MarketLiquidity("BTC-PERP", LiquidityParameters.defaults().withCascade(halfLife),
                DepthHistory.constant(DepthSnapshot.symmetric(T0, DepthCurve.linear(5e6, 0.5))));
        market.execute(side, q, 100_000, T0, new Execution());
        assertEquals(q, market.consumedUsd(side, T0));
        assertEquals(q / 2, market.consumedUsd(side, T0 + halfLife), q * 1e-12);
        long t = T0 + halvings * halfLife;
        assertEquals(q / (1L << halvings), market.consumedUsd(side, t), q * 1e-12);
        double d0 = market.displacement(T0);
        assertTrue(side == TradeSide.SELL ? d0 < 0 : d0 > 0, "a sale pushes the price down, a purchase up");
        if (q <= 2.5e8 / 2) { // on the linear part of the book (below its backstop), the displacement halves too
            assertEquals(d0 / 2, market.displacement(T0 + halfLife), Math.abs(d0) * 1e-9);
        }
        assertTrue(Math.abs(d0) <= 0.5, "never beyond the backstop");
    }

    @Property(tries = 1000)
    void decayAloneNeverChangesTheSignNorGrows(@ForAll @DoubleRange(min = 1, max = 1e10) double q,
                                               @ForAll TradeSide side,
                                               @ForAll @LongRange(min = 1, max = 3_600_000) long halfLife,
                                               @ForAll @LongRange(min = 0, max = 1_000_000_000) long dt1,
                                               @ForAll @LongRange(min = 0, max = 1_000_000_000) long dt2) {
        MarketLiquidity market = new MarketLiquidity("BTC-PERP", LiquidityParameters.defaults().withCascade(halfLife),
                DepthHistory.constant(DepthSnapshot.symmetric(T0, DepthCurve.linear(1e6, 0.5))));
        market.execute(side, q, 100_000, T0, new Execution());
        double d0 = market.displacement(T0);
        double a = market.displacement(T0 + Math.min(dt1, dt2));
        double b = market.displacement(T0 + Math.max(dt1, dt2));
        assertTrue(Math.signum(a) == Math.signum(d0) || a == 0, "a = " + a);
        assertTrue(Math.signum(b) == Math.signum(d0) || b == 0, "b = " + b);
        assertTrue(Math.abs(b) <= Math.abs(a) && Math.abs(a) <= Math.abs(d0));
    }
}
