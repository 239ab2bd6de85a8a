package io.solvent.engine.margin;

import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.MarginType;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;
import io.solvent.engine.testing.HandBooks;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What must always hold, whatever the book. */
class MarginPropertiesTest {

    /** One long or short with its tiers, collateral in USDC. */
    record Single(Market market, double usdc, double size, double entry, double price) {
        /**
         * Whether health is monotone in the price: positive PnL must be credited at least at the highest maintenance
         * fraction, else a long in profit gains health as the price falls (its requirement drops faster than its
         * credited PnL) — the model's arithmetic, pinned by {@code aLowPositivePnlWeightMakesALongGainHealthOnAFall}.
         */
        boolean monotone() {
            double maxMmf = market.tiers().stream().mapToDouble(MarginTier::maintenanceMarginFraction).max().orElse(0);
            return market.positivePnlWeight() >= maxMmf;
        }

        Book book() {
            return HandBooks.oneSubAccount(List.of(Asset.of("USDC"), Asset.of("ETH")), List.of(market),
                    Map.of("USDC", usdc), List.of(new Position(market.symbol(), size, entry)),
                    Map.of("USDC", 1.0, "ETH", price));
        }
    }

    @Provide
    Arbitrary<Market> markets() {
        Arbitrary<Integer> tiers = Arbitraries.integers().between(1, 4);
        Arbitrary<Double> firstBound = Arbitraries.doubles().between(1_000, 100_000).ofScale(6);
        Arbitrary<Double> mmf = Arbitraries.doubles().between(0.001, 0.1).ofScale(6);
        Arbitrary<Double> pnlWeight = Arbitraries.of(1.0, 0.9, 0.5, 0.0);
        return Combinators.combine(tiers, firstBound, mmf, pnlWeight).as((n, bound, f, w) -> {
            List<MarginTier> list = new ArrayList<>();
            double b = bound;
            double m = f;
            for (int i = 0; i < n; i++) {
                list.add(new MarginTier(i == n - 1 ? Double.POSITIVE_INFINITY : b, Math.min(1, 2 * m), m));
                b *= 3;
                m = Math.min(0.5, m * 1.7);
            }
            return new Market("ETH-PERP", "ETH", list, 0, w);
        });
    }

    @Provide
    Arbitrary<Single> singles() {
        return Combinators.combine(markets(), Arbitraries.doubles().between(0, 50_000).ofScale(6),
                Arbitraries.doubles().between(0.01, 500).ofScale(6), Arbitraries.of(1.0, -1.0),
                Arbitraries.doubles().between(100, 5000).ofScale(6), Arbitraries.doubles().between(0.5, 1.5).ofScale(6))
                .as((m, usdc, size, side, entry, move) -> new Single(m, usdc, side * size, entry, entry * move));
    }

    @Property
    void healthIsMonotoneInAnAdverseMove(@ForAll("singles") Single s, @ForAll @DoubleRange(min = 0.0, max = 0.5)
            double move) {
        Assume.that(s.monotone());
        Book book = s.book();
        LiquidationPriceCalculator calc = new LiquidationPriceCalculator(Instruments.of(book));
        SubAccount sub = HandBooks.firstSub(book);
        double adverse = s.size() > 0 ? s.price() * (1 - move) : s.price() * (1 + move);
        double now = calc.healthAt(sub, "ETH", book.prices(), s.price());
        double after = calc.healthAt(sub, "ETH", book.prices(), adverse);
        assertTrue(after <= now + 1e-9 * Math.abs(now), () -> "health rose from " + now + " to " + after);
    }

    @Property
    void healthIsZeroAtTheLiquidationPrice(@ForAll long seed) {
        Book book = RandomBooks.generate(seed, 2);
        MarginCalculator calc = new MarginCalculator(Instruments.of(book));
        LiquidationPriceCalculator liq = new LiquidationPriceCalculator(Instruments.of(book));
        for (var account : book.accounts()) {
            for (SubAccount sub : account.subaccounts()) {
                SubAccountMargin m = calc.evaluate(sub, book.prices());
                double scale = m.maintenance().weightedAssets() + m.maintenance().weightedLiabilities();
                for (Map.Entry<String, OptionalDouble> e : m.liquidationPrices().entrySet()) {
                    if (e.getValue().isEmpty()) {
                        continue;
                    }
                    double p = e.getValue().getAsDouble();
                    double current = book.prices().of(e.getKey());
                    double h = liq.healthAt(sub, e.getKey(), book.prices(), p);
                    // scale the absolute floor by how far the price moved, since every term scales with price
                    double tolerance = 1e-9 * Math.max(1, scale * Math.max(1, p / current));
                    assertTrue(Math.abs(h) <= tolerance, () -> "health " + h + " at liquidation price " + p + " of "
                            + e.getKey() + " (tolerance " + tolerance + ")");
                }
            }
        }
    }

