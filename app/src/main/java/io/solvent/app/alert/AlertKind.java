package io.solvent.app.alert;

import io.solvent.app.viewmodel.Format;

import java.util.Locale;

/**
 * What an alert rule watches, the unit of its threshold and on which side of it the condition holds.
 */
public enum AlertKind {
    /** The N-th lowest health factor (N = the rule's count) below the threshold: N sub-accounts below x. */
    HEALTH_FACTOR("Health factor", "×", false, "sub-accounts below a health factor"),
    /** Sub-accounts with a maintenance health factor below 1.1 above the threshold. */
    ACCOUNTS_AT_RISK("Accounts at risk", "sub-accounts", true, "sub-accounts at risk (health factor < 1.1)"),
    /** The insurance fund over what a 10% fall liquidates (the overview's coverage) below the threshold. */
    FUND_COVERAGE("Fund coverage", "%", false, "fund ÷ notional a −10% move liquidates"),
    /** The run's bad debt above the threshold. */
    BAD_DEBT("Bad debt", "USD", true, "bad debt so far"),
    /** An asset's oracle price older than the threshold, or a live source stale or disconnected. */
    ORACLE_STALE("Oracle stale", "ms", true, "oldest oracle price; live sources' connections"),
    /** An asset's feed and oracle prices further apart than the threshold, relative to the oracle's. */
    SOURCE_DIVERGENCE("Source divergence", "%", true, "|feed − oracle| ÷ oracle, worst asset");

    private final String title;
    private final String unit;
    private final boolean above;
    private final String measures;

    AlertKind(String title, String unit, boolean above, String measures) {
        this.title = title;
        this.unit = unit;
        this.above = above;
        this.measures = measures;
    }

    /** @return its name for people, such as {@code Fund coverage} */
    public String title() {
        return title;
    }

    /** @return the unit of its threshold and of the value measured */
    public String unit() {
        return unit;
    }

    /** @return whether the condition holds above the threshold (else below it) */
    public boolean above() {
        return above;
    }

    /** @return what is measured, in words */
    public String measures() {
        return measures;
    }

    /** @return whether its threshold is a count (whole numbers) */
    public boolean counts() {
        return this == ACCOUNTS_AT_RISK;
    }

    /**
     * @param threshold a threshold in {@link #unit()}
     * @return why it cannot be this kind's threshold, or empty when it can
     */
    public String invalid(double threshold) {
        if (!Double.isFinite(threshold)) {
            return "expected a finite threshold in " + unit + ", was " + threshold;
        }
        return switch (this) {
            case HEALTH_FACTOR, ORACLE_STALE, SOURCE_DIVERGENCE -> threshold > 0 ? ""
                    : "expected a threshold > 0 " + unit + ", was " + threshold;
            case ACCOUNTS_AT_RISK -> threshold >= 0 && threshold == Math.rint(threshold) ? ""
                    : "expected a whole number of sub-accounts >= 0, was " + threshold;
            case FUND_COVERAGE, BAD_DEBT -> threshold >= 0 ? ""
                    : "expected a threshold >= 0 " + unit + ", was " + threshold;
        };
    }

    /**
     * @param value a value in {@link #unit()}
     * @return it written with its unit, such as {@code 0.97×}, {@code 1,204 sub-accounts}, {@code 3.2%},
     *         {@code $1.25M}, {@code 95.0 s}
     */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return switch (this) {
            case HEALTH_FACTOR -> Format.times(value);
            case ACCOUNTS_AT_RISK -> Format.count((long) value) + " sub-accounts";
            case FUND_COVERAGE, SOURCE_DIVERGENCE -> Double.isInfinite(value) ? "∞ %"
                    : String.format(Locale.ROOT, value < 10 ? "%.2f%%" : "%.1f%%", value);
            case BAD_DEBT -> Format.usd(value);
            case ORACLE_STALE -> Format.duration((long) value);
        };
    }

    /**
     * @param threshold a threshold in {@link #unit()}
     * @param count     the rule's count (health factor only)
     * @return the condition in words, such as {@code fund coverage < 5.00%} or {@code 10 sub-accounts below 1.05×}
     */
    public String condition(double threshold, int count) {
        return switch (this) {
            case HEALTH_FACTOR -> (count <= 1 ? "any sub-account" : count + " sub-accounts") + " below "
                    + format(threshold);
            case ACCOUNTS_AT_RISK -> "more than " + format(threshold) + " at risk";
            case FUND_COVERAGE -> "fund coverage below " + format(threshold);
            case BAD_DEBT -> "bad debt above " + format(threshold);
            case ORACLE_STALE -> "an oracle older than " + format(threshold) + ", or a live source stale";
            case SOURCE_DIVERGENCE -> "feed and oracle more than " + format(threshold) + " apart";
        };
    }
}
