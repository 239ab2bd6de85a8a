package io.solvent.app.service;

import java.util.Objects;

/**
 * What the console remembers between runs: the theme, the window's place and size, the view last shown and the
 * workspace last open (its scenario and speed). Kept as JSON in the user's configuration directory
 * ({@link SettingsStore}).
 *
 * @param theme       {@code dark} or {@code light}
 * @param x           the window's left edge, px (NaN: centred)
 * @param y           the window's top edge, px (NaN: centred)
 * @param width       the window's width, px
 * @param height      the window's height, px
 * @param maximized   whether the window was maximized
 * @param view        the view last shown: {@code overview}, {@code market}, {@code distributions}, {@code accounts},
 *                    {@code insurance} or {@code events}
 * @param scenario    the scenario file last open, or empty for the embedded default
 * @param speed       the replay speed last chosen, simulated seconds per wall second ({@code 0}: as fast as possible)
 */
public record ConsoleSettings(String theme, double x, double y, double width, double height, boolean maximized,
                              String view, String scenario, double speed) {
    /** The first run's settings. */
    public static final ConsoleSettings DEFAULTS = new ConsoleSettings("dark", Double.NaN, Double.NaN, 1440, 900,
            false, "overview", "", 60);

    public ConsoleSettings {
        theme = "light".equals(theme) ? "light" : "dark";
        width = finiteOr(width, DEFAULTS_WIDTH, 640, 10_000);
        height = finiteOr(height, DEFAULTS_HEIGHT, 420, 10_000);
        x = Double.isFinite(x) ? x : Double.NaN;
        y = Double.isFinite(y) ? y : Double.NaN;
        view = view == null || view.isBlank() ? "overview" : view;
        scenario = Objects.requireNonNullElse(scenario, "");
        speed = Double.isFinite(speed) && speed >= 0 ? speed : 60;
    }

    private static final double DEFAULTS_WIDTH = 1440;
    private static final double DEFAULTS_HEIGHT = 900;

    private static double finiteOr(double v, double otherwise, double min, double max) {
        return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : otherwise;
    }

    /** @param t {@code dark} or {@code light} @return a copy with it */
    public ConsoleSettings withTheme(String t) {
        return new ConsoleSettings(t, x, y, width, height, maximized, view, scenario, speed);
    }

    /** @param v the view shown @return a copy with it */
    public ConsoleSettings withView(String v) {
        return new ConsoleSettings(theme, x, y, width, height, maximized, v, scenario, speed);
    }

    /** @param s the scenario open, or empty for the default @return a copy with it */
    public ConsoleSettings withScenario(String s) {
        return new ConsoleSettings(theme, x, y, width, height, maximized, view, s, speed);
    }

    /** @param s the speed, simulated s per wall s (0: fastest) @return a copy with it */
    public ConsoleSettings withSpeed(double s) {
        return new ConsoleSettings(theme, x, y, width, height, maximized, view, scenario, s);
    }

    /**
     * @param nx left, px @param ny top, px @param w width, px @param h height, px @param max maximized
     * @return a copy with the window's place
     */
    public ConsoleSettings withWindow(double nx, double ny, double w, double h, boolean max) {
        return new ConsoleSettings(theme, nx, ny, w, h, max, view, scenario, speed);
    }
}
