package io.solvent.app.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.format.DefaultTimeFormatter;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The console's charts, built one way: axes named with their units, a legend, the renderer tuned for day-long
 * second-level series (no error bars, no markers on lines, point reduction on, the serial implementation: measured
 * in {@code console-stack-pitfalls.md}), and scatter renderers for events.
 */
public final class Charts {
    private Charts() {
    }

    /**
     * @param title  the chart's title
     * @param yName  the y axis's name
     * @param yUnit  its unit
     * @return a chart over UTC time (x in epoch seconds)
     */
    public static XYChart timeChart(String title, String yName, String yUnit) {
        DefaultNumericAxis x = new DefaultNumericAxis("time", "UTC");
        x.setTimeAxis(true);
        if (x.getAxisLabelFormatter() instanceof DefaultTimeFormatter f) {
            f.setTimeZoneOffset(java.time.ZoneOffset.UTC);
        }
        x.setAutoRanging(true);
        return chart(title, x, yAxis(yName, yUnit));
    }

    /**
     * @param title the chart's title
     * @param xName the x axis's name @param xUnit its unit
     * @param yName the y axis's name @param yUnit its unit
     * @return a chart over numbers
     */
    public static XYChart numberChart(String title, String xName, String xUnit, String yName, String yUnit) {
        DefaultNumericAxis x = new DefaultNumericAxis(xName, xUnit.isEmpty() ? null : xUnit);
        x.setAutoRanging(true);
        x.setAutoUnitScaling(false);
        return chart(title, x, yAxis(yName, yUnit));
    }

    /**
     * @param title      the chart's title
     * @param xName      the x axis's name
     * @param categories the x axis's labels, one per bin (x = the bin's index)
     * @param yName      the y axis's name @param yUnit its unit
     * @return a chart over labelled bins
     */
    public static XYChart categoryChart(String title, String xName, javafx.collections.ObservableList<String> categories,
                                        String yName, String yUnit) {
        // a numeric axis over the bins' indexes, one tick per bin, labelled with the bin (ChartFX's CategoryAxis
        // drew only some of the labels here)
        DefaultNumericAxis x = new DefaultNumericAxis(xName);
        x.setUnit(null); // no "[]" after the name
        x.setAutoRanging(false);
        x.setAutoRangeRounding(false);
        x.setMin(-0.5);
        x.setMax(Math.max(1, categories.size()) - 0.5);
        x.setTickUnit(1);
        x.setMinorTickCount(0);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                int i = (int) Math.round(n.doubleValue());
                return Math.abs(n.doubleValue() - i) < 1e-6 && i >= 0 && i < categories.size() ? categories.get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return categories.indexOf(s);
            }
        });
        categories.addListener((javafx.collections.ListChangeListener<String>) c ->
                x.setMax(Math.max(1, categories.size()) - 0.5));
        return chart(title, x, yAxis(yName, yUnit));
    }

    private static DefaultNumericAxis yAxis(String name, String unit) {
        DefaultNumericAxis y = new DefaultNumericAxis(name, unit.isEmpty() ? null : unit);
        y.setAutoRanging(true);
        y.setForceZeroInRange(false);
        y.setAutoUnitScaling(true);
        return y;
    }

    private static XYChart chart(String title, DefaultNumericAxis x, DefaultNumericAxis y) {
        XYChart c = new XYChart(x, y);
        c.setTitle(title);
        c.setLegendVisible(true);
        c.setAnimated(false);
        c.getRenderers().clear();
        VBox.setVgrow(c, Priority.ALWAYS);
        c.setMinHeight(200);
        return c;
    }

    /** @param chart the chart @return a new line renderer on it */
    public static ErrorDataSetRenderer lines(XYChart chart) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setDrawMarker(false);
        r.setPointReduction(true);
        r.setParallelImplementation(false);
        chart.getRenderers().add(r);
        return r;
    }

    /** @param chart the chart @return a new renderer of points only (events) */
    public static ErrorDataSetRenderer points(XYChart chart) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(true);
        r.setPointReduction(true);
        r.setParallelImplementation(false);
        chart.getRenderers().add(r);
        return r;
    }

    /**
     * @param chart the chart
     * @param barPx the bars' width, px (fixed: the dynamic width is wrong in 11.3.1)
     * @return a new bar renderer on it
     */
    public static ErrorDataSetRenderer bars(XYChart chart, int barPx) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(false);
        r.setDrawBars(true);
        r.setDynamicBarWidth(false);
        r.setBarWidth(barPx);
        r.setPointReduction(false);
        r.setParallelImplementation(false);
        chart.getRenderers().add(r);
        return r;
    }

    /** @param color a CSS colour @param width px @return a line's style */
    public static String line(String color, double width) {
        return DataSetStyleBuilder.newInstance().setLineColor(color).setStroke(color).setLineWidth(width)
                .setMarkerColor(color).setFill(color).build();
    }

    /** @param color a CSS colour @param size px @param type the marker's type, such as {@code circle} @return a marker's style */
    public static String marker(String color, double size, String type) {
        return DataSetStyleBuilder.newInstance().setMarkerColor(color).setFill(color).setStroke(color)
                .setLineColor(color).setMarkerSize(size).setMarkerType(type).build();
    }
}
