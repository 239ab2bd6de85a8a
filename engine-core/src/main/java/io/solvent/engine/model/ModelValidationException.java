package io.solvent.engine.model;

/**
 * A record of the model was given a value outside its valid range.
 *
 * <p>{@link #field()} is the path of the offending field relative to the record being validated, written with
 * the book file's names ({@code maintenanceWeight}, {@code tiers[1].upTo},
 * {@code accounts[0].subaccounts[2].positions[0].market}), so that a reader can point the user at the place.
 */
public final class ModelValidationException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    /**
     * @param field   path of the offending field, relative to the record being validated
     * @param problem what is wrong and what was expected, without the field name
     */
    public ModelValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** @return path of the offending field, relative to the record being validated */
    public String field() {
        return field;
    }

    /** @return what is wrong and what was expected */
    public String problem() {
        return problem;
    }

    /**
     * @param prefix path of the enclosing element, such as {@code accounts[0]}
     * @return the same problem with its field path placed under {@code prefix}
     */
    public ModelValidationException under(String prefix) {
        ModelValidationException moved = new ModelValidationException(
                field.isEmpty() ? prefix : field.startsWith("[") ? prefix + field : prefix + "." + field, problem);
        moved.initCause(this);
        return moved;
    }
}
