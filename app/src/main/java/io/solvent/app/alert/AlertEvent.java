package io.solvent.app.alert;

import java.util.Objects;

/**
 * A rule's condition started to hold.
 *
 * @param seq       its number, from 1, in the order raised (what acknowledging names)
 * @param rule      the rule as it was when raised
 * @param run       the label of the run it was raised in
 * @param simTimeMs simulated time of the engine view that raised it, ms since the Unix epoch, UTC (in live mode the
 *                  feed's time)
 * @param wallTimeMs the wall clock when raised, ms since the Unix epoch, UTC
 * @param value     the value measured, in {@link #unit()}
 * @param message   what happened, for the operator (names the asset, source or sub-account where there is one)
 */
public record AlertEvent(long seq, AlertRule rule, String run, long simTimeMs, long wallTimeMs, double value,
                         String message) {
    public AlertEvent {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(message, "message");
    }

    /** @return the unit of the value */
    public String unit() {
        return rule.unit();
    }

    /** @return the value with its unit, such as {@code 0.97×} */
    public String valueText() {
        return rule.kind().format(value);
    }

    /** @return how urgent */
    public AlertSeverity severity() {
        return rule.severity();
    }
}
