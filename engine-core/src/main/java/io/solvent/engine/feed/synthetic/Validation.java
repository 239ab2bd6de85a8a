package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.ModelValidationException;

/** Field checks shared by the parameter records; each failure names its field. */
final class Validation {
    private Validation() {
    }

    static String name(String field, String value) {
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
        if (!(value > 0)) {
            throw new ModelValidationException(field, "expected a number > 0, was " + value);
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new ModelValidationException(field, "expected a number >= 0, was " + value);
        }
        return value;
    }

    static double between(String field, double value, double lo, double hi) {
        finite(field, value);
        if (value < lo || value > hi) {
            throw new ModelValidationException(field, "expected " + lo + " <= value <= " + hi + ", was " + value);
        }
        return value;
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new ModelValidationException(field, "expected a duration >= 0 ms, was " + value);
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new ModelValidationException(field, "expected a value, was missing");
        }
        return value;
    }
}
