package io.solvent.app.alert;

import java.util.Objects;

/**
 * One alert rule: a condition on what the engine publishes, raised as an {@link AlertEvent} when it starts to hold.
 * Once raised it is not raised again until the value has gone back past the threshold by the re-arm band
 * (hysteresis), so a value hovering at the threshold raises once.
 *
 * @param id        a stable name, unique among the rules (what the rules file and the history know it by)
 * @param kind      what it watches; the threshold is in {@link AlertKind#unit()}
 * @param threshold the threshold, in the kind's unit (health factor ×, sub-accounts, %, USD, ms, %)
 * @param count     {@link AlertKind#HEALTH_FACTOR} only: how many sub-accounts must be below the threshold (1: any);
 *                  1 for the other kinds
 * @param severity  how urgent
 * @param enabled   whether it is evaluated
 * @param sound     whether raising it plays a tone
 * @param rearm     the hysteresis band as a fraction of the threshold, in [0, 1): a rule raised above a threshold t
 *                  re-arms when the value is back at or below t·(1 − rearm), one raised below t when back at or
 *                  above t·(1 + rearm)
 * @param rearmHoldMs how long (simulated ms) the value must stay back past the re-arm level before the rule re-arms:
 *                  hysteresis in time, so that a saw-tooth (an oracle's age between heartbeats, a health factor that a
 *                  partial liquidation lifts and the market pushes down again) is one alert, not one per tooth
 */
public record AlertRule(String id, AlertKind kind, double threshold, int count, AlertSeverity severity,
                        boolean enabled, boolean sound, double rearm, long rearmHoldMs) {
    public AlertRule {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("expected a rule id, was blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        String bad = kind.invalid(threshold);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + ": " + bad);
        }
        if (count < 1) {
            throw new IllegalArgumentException("rule " + id + ": expected a count >= 1 sub-account, was " + count);
        }
        if (!(rearm >= 0 && rearm < 1)) {
            throw new IllegalArgumentException("rule " + id + ": expected a re-arm band in [0, 1) of the threshold,"
                    + " was " + rearm);
        }
        if (rearmHoldMs < 0) {
            throw new IllegalArgumentException("rule " + id + ": expected a re-arm hold >= 0 ms, was " + rearmHoldMs);
        }
    }

    /** @return the unit of its threshold */
    public String unit() {
        return kind.unit();
    }

    /** @return the value at which a raised rule re-arms, in the kind's unit */
    public double rearmLevel() {
        return kind.above() ? threshold * (1 - rearm) : threshold * (1 + rearm);
    }

    /** @return its condition in words, such as {@code fund coverage below 5.00%} */
    public String condition() {
        return kind.condition(threshold, count);
    }

    /** @param t a threshold @return a copy with it */
    public AlertRule withThreshold(double t) {
        return new AlertRule(id, kind, t, count, severity, enabled, sound, rearm, rearmHoldMs);
    }

    /** @param n a count @return a copy with it */
    public AlertRule withCount(int n) {
        return new AlertRule(id, kind, threshold, n, severity, enabled, sound, rearm, rearmHoldMs);
    }

    /** @param on whether enabled @return a copy so */
    public AlertRule withEnabled(boolean on) {
        return new AlertRule(id, kind, threshold, count, severity, on, sound, rearm, rearmHoldMs);
    }

    /** @param on whether it sounds @return a copy so */
    public AlertRule withSound(boolean on) {
        return new AlertRule(id, kind, threshold, count, severity, enabled, on, rearm, rearmHoldMs);
    }

    /** @param band the re-arm band, a fraction of the threshold @param holdMs its hold, ms @return a copy with them */
    public AlertRule withRearm(double band, long holdMs) {
        return new AlertRule(id, kind, threshold, count, severity, enabled, sound, band, holdMs);
    }

    /** @param s a severity @return a copy with it */
    public AlertRule withSeverity(AlertSeverity s) {
        return new AlertRule(id, kind, threshold, count, s, enabled, sound, rearm, rearmHoldMs);
    }
}
