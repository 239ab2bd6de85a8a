package io.solvent.engine.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/** Validation helpers shared by the model's records; each failure names its field. */
final class Checks {
    private Checks() {
    }

    static String nonEmpty(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ModelValidationException(field, "expected a non-empty name");
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ModelValidationException(field, "expected a finite number, was " + value);
        }
        return value;
    }

    static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new ModelValidationException(field, "expected a number > 0, was " + value);
        }
        return value;
    }

    static double between(String field, double value, double lo, String loName, double hi, String hiName) {
        finite(field, value);
        if (value < lo || value > hi) {
            throw new ModelValidationException(field,
                    "expected " + loName + " <= value <= " + hiName + ", was " + value);
        }
        return value;
    }

    static <T> void unique(String listField, Collection<T> items, Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (T item : items) {
            String k = key.apply(item);
            if (!seen.add(k)) {
                throw new ModelValidationException(listField + "[" + i + "]", "duplicate " + what + " '" + k + "'");
            }
            i++;
        }
    }
}
