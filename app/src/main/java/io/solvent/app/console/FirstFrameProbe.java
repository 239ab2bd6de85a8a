package io.solvent.app.console;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The entry point of a separate JVM that {@code solvent bench --console} launches to time the console's first frame:
 * the console opened as {@code solvent console} opens it ({@link ConsoleApp#start}: the settings, here a fresh
 * configuration folder, so the embedded default scenario in a 1440x900 window, playing), on Monocle's headless glass.
 * At the first AnimationTimer pulse after the console's views are in the window (not the loading screen before
 * them) it prints one line, {@value #PREFIX} followed by the
 * JVM's start and that pulse's wall time (ms since the epoch), and halts. Not for users.
 */
public final class FirstFrameProbe {
    /** What the line the launcher reads starts with. */
    public static final String PREFIX = "solvent-first-frame ";

    private static boolean timing;

    private FirstFrameProbe() {
    }

    /** @param args {@code WIDTH HEIGHT} of Monocle's screen (default 1440 900) */
    public static void main(String[] args) {
        int w = args.length >= 2 ? Integer.parseInt(args[0]) : 1440;
        int h = args.length >= 2 ? Integer.parseInt(args[1]) : 900;
        SnapshotRenderer.useHeadlessGlass(w, h);
        Platform.startup(() -> {
            // the console's first frame, not the loading screen's: the first pulse after its views are in the window
            ConsoleApp.onConsoleShown(() -> {
                if (timing) {
                    return;
                }
                timing = true;
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long at = System.currentTimeMillis();
                        System.out.println(PREFIX + ManagementFactory.getRuntimeMXBean().getStartTime() + " " + at);
                        System.out.flush();
                        Runtime.getRuntime().halt(0);
                    }
                }.start();
            });
            try {
                new ConsoleApp().start(new Stage());
            } catch (Throwable t) {
                System.err.println("solvent: the console did not open: " + t);
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
        });
    }
}
