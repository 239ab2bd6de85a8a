package io.solvent.engine.feed;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedInspectorTest {

    /** A reader over a fixed list. */
    private static FeedReader of(List<? extends FeedEvent> events) {
        return new FeedReader() {
            int i;

            @Override
            public FeedEvent next() {
                return i < events.size() ? events.get(i++) : null;
            }

            @Override
            public void close() {
                i = events.size();
            }
        };
    }

    private static PriceEvent p(long t, String s, double price) {
        return PriceEvent.of(t, s, price, "test");
    }

    @Test
    void countsRangeExtremesAndGaps() {
        // spacing 10 (with repeated timestamps, which do not count as differences); a hole of 30 (> 2·10) and one
        // of exactly 20 (not > 2·10)
        List<FeedEvent> ev = List.of(p(0, "A", 5), p(0, "A", 3), p(10, "A", 7), p(20, "A", 3), p(30, "A", 9),
                p(60, "A", 1), p(70, "A", 2), p(90, "A", 4), p(100, "A", 1));
        FeedInspection i = FeedInspector.inspect(() -> of(ev), Map.of());
        FeedInspection.Series a = i.prices().get("A");
        assertEquals(9, a.events());
        assertEquals(0, a.firstMs());
        assertEquals(100, a.lastMs());
        assertEquals(new FeedInspection.PricePoint(1, 60), a.min(), "the first moment the low is reached");
        assertEquals(new FeedInspection.PricePoint(9, 30), a.max());
        assertEquals(10, a.usualSpacingMs());
        assertEquals(List.of(new FeedInspection.Gap(30, 60)), a.gaps());
        assertNull(a.asset());
    }

    @Test
    void theMedianIsRobustToHolesAndLowerForAnEvenCount() {
        // differences 1, 1, 1000, 5: sorted 1, 1, 5, 1000 → lower median 1
        List<FeedEvent> ev = List.of(p(0, "A", 1), p(1, "A", 1), p(2, "A", 1), p(1002, "A", 1), p(1007, "A", 1));
        FeedInspection.Series a = FeedInspector.inspect(() -> of(ev), Map.of()).prices().get("A");
        assertEquals(1, a.usualSpacingMs());
        assertEquals(List.of(new FeedInspection.Gap(2, 1002), new FeedInspection.Gap(1002, 1007)), a.gaps());
    }

    @Test
    void aFloorKeepsOnlyTheLongerHoles() {
        List<FeedEvent> ev = List.of(p(0, "A", 1), p(1, "A", 1), p(2, "A", 1), p(1002, "A", 1), p(1007, "A", 1));
        FeedInspection.Series a = FeedInspector.inspect(() -> of(ev), Map.of(), 100).prices().get("A");
        assertEquals(List.of(new FeedInspection.Gap(2, 1002)), a.gaps(), "5 ms is > 2·1 ms but below the floor");
        assertThrows(IllegalArgumentException.class, () -> new FeedInspector(Map.of(), -1));
    }

    @Test
    void aSingleMomentHasNoSpacingAndNoGaps() {
        FeedInspection.Series a = FeedInspector.inspect(() -> of(List.of(p(5, "A", 1), p(5, "A", 2))), Map.of())
                .prices().get("A");
        assertEquals(0, a.usualSpacingMs());
        assertEquals(List.of(), a.gaps());
        assertEquals(2, a.events());
    }

    @Test
    void depthAndLiquidationsAreSeparateSectionsAndSymbolsGetTheirAsset() {
        List<FeedEvent> ev = List.of(p(0, "BTCUSDT", 100), new DepthEvent(0, "BTCUSDT", -1, 5, 500, "d"),
                new DepthEvent(0, "BTCUSDT", 1, 4, 400, "d"), new DepthEvent(30, "BTCUSDT", -1, 5, 500, "d"),
                new VenueLiquidationEvent(40, "BTCUSDT", "SELL", 95, 2, "l"), p(60, "BTCUSDT", 90),
                new DepthEvent(120, "BTCUSDT", -1, 5, 500, "d"));
        FeedInspection i = FeedInspector.inspect(() -> of(ev), Map.of("BTCUSDT", "BTC"));
        assertEquals(2, i.prices().get("BTCUSDT").events());
        FeedInspection.Series d = i.depth().get("BTCUSDT");
        assertEquals(4, d.events());
        assertEquals(0, d.firstMs());
        assertEquals(120, d.lastMs());
        assertNull(d.min(), "depth has no price");
        assertEquals(30, d.usualSpacingMs());
        assertEquals(List.of(new FeedInspection.Gap(30, 120)), d.gaps());
        assertEquals("BTC", d.asset());
        FeedInspection.Series l = i.liquidations().get("BTCUSDT");
        assertEquals(new FeedInspection.PricePoint(95, 40), l.min());
        assertNull(l.gaps());
    }

    @Test
    void aStreamGoingBackInTimeIsRefused() {
        FeedInspector inspector = new FeedInspector(Map.of());
        inspector.accept(p(10, "A", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> inspector.accept(p(5, "A", 1)));
        assertTrue(e.getMessage().contains("went back in time"), e.getMessage());
    }

    @Test
    void aSecondPassThatDiffersIsRefused() {
        List<FeedEvent> first = List.of(p(0, "A", 1), p(10, "A", 1));
        int[] opened = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FeedInspector.inspect(
                () -> opened[0]++ == 0 ? of(first) : of(first.subList(0, 1)), Map.of()));
        assertTrue(e.getMessage().contains("the input changed"), e.getMessage());
    }
}
