package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.ModelValidationException;

/**
 * Validates a correlation matrix and factors it as {@code C = L Lᵀ} with L lower triangular (Cholesky–Banachiewicz,
 * rows in index order), so that {@code x = L z} turns independent standard normals z into normals with
 * correlation C.
 */
public final class CholeskyCalculator {
    /** Largest |c_ij − c_ji| and |c_ii − 1| accepted as rounding. */
    public static final double TOLERANCE = 1e-12;

    private CholeskyCalculator() {
    }

    /**
     * @param correlation an n × n correlation matrix: entries in [−1, 1], unit diagonal, symmetric, positive-definite
     * @param field       the parameter's name, for error messages ({@code stressedCorrelation})
     * @return the lower-triangular factor L, a new n × n array (entries above the diagonal are 0)
     * @throws ModelValidationException naming {@code field} (and the entry, such as {@code field[1][0]}) when the
     *                                  matrix is not a valid positive-definite correlation matrix
     */
    public static double[][] lower(double[][] correlation, String field) {
        if (correlation == null || correlation.length == 0) {
            throw new ModelValidationException(field, "expected a non-empty square matrix");
        }
        int n = correlation.length;
        for (int i = 0; i < n; i++) {
            if (correlation[i] == null || correlation[i].length != n) {
                throw new ModelValidationException(field + "[" + i + "]", "expected a row of " + n + " numbers, was "
                        + (correlation[i] == null ? "missing" : correlation[i].length));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double c = correlation[i][j];
                String at = field + "[" + i + "][" + j + "]";
                if (!Double.isFinite(c) || c < -1 || c > 1) {
                    throw new ModelValidationException(at, "expected a correlation in [-1, 1], was " + c);
                }
                if (i == j && Math.abs(c - 1) > TOLERANCE) {
                    throw new ModelValidationException(at, "expected 1 on the diagonal, was " + c);
                }
                if (j < i && Math.abs(c - correlation[j][i]) > TOLERANCE) {
                    throw new ModelValidationException(at, "expected a symmetric matrix: " + c + " differs from "
                            + field + "[" + j + "][" + i + "] = " + correlation[j][i]);
                }
            }
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = correlation[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > TOLERANCE)) {
                        throw new ModelValidationException(field, "expected a positive-definite matrix, but the pivot"
                                + " of row " + i + " is " + sum + " (rows 0.." + i + " are linearly dependent or the"
                                + " correlations are inconsistent; a correlation of exactly ±1 is not allowed)");
                    }
                    l[i][i] = StrictMath.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }
}
