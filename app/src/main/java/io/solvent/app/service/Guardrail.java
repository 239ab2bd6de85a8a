package io.solvent.app.service;

import java.util.Objects;

/**
 * One guardrail on parameter edits, as Aave's risk stewards keep them: the parameters it covers (a pattern over
 * dotted keys, in the subset of regular expressions {@link GuardrailKeys} reads), the range a value must stay in, and
 * the largest change one edit may make.
 *
 * @param keys    regular expression matched against the whole dotted key, e.g.
 *                {@code markets\..*\.tiers\[\d+]\.maintenanceMarginFraction}
 * @param min     lowest value allowed, in the parameter's unit
 * @param max     highest value allowed, in the parameter's unit
 * @param maxStep largest absolute change in one edit, in the parameter's unit; {@code > 0}
 * @param why     what the bound protects, shown with a refusal
 */
public record Guardrail(String keys, double min, double max, double maxStep, String why) {
    public Guardrail {
        Objects.requireNonNull(keys, "keys");
        GuardrailKeys.compile(keys); // a bad or unsupported expression is refused when read
        if (!(min <= max)) {
            throw new IllegalArgumentException("expected min <= max, was " + min + " > " + max);
        }
        if (!(maxStep > 0)) {
            throw new IllegalArgumentException("expected maxStep > 0, was " + maxStep);
        }
        why = why == null ? "" : why;
    }

    /** @param key a dotted key @return whether this guardrail covers it */
    public boolean covers(String key) {
        return GuardrailKeys.compile(keys).matcher(key).matches();
    }
}
