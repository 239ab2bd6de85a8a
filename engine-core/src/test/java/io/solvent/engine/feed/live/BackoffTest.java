package io.solvent.engine.feed.live;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void defaultDoublesFromHalfASecondToThirtySecondsHalfOfItRandom() {
        Backoff b = Backoff.DEFAULT;
        assertEquals(250, b.delayMs(0, () -> 0.0));
        assertEquals(500, b.delayMs(0, () -> 0.9999999));
        assertEquals(1500, b.delayMs(2, () -> 0.5));
        assertEquals(15_000, b.delayMs(6, () -> 0.0), "capped at 30 s");
        assertEquals(30_000, b.delayMs(1000, () -> 0.9999999999));
    }

    @Property
    void boundedAndMonotoneInTheCeiling(@ForAll @IntRange(max = 100) int attempt,
                                        @ForAll @DoubleRange(max = 0.999999) @net.jqwik.api.constraints.Scale(6) double u) {
        Backoff b = Backoff.DEFAULT;
        long d = b.delayMs(attempt, () -> u);
        assertTrue(d >= 0 && d <= b.maxMs());
        assertTrue(b.delayMs(attempt + 1, () -> u) >= d);
    }
}
