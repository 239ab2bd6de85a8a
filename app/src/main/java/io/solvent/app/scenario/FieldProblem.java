package io.solvent.app.scenario;

/**
 * What is wrong with one field of a hypothetical shock or a mapping, in one line.
 *
 * @param row     the shock's row in the builder's list (0-based), or −1 for the form being edited
 * @param field   the field, as the form labels it (such as {@code move}, {@code symbol})
 * @param message what is wrong and what was expected
 */
public record FieldProblem(int row, String field, String message) {
    @Override
    public String toString() {
        return (row >= 0 ? "shock " + (row + 1) + ", " : "") + field + ": " + message;
    }
}
