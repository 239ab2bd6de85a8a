package io.solvent.engine.input;

/**
 * Bad input in a file the user gave: the message names the file, the place (a JSON path such as
 * {@code $.accounts[0].subaccounts[1].mode}, or {@code line 3, column 14}) and what was expected, in one line
 * fit to show the user as it is (control characters in any part, such as a newline in a file or field name, are
 * escaped by {@link OneLine}). The command line exits with status 2 on it.
 */
public final class InputException extends RuntimeException {
    private final String source;
    private final String place;
    private final String problem;

    /**
     * @param source  the file as the user named it
     * @param place   JSON path or line and column; empty for the file as a whole
     * @param problem what is wrong and what was expected
     * @param cause   the underlying error, for the log; may be null
     */
    public InputException(String source, String place, String problem, Throwable cause) {
        super(OneLine.escape(source) + (place.isEmpty() ? "" : ": " + OneLine.escape(place)) + ": "
                + OneLine.escape(problem), cause);
        this.source = OneLine.escape(source);
        this.place = OneLine.escape(place);
        this.problem = OneLine.escape(problem);
    }

    /** @return the file as the user named it */
    public String source() {
        return source;
    }

    /** @return the JSON path or line and column */
    public String place() {
        return place;
    }

    /** @return what is wrong and what was expected */
    public String problem() {
        return problem;
    }
}
