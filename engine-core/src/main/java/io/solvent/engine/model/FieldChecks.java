package io.solvent.engine.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Field checks shared by the model's records and the engine's parameter records: each failure is a
 * {@link ModelValidationException} naming the field and saying what was expected.
 */
public final class FieldChecks {
    private FieldChecks() {
    }

    /** @return {@code value}, when it is a non-blank name */
    public static String nonEmpty(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ModelValidationException(field, "expected a non-empty name");
        }
        return value;
    }

    /** @return {@code value}, when it is finite */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ModelValidationException(field, "expected a finite number, was " + value);
        }
        return value;
    }

    /** @return {@code value}, when it is finite and {@code > 0} */
    public static double positive(String field, double value) {
        finite(field, value);
        if (!(value > 0)) {
            throw new ModelValidationException(field, "expected a number > 0, was " + value);
        }
        return value;
    }

    /** @return {@code value}, when it is finite and within {@code [lo, hi]}, the bounds named in the message */
    public static double between(String field, double value, double lo, String loName, double hi, String hiName) {
        finite(field, value);
        if (value < lo || value > hi) {
            throw new ModelValidationException(field,
                    "expected " + loName + " <= value <= " + hiName + ", was " + value);
        }
        return value;
    }

    /** @return {@code value}, when it is finite and {@code >= 0} */
    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new ModelValidationException(field, "expected a number >= 0, was " + value);
        }
        return value;
    }

    /** @return {@code value}, a duration in ms, when it is {@code >= 0} */
    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new ModelValidationException(field, "expected a duration >= 0 ms, was " + value);
        }
        return value;
    }

    /** @return {@code value}, when it is finite and within {@code [lo, hi]} */
    public static double between(String field, double value, double lo, double hi) {
        return between(field, value, lo, String.valueOf(lo), hi, String.valueOf(hi));
    }

    /** @return {@code value}, when it is not null */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new ModelValidationException(field, "expected a value, was missing");
        }
        return value;
    }

    /** Fails on the first item whose key repeats an earlier one, naming its index in {@code listField}. */
    public static <T> void unique(String listField, Collection<T> items, Function<T, String> key, String what) {
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
