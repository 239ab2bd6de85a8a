package io.solvent.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

/** Assertions for figures compared at a relative tolerance. */
public final class Close {
    private Close() {
    }

    /** |a − b| ≤ rel × max(|a|, |b|, scale): relative, with an absolute floor at rel × scale. */
    public static boolean within(double expected, double actual, double rel, double scale) {
        double tol = rel * Math.max(Math.max(Math.abs(expected), Math.abs(actual)), scale);
        return Math.abs(expected - actual) <= tol;
    }

    public static void assertClose(double expected, double actual, double rel, String what) {
        assertClose(expected, actual, rel, 0, what);
    }

    public static void assertClose(double expected, double actual, double rel, double scale, String what) {
        assertTrue(within(expected, actual, rel, scale),
                () -> what + ": expected " + expected + " but was " + actual + " (relative " + rel + ")");
    }

    public static void assertClose(Double expected, OptionalDouble actual, double rel, double scale, String what) {
        if (expected == null) {
            assertTrue(actual.isEmpty(), () -> what + ": expected null but was " + actual);
        } else {
            assertTrue(actual.isPresent(), () -> what + ": expected " + expected + " but was null");
            assertClose(expected, actual.getAsDouble(), rel, scale, what);
        }
    }

    public static void assertBothNullOrClose(Double expected, Double actual, double rel, double scale, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertNotNull(actual, () -> what + ": expected " + expected + " but was null");
            assertClose(expected, actual, rel, scale, what);
        }
        assertEquals(expected == null, actual == null, what);
    }
}
