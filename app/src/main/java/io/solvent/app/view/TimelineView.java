package io.solvent.app.view;

import io.solvent.app.viewmodel.Format;
import io.solvent.app.viewmodel.TransportViewModel;
import io.solvent.app.viewmodel.TransportViewModel.Marker;
import io.solvent.app.workbench.Bookmark;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.function.Supplier;

/**
 * The timeline: the run from its start to its end, with a tick for each liquidation (amber), bankruptcy (red) and
 * parameter change (blue), a flag per bookmark, and the cursor. Clicking or dragging scrubs: the engine seeks on
 * release (and at most four times a second while dragging), through its snapshots. Redrawn at most four times a second.
 */
public final class TimelineView extends Pane {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long DRAG_SEEK_NANOS = 250_000_000L;
    private final TransportViewModel vm;
    private final Supplier<List<Bookmark>> bookmarks;
    private final Canvas canvas = new Canvas(400, 26);
    private final Tooltip tip = new Tooltip();
    private long drawnVersion = -1;
    private long drawnTime = Long.MIN_VALUE;
    private double drawnWidth = -1;
    private int drawnBookmarks = -1;
    private long lastDraw;
    private long lastDragSeek;
    private double dragX = Double.NaN;
    private boolean dark = true;

    /** @param vm the transport @param bookmarks the bookmarks to flag */
    public TimelineView(TransportViewModel vm, Supplier<List<Bookmark>> bookmarks) {
        this.vm = vm;
        this.bookmarks = bookmarks;
        setId("timeline");
        getStyleClass().add("timeline");
        getChildren().add(canvas);
        setMinWidth(200);
        setPrefWidth(600);
        setPrefHeight(26);
        setMinHeight(26);
        setMaxHeight(26);
        canvas.widthProperty().bind(widthProperty());
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tip.setText(Format.time(timeAt(e.getX()))
                + "\nclick or drag to go there\nticks: amber liquidations, red bankruptcies, blue parameter changes;"
                + " yellow flags: bookmarks"));
        canvas.setOnMousePressed(this::drag);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(e -> {
            dragX = Double.NaN;
            long t = timeAt(e.getX());
            if (t != Long.MIN_VALUE) {
                vm.seek(t);
            }
        });
    }

    private void drag(MouseEvent e) {
        dragX = e.getX();
        long now = System.nanoTime();
        if (now - lastDragSeek >= DRAG_SEEK_NANOS) {
            lastDragSeek = now;
            long t = timeAt(e.getX());
            if (t != Long.MIN_VALUE) {
                vm.seek(t);
            }
        }
        draw();
    }

    /** @param x px within the timeline @return the simulated time there, or MIN_VALUE before the run has started */
    public long timeAt(double x) {
        long s = vm.startMsProperty().get();
        long e = vm.endMsProperty().get();
        if (s == Long.MIN_VALUE || e <= s) {
            return Long.MIN_VALUE;
        }
        double f = Math.max(0, Math.min(1, (x - 4) / Math.max(1, canvas.getWidth() - 8)));
        return s + Math.round(f * (e - s));
    }

    private double xOf(long t, long s, long e, double w) {
        return 4 + (w - 8) * (double) (t - s) / Math.max(1, e - s);
    }

    /** @param dark whether the dark theme is on */
    public void setDark(boolean dark) {
        this.dark = dark;
        drawnVersion = -1;
    }

    /** Redraws when something changed, at most four times a second. */
    public void render(long nowNanos, boolean force) {
        int nb = bookmarks.get().size();
        boolean changed = vm.version() != drawnVersion || vm.timeMsProperty().get() != drawnTime
                || getWidth() != drawnWidth || nb != drawnBookmarks;
        if (!changed || (!force && nowNanos - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = nowNanos;
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        drawnVersion = vm.version();
        drawnTime = vm.timeMsProperty().get();
        drawnWidth = getWidth();
        List<Bookmark> marks = bookmarks.get();
        drawnBookmarks = marks.size();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(dark ? Color.web("#0d1117") : Color.web("#f6f8fa"));
        g.fillRect(0, 0, w, h);
        g.setStroke(dark ? Color.web("#30363d") : Color.web("#d0d7de"));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        long s = vm.startMsProperty().get();
        long e = vm.endMsProperty().get();
        if (s == Long.MIN_VALUE || e <= s) {
            return;
        }
        // one tick per pixel column and kind, whatever the number of events
        tick(g, Marker.LIQUIDATION, Color.web("#d29922"), 13, h - 3, s, e, w);
        tick(g, Marker.BANKRUPTCY, Color.web("#f85149"), 4, h - 3, s, e, w);
        tick(g, Marker.PARAMETER_CHANGE, Color.web("#58a6ff"), 2, h - 2, s, e, w);
        g.setFill(Color.web("#e3b341"));
        for (Bookmark b : marks) {
            double x = xOf(b.timeMs(), s, e, w);
            g.fillPolygon(new double[] {x, x + 6, x}, new double[] {1, 4, 8}, 3);
            g.fillRect(x - 0.5, 1, 1, h - 2);
        }
        long t = vm.timeMsProperty().get();
        if (t != Long.MIN_VALUE) {
            double x = xOf(Math.max(s, Math.min(e, t)), s, e, w);
            g.setFill(dark ? Color.web("#f0f6fc") : Color.web("#1f2328"));
            g.fillRect(x - 1, 0, 2, h);
        }
        if (!Double.isNaN(dragX)) {
            g.setFill(Color.web("#58a6ff", 0.6));
            g.fillRect(dragX - 1, 0, 2, h);
        }
    }

    private void tick(GraphicsContext g, Marker m, Color c, double top, double bottom, long s, long e, double w) {
        int n = vm.count(m);
        if (n == 0) {
            return;
        }
        g.setFill(c);
        int lastPx = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int px = (int) xOf(vm.time(m, i), s, e, w);
            if (px != lastPx) {
                g.fillRect(px, top, 1.5, bottom - top);
                lastPx = px;
            }
        }
    }
}
