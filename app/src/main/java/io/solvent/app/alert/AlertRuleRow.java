package io.solvent.app.alert;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Objects;
import java.util.function.Function;

/**
 * One rule as the rules table edits it: enabled and sound as properties a check box binds to, threshold, count and
 * severity through setters that check the value first. Every change goes to the owner, which applies it to the monitor
 * and saves the rules.
 */
public final class AlertRuleRow {
    private final ReadOnlyObjectWrapper<AlertRule> rule;
    private final BooleanProperty enabled;
    private final BooleanProperty sound;
    private final Function<AlertRule, String> apply;
    private boolean applying;

    /**
     * @param rule  the rule
     * @param apply applies a changed rule; returns why it was refused, or empty
     */
    AlertRuleRow(AlertRule rule, Function<AlertRule, String> apply) {
        this.rule = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(rule, "rule"));
        this.apply = apply;
        enabled = new SimpleBooleanProperty(rule.enabled());
        sound = new SimpleBooleanProperty(rule.sound());
        enabled.addListener((o, was, on) -> change(this.rule.get().withEnabled(on)));
        sound.addListener((o, was, on) -> change(this.rule.get().withSound(on)));
    }

    private String change(AlertRule next) {
        if (applying || next.equals(rule.get())) {
            return "";
        }
        String refused = apply.apply(next);
        if (refused.isEmpty()) {
            applying = true;
            try {
                rule.set(next);
                enabled.set(next.enabled());
                sound.set(next.sound());
            } finally {
                applying = false;
            }
        }
        return refused;
    }

    /** @return the rule as it stands */
    public AlertRule rule() {
        return rule.get();
    }

    /** @return the rule, observable */
    public ReadOnlyObjectProperty<AlertRule> ruleProperty() {
        return rule.getReadOnlyProperty();
    }

    /** @return whether the rule is evaluated (a check box binds to it) */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** @return whether the rule plays a tone (a check box binds to it) */
    public BooleanProperty soundProperty() {
        return sound;
    }

    /**
     * @param threshold a new threshold, in the kind's unit
     * @return why it was refused (out of range for the kind), or empty when applied
     */
    public String setThreshold(double threshold) {
        String bad = rule.get().kind().invalid(threshold);
        return bad.isEmpty() ? change(rule.get().withThreshold(threshold)) : rule.get().id() + ": " + bad;
    }

    /**
     * @param count how many sub-accounts must be below the health factor threshold
     * @return why it was refused, or empty when applied
     */
    public String setCount(int count) {
        if (rule.get().kind() != AlertKind.HEALTH_FACTOR) {
            return rule.get().id() + ": only a health factor rule counts sub-accounts";
        }
        return count >= 1 ? change(rule.get().withCount(count))
                : rule.get().id() + ": expected a count >= 1 sub-account, was " + count;
    }

    /**
     * @param severity a new severity
     * @return why it was refused, or empty when applied
     */
    public String setSeverity(AlertSeverity severity) {
        return change(rule.get().withSeverity(Objects.requireNonNull(severity, "severity")));
    }
}