    @Property
    void tiersAreContinuous(@ForAll("markets") Market market) {
        TierSchedule s = TierSchedule.of(market.tiers());
        for (int i = 0; i < s.size() - 1; i++) {
            double bound = s.upperBound(i);
            for (MarginType t : MarginType.values()) {
                double below = s.requirement(Math.nextDown(bound), t);
                double at = s.requirement(bound, t);
                assertEquals(at, below, 1e-9 * at, "jump at tier bound " + bound);
            }
        }
    }

    @Property
    void tieredRequirementIsTheBracketSum(@ForAll("markets") Market market,
                                          @ForAll @DoubleRange(min = 0, max = 1e8) double notional) {
        TierSchedule s = TierSchedule.of(market.tiers());
        double expected = io.solvent.engine.testing.SpecOracle.tieredRequirement(market.tiers(), notional, true);
        assertEquals(expected, s.requirement(notional, MarginType.MAINTENANCE), 1e-12 * Math.max(1, expected));
    }

    @Property
    void sizeAdjustedWeightsStayWithinTheirBounds(@ForAll @DoubleRange(min = 0, max = 1) double w,
                                                  @ForAll @DoubleRange(min = 1, max = 3) double l,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double k,
                                                  @ForAll @DoubleRange(min = -1e9, max = 1e9) double units) {
        double aw = SizeAdjustedWeightCalculator.assetWeight(w, k, units);
        double lw = SizeAdjustedWeightCalculator.liabilityWeight(l, k, units);
        assertTrue(aw <= w && aw >= 0, "asset weight " + aw + " outside [0, " + w + "]");
        assertTrue(lw >= l, "liability weight " + lw + " below " + l);
        if (k == 0) {
            assertEquals(w, aw);
            assertEquals(l, lw);
        }
    }

    @Property
    void aLiquidatableSingleHasADistanceOfTheRightSign(@ForAll("singles") Single s) {
        Assume.that(s.monotone());
        Book book = s.book();
        SubAccountMargin m = new MarginCalculator(Instruments.of(book)).evaluate(HandBooks.firstSub(book),
                book.prices());
        OptionalDouble distance = m.positions().getFirst().liquidationDistance();
        if (distance.isEmpty() || m.maintenance().health() == 0) {
            return;
        }
        // A long's health rises with price: liquidatable means the root is above (distance > 0), healthy below.
        // A short mirrors it.
        double d = distance.getAsDouble();
        boolean rootAbove = d > 0;
        boolean expectAbove = m.liquidatable() == (s.size() > 0);
        assertEquals(expectAbove, rootAbove, () -> "liquidatable=" + m.liquidatable() + " size=" + s.size()
                + " distance=" + d);
    }

    @Property
    void reportedFiguresAreConsistent(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int accounts) {
        Book book = RandomBooks.generate(seed, accounts);
        MarginCalculator calc = new MarginCalculator(Instruments.of(book));
        for (var account : book.accounts()) {
            for (SubAccount sub : account.subaccounts()) {
                SubAccountMargin m = calc.evaluate(sub, book.prices());
                assertEquals(Math.max(0, m.initial().health()), m.freeCollateral());
                assertEquals(m.maintenance().weightedLiabilities() > 0 && m.maintenance().health() < 0,
                        m.liquidatable());
                assertTrue(m.initial().health() <= m.maintenance().health() + 1e-9
                        * (m.initial().weightedAssets() + m.initial().weightedLiabilities()),
                        "initial health never exceeds maintenance health");
            }
        }
    }

    @net.jqwik.api.Example
    void aLowPositivePnlWeightMakesALongGainHealthOnAFall() {
        // Long 10 in profit with positive PnL weighted 0 and 5% maintenance: health = −0.05·10·p, which rises as p
        // falls. Not a bug: the model credits no profit, and the requirement shrinks with the notional.
        Market m = new Market("ETH-PERP", "ETH", List.of(new MarginTier(Double.POSITIVE_INFINITY, 0.1, 0.05)), 0, 0);
        Single s = new Single(m, 0, 10, 1000, 2000);
        Book book = s.book();
        LiquidationPriceCalculator calc = new LiquidationPriceCalculator(Instruments.of(book));
        SubAccount sub = HandBooks.firstSub(book);
        assertTrue(calc.healthAt(sub, "ETH", book.prices(), 1500) > calc.healthAt(sub, "ETH", book.prices(), 2000));
    }

    static Prices with(Prices prices, String asset, double price) {
        Map<String, Double> m = new HashMap<>(prices.bySymbol());
        m.put(asset, price);
        return new Prices(m);
    }
}
