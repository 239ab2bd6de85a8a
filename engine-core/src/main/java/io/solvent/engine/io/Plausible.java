package io.solvent.engine.io;

/**
 * The ranges a risk analyst's inputs fall in, checked by the readers so that an absurd number (1e308 as a size, a
 * latency of 285,000 years) is refused with its place instead of overflowing inside the engine. The ranges are
 * documented with the fields (cli-and-files.md for books and prices, simulation.md for scenarios).
 */
final class Plausible {
    /** The lowest price read, USD per unit: far below any traded token's. */
    static final double MIN_PRICE = 1e-12;
    /** The highest price read, USD per unit: far above any traded asset's. */
    static final double MAX_PRICE = 1e9;
    /** The largest quantity of an asset (a balance or a position's size), in units, either sign. */
    static final double MAX_UNITS = 1e15;
    /** The largest notional read (a tier's bound, a fund, a depth), USD: ten times the world's yearly output. */
    static final double MAX_NOTIONAL = 1e15;
    /** The latest timestamp read: 9999-12-31T23:59:59.999Z, ms since the epoch. */
    static final long MAX_TIMESTAMP_MS = 253_402_300_799_999L;
    /** The longest duration read (a step, a staleness limit, a half-life): 100 years, in ms. */
    static final long MAX_DURATION_MS = 100L * 365 * 86_400_000L;

    private Plausible() {
    }

    /** @return a price in USD per unit, from {@link #MIN_PRICE} to {@link #MAX_PRICE} */
    static double price(JsonCursor c) {
        return within(c, c.number(), MIN_PRICE, MAX_PRICE, "a price", "USD per unit");
    }

    /** @return a quantity of an asset, at most {@link #MAX_UNITS} either way */
    static double units(JsonCursor c) {
        return within(c, c.number(), -MAX_UNITS, MAX_UNITS, "a quantity", "units");
    }

    /** @return a notional from {@code min} to {@link #MAX_NOTIONAL} USD */
    static double notional(JsonCursor c, double value, double min) {
        return within(c, value, min, MAX_NOTIONAL, "a notional", "USD");
    }

    /** @return a timestamp from 0 (1970) to {@link #MAX_TIMESTAMP_MS} (year 9999), ms since the epoch */
    static long timestamp(JsonCursor c, long value) {
        if (value < 0 || value > MAX_TIMESTAMP_MS) {
            throw c.fail("expected a time from 0 to " + MAX_TIMESTAMP_MS + " ms since the epoch (the years 1970 to"
                    + " 9999), was " + value);
        }
        return value;
    }

    /** @return a duration from 0 to {@code max} ms */
    static long duration(JsonCursor c, long value, long max) {
        if (value < 0 || value > max) {
            throw c.fail("expected a duration from 0 to " + max + " ms, was " + value);
        }
        return value;
    }

    /** @return {@code value}, when it is within {@code [lo, hi]} */
    static double within(JsonCursor c, double value, double lo, double hi, String what, String unit) {
        if (!(value >= lo && value <= hi)) {
            throw c.fail("expected " + what + " from " + show(lo) + " to " + show(hi) + (unit.isEmpty() ? "" : " " + unit) + ", was "
                    + c.node().asText());
        }
        return value;
    }

    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
