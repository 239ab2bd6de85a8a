package io.solvent.app.console;

import java.util.Map;

/** Whether a window can be opened here, and the one line said when it cannot. */
public final class Headless {
    private Headless() {
    }

    /**
     * @param env the environment
     * @param os  the operating system's name
     * @return why no window can be opened (one line), or null when one can
     */
    public static String reason(Map<String, String> env, String os) {
        String o = os.toLowerCase(java.util.Locale.ROOT);
        if (o.contains("win") || o.contains("mac")) {
            return null;
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "no display to open the console on (DISPLAY is not set); render a view to a PNG with"
                    + " 'solvent snapshot SCENARIO.json --at 45m --view overview --out view.png', or run a subcommand"
                    + " (margin, feed, record, population, replay, stress, fidelity, bench; 'solvent --help')";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
