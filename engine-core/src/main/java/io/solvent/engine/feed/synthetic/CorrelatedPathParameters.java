package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

import io.solvent.engine.model.ModelValidationException;

import java.util.HashSet;
import java.util.List;

/**
 * Parameters of correlated geometric Brownian motions for several assets whose volatilities and correlation switch
 * between a calm and a stressed regime ({@link RegimeChain}): in a crash, correlations rise. Over one step of
 * {@code dt = stepMs / YEAR_MS} years in regime r, asset i's log price moves by
 * <pre>
 *   (drift_i − σ_{r,i}²/2) dt + σ_{r,i} √dt x_i,   x = L_r z,  z ~ N(0, I),  L_r L_rᵀ = correlation_r
 * </pre>
 * Arrays are indexed like {@code symbols}; they are copied in and out.
 *
 * @param symbols              feed symbols, distinct, at least one
 * @param initialPrices        price of each at the first instant, USD per unit, {@code > 0}
 * @param drifts               annualised expected return of each, per year, finite
 * @param calmVolatilities     annualised volatility of each in the calm regime, per √year, {@code >= 0}
 * @param stressedVolatilities annualised volatility of each in the stressed regime, per √year, {@code >= 0}
 * @param calmCorrelation      correlation matrix of the calm regime (positive-definite)
 * @param stressedCorrelation  correlation matrix of the stressed regime (positive-definite)
 * @param chain                the regime switching
 * @param timeline             the time grid
 * @param seed                 seed of the random source
 * @param source               the events' source name
 */
public record CorrelatedPathParameters(List<String> symbols, double[] initialPrices, double[] drifts,
                                       double[] calmVolatilities, double[] stressedVolatilities,
                                       double[][] calmCorrelation, double[][] stressedCorrelation, RegimeChain chain,
                                       Timeline timeline, long seed, String source) {

    public CorrelatedPathParameters {
        FieldChecks.present("symbols", symbols);
        if (symbols.isEmpty()) {
            throw new ModelValidationException("symbols", "expected at least one symbol");
        }
        symbols = List.copyOf(symbols);
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < symbols.size(); i++) {
            FieldChecks.nonEmpty("symbols[" + i + "]", symbols.get(i));
            if (!seen.add(symbols.get(i))) {
                throw new ModelValidationException("symbols[" + i + "]", "duplicate symbol '" + symbols.get(i) + "'");
            }
        }
        int n = symbols.size();
        initialPrices = vector("initialPrices", initialPrices, n);
        drifts = vector("drifts", drifts, n);
        calmVolatilities = vector("calmVolatilities", calmVolatilities, n);
        stressedVolatilities = vector("stressedVolatilities", stressedVolatilities, n);
        for (int i = 0; i < n; i++) {
            FieldChecks.positive("initialPrices[" + i + "]", initialPrices[i]);
            FieldChecks.finite("drifts[" + i + "]", drifts[i]);
            FieldChecks.nonNegative("calmVolatilities[" + i + "]", calmVolatilities[i]);
            FieldChecks.nonNegative("stressedVolatilities[" + i + "]", stressedVolatilities[i]);
        }
        calmCorrelation = matrix("calmCorrelation", calmCorrelation, n);
        stressedCorrelation = matrix("stressedCorrelation", stressedCorrelation, n);
        CholeskyCalculator.lower(calmCorrelation, "calmCorrelation");
        CholeskyCalculator.lower(stressedCorrelation, "stressedCorrelation");
        FieldChecks.present("chain", chain);
        FieldChecks.present("timeline", timeline);
        FieldChecks.nonEmpty("source", source);
    }

    private static double[] vector(String field, double[] v, int n) {
        FieldChecks.present(field, v);
        if (v.length != n) {
            throw new ModelValidationException(field, "expected " + n + " numbers (one per symbol), was " + v.length);
        }
        return v.clone();
    }

    private static double[][] matrix(String field, double[][] m, int n) {
        FieldChecks.present(field, m);
        if (m.length != n) {
            throw new ModelValidationException(field, "expected " + n + " rows (one per symbol), was " + m.length);
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = m[i] == null ? null : m[i].clone();
        }
        return copy;
    }

    /**
     * A matrix with 1 on the diagonal and {@code rho} elsewhere: positive-definite iff −1/(n − 1) &lt; rho &lt; 1.
     *
     * @param n   size
     * @param rho the common correlation
     * @return a new n × n matrix
     */
    public static double[][] uniformCorrelation(int n, double rho) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? 1.0 : rho;
            }
        }
        return m;
    }

    @Override
    public double[] initialPrices() {
        return initialPrices.clone();
    }

    @Override
    public double[] drifts() {
        return drifts.clone();
    }

    @Override
    public double[] calmVolatilities() {
        return calmVolatilities.clone();
    }

    @Override
    public double[] stressedVolatilities() {
        return stressedVolatilities.clone();
    }

    @Override
    public double[][] calmCorrelation() {
        return deepCopy(calmCorrelation);
    }

    @Override
    public double[][] stressedCorrelation() {
        return deepCopy(stressedCorrelation);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
