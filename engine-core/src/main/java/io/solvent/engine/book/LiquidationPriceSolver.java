package io.solvent.engine.book;

/**
 * Liquidation prices on the hot state, without allocating: for a sub-account and an asset, the asset's price at which
 * the sub-account's maintenance health reaches zero, every other price held — found from the current price in the
 * direction health falls, on the exact health function ({@link MarginBook#evaluateAt}: tiers, positive-PnL weights,
 * size-adjusted weights, dynamic margin and spreads included).
 *
 * <p>The health function is piecewise linear in one price, so a Newton step with the slope of the piece it starts on
 * ({@link MarginBook#maintenanceSlope}, read off the book) lands exactly on the root when no bend lies between — one
 * evaluation besides the one at the current price; past a bend, the root is bracketed and found by the Illinois
 * variant of regula falsi, which converges on a piecewise-linear function in a few steps. The exact, allocating
 * {@link io.solvent.engine.margin.LiquidationPriceCalculator} agrees (a property test); this one serves a pass over a
 * million sub-accounts. Single-threaded; reads the book only.
 */
public final class LiquidationPriceSolver {
    private static final int MAX_STEPS = 60;

    private final MarginBook book;
    private final double[] prices;
    private final Evaluations one = new Evaluations(1);

    /** @param book the hot state, read at its current prices */
    public LiquidationPriceSolver(MarginBook book) {
        this.book = book;
        this.prices = new double[book.assets().size()];
    }

    /**
     * @param sub   dense index
     * @param asset dense index
     * @param price the asset's price, USD per unit
     * @return the sub-account's maintenance health with that price, every other as it is, USD
     */
    public double healthAt(int sub, int asset, double price) {
        book.evaluateAt(sub, asset, price, prices, one);
        return one.maintenanceHealth(sub);
    }

    /**
     * @param sub   dense index
     * @param asset dense index of an asset the sub-account is exposed to
     * @return the asset's price at which maintenance health is zero, nearest the current price in the direction
     *         health falls, USD per unit: the current price when it is zero or below already; NaN when health does
     *         not depend on the price or never reaches zero that way for a positive price
     */
    public double liquidationPrice(int sub, int asset) {
        return liquidationPrice(sub, asset, healthAt(sub, asset, book.assets().price(asset)));
    }

    /**
     * @param sub    dense index
     * @param asset  dense index of an asset the sub-account is exposed to
     * @param health its maintenance health at the current prices, USD (from an {@link Evaluations} of them)
     * @return as {@link #liquidationPrice(int, int)}, one evaluation fewer
     */
    public double liquidationPrice(int sub, int asset, double health) {
        double p0 = book.assets().price(asset);
        double f0 = health;
        if (f0 <= 0) {
            return p0;
        }
        int dir;
        double slope = book.maintenanceSlope(sub, asset); // the piece p0 is on, read off the book: no evaluation
        if (slope > 0) {
            dir = -1;
        } else if (slope < 0) {
            dir = 1;
        } else {
            double h = p0 * 1e-7; // at a bend, or flat: probe each side
            double down = (f0 - healthAt(sub, asset, p0 - h)) / h;
            double up = (healthAt(sub, asset, p0 + h) - f0) / h;
            if (down > 0) {
                dir = -1;
                slope = down;
            } else if (up < 0) {
                dir = 1;
                slope = up;
            } else {
                return Double.NaN; // health does not fall either way from here
            }
        }
        double tolerance = 1e-10 * Math.max(1, Math.abs(f0));
        double x = p0;
        double fx = f0;
        for (int step = 0; step < MAX_STEPS; step++) {
            double next = x - fx / slope;
            if (!(next > 0) || !Double.isFinite(next)) {
                if (dir > 0) {
                    return Double.NaN;
                }
                // this piece reaches zero only at a price <= 0: look at the bottom of the range once — below zero
                // there, a steeper piece brackets the root; above, health falls no further that way (the usual case
                // of an account whose collateral covers its positions even at a zero price)
                double floor = p0 * 1e-9;
                double ff = healthAt(sub, asset, floor);
                if (ff > 0) {
                    return Double.NaN;
                }
                return positive(bracketed(sub, asset, x, fx, floor, ff, tolerance), p0);
            }
            double fn = healthAt(sub, asset, next);
            if (Math.abs(fn) <= tolerance) {
                return positive(next, p0);
            }
            if (fn < 0) {
                return positive(bracketed(sub, asset, x, fx, next, fn, tolerance), p0);
            }
            // still above zero past a bend: go on with the slope of the piece reached
            double hn = next * 1e-7;
            double s = dir < 0 ? (fn - healthAt(sub, asset, next - hn)) / hn
                    : (healthAt(sub, asset, next + hn) - fn) / hn;
            if (dir < 0 ? !(s > 0) : !(s < 0)) {
                return Double.NaN; // health stops falling this way before reaching zero
            }
            x = next;
            fx = fn;
            slope = s;
        }
        return Double.NaN;
    }

    /** @return a root, or NaN for one at a price that is zero to rounding (a billionth of the price or less) */
    private static double positive(double root, double p0) {
        return root > p0 * 1e-9 ? root : Double.NaN;
    }

    /** Illinois regula falsi on {@code [a, b]} with {@code f(a) > 0 > f(b)}. */
    private double bracketed(int sub, int asset, double a, double fa, double b, double fb, double tolerance) {
        int side = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            double c = (a * fb - b * fa) / (fb - fa);
            double fc = healthAt(sub, asset, c);
            if (Math.abs(fc) <= tolerance || Math.abs(b - a) <= 1e-12 * Math.abs(c)) {
                return c;
            }
            if (fc > 0) {
                a = c;
                fa = fc;
                if (side == 1) {
                    fb /= 2;
                }
                side = 1;
            } else {
                b = c;
                fb = fc;
                if (side == -1) {
                    fa /= 2;
                }
                side = -1;
            }
        }
        return (a * fb - b * fa) / (fb - fa);
    }
}
