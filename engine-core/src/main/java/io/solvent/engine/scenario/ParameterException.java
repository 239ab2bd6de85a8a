package io.solvent.engine.scenario;

/**
 * A parameter that cannot be set: not a parameter (an input of the scenario, an unknown key) or a value out of range.
 * The message is {@code key: problem}.
 */
public final class ParameterException extends IllegalArgumentException {
    private final String key;
    private final String problem;

    /**
     * @param key     the parameter's dotted key ({@code liquidation.buffer})
     * @param problem what is wrong and what was expected, without the key
     */
    public ParameterException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** @return the parameter's dotted key */
    public String key() {
        return key;
    }

    /** @return what is wrong and what was expected, without the key */
    public String problem() {
        return problem;
    }
}
