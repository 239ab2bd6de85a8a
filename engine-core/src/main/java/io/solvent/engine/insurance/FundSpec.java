package io.solvent.engine.insurance;

import java.util.Objects;

/**
 * How an insurance fund starts.
 *
 * @param name              what summaries call it, e.g. {@code venue} or {@code isolated BTC-PERP}
 * @param openingBalanceUsd balance at the start of the run, USD, finite and {@code >= 0}
 * @param payoutCapUsd      most the fund may pay out over the run, USD, {@code >= 0};
 *                          {@link Double#POSITIVE_INFINITY} for no cap (Drift caps by contract tier,
 *                          {@code quote_max_insurance})
 */
public record FundSpec(String name, double openingBalanceUsd, double payoutCapUsd) {

    public FundSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("fund name must not be blank");
        }
        if (!(openingBalanceUsd >= 0) || !Double.isFinite(openingBalanceUsd)) {
            throw new IllegalArgumentException("openingBalanceUsd of fund '" + name + "' must be finite and >= 0, was "
                    + openingBalanceUsd);
        }
        if (!(payoutCapUsd >= 0)) {
            throw new IllegalArgumentException("payoutCapUsd of fund '" + name + "' must be >= 0, was " + payoutCapUsd);
        }
    }

    /**
     * @param name              what summaries call it
     * @param openingBalanceUsd balance at the start, USD
     * @return a fund without a payout cap
     */
    public static FundSpec uncapped(String name, double openingBalanceUsd) {
        return new FundSpec(name, openingBalanceUsd, Double.POSITIVE_INFINITY);
    }
}
