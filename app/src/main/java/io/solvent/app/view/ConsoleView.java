package io.solvent.app.view;

import javafx.scene.Node;

/** One view of the console's window: its node, its name, and what it redraws on a pulse while it is shown. */
public interface ConsoleView {

    /** @return the name {@code solvent snapshot --view} knows it by, such as {@code overview} */
    String name();

    /** @return the tab's title */
    String title();

    /** @return the view's root node */
    Node node();

    /**
     * Called once per FX pulse while the view is shown, after the view models took the newest engine view: copies
     * what changed into the nodes, at the view's own rate (charts at most once a second).
     *
     * @param nowNanos the pulse's time, ns
     * @param force    whether to copy now whatever the rate (the view was just shown, or a snapshot is due)
     */
    void render(long nowNanos, boolean force);
}
