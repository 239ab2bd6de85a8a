package io.solvent.engine.feed.recorded;

import io.solvent.engine.feed.PriceEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four ticks of a bar, whatever the bar. */
class BarReplayPropertiesTest {

    record Bar(long openTime, double open, double high, double low, double close) {
    }

    @Provide
    Arbitrary<Bar> bars() {
        Arbitrary<Double> low = Arbitraries.doubles().between(1e-8, 1e6).ofScale(10);
        Arbitrary<Double> range = Arbitraries.doubles().between(0, 2).ofScale(6);
        Arbitrary<Double> where = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1).ofScale(6),
                Arbitraries.of(0.0, 0.5, 1.0));
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800_000L), low, range, where, where)
                .as((t, l, r, o, c) -> {
                    double h = l * (1 + r);
                    return new Bar(t, Math.min(h, l + o * (h - l)), h, l, Math.min(h, l + c * (h - l)));
                });
    }

    @Property(tries = 2000)
    void openNearerExtremeOtherExtremeClose(@ForAll("bars") Bar b) {
        PriceEvent[] ticks = new PriceEvent[4];
        BarReplay.fourTicks(b.openTime(), "S", b.open(), b.high(), b.low(), b.close(), "src", ticks);
        assertEquals(b.open(), ticks[0].price());
        assertEquals(b.close(), ticks[3].price());
        double nearer = ticks[1].price();
        double other = ticks[2].price();
        assertTrue(nearer == b.low() && other == b.high() || nearer == b.high() && other == b.low(),
                "ticks 2 and 3 are the two extremes");
        assertTrue(Math.abs(nearer - b.open()) <= Math.abs(other - b.open()),
                "the extreme nearer the open comes first");
        double min = Arrays.stream(ticks).mapToDouble(PriceEvent::price).min().orElseThrow();
        double max = Arrays.stream(ticks).mapToDouble(PriceEvent::price).max().orElseThrow();
        assertEquals(b.low(), min);
        assertEquals(b.high(), max);
        for (PriceEvent t : ticks) {
            assertEquals(b.openTime(), t.timestampMs(), "stamped at the bar's open");
            assertEquals("S", t.symbol());
        }
    }

    @Property(tries = 200)
    void aTieGoesToTheLowFirst(@ForAll @IntRange(min = 1, max = 1_000_000) int low,
                               @ForAll @IntRange(min = 0, max = 1_000_000) int halfRange,
                               @ForAll @IntRange(min = 0, max = 2_000_000) int closeAbove) {
        // integers: the open is exactly midway
        double l = low;
        double h = low + 2.0 * halfRange;
        double open = low + (double) halfRange;
        double close = Math.min(h, l + closeAbove);
        PriceEvent[] ticks = new PriceEvent[4];
        BarReplay.fourTicks(60_000, "S", open, h, l, close, "src", ticks);
        assertEquals(l, ticks[1].price(), "a tie goes to the low");
        assertEquals(h, ticks[2].price());
    }
}
