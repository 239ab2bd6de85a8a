package io.solvent.app.viewmodel;

/**
 * One figure of the overview: a number with its unit, a line that explains it, and its level.
 *
 * @param title what it is
 * @param value the number (NaN: none yet)
 * @param unit  its unit, such as {@code USD} or {@code /min}
 * @param text  one line beside it (the threshold, the as-of time, a breakdown)
 * @param level how it stands against its thresholds
 */
public record Figure(String title, double value, String unit, String text, Level level) {
    /** @param title what it is @param unit its unit @return a figure with no value yet */
    public static Figure none(String title, String unit) {
        return new Figure(title, Double.NaN, unit, "waiting for the engine", Level.NONE);
    }
}
