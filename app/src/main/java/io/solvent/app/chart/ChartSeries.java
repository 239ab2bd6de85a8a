package io.solvent.app.chart;

import io.solvent.app.viewmodel.XYSeries;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * One view-model series drawn by a ChartFX renderer: its dataset is filled from the series with only the points that
 * are new since the last sync (one bulk add), or all of them again after the series was reset. The dataset joins the
 * renderer only once it has a point (ChartFX 11.3.1 redraws endlessly around an empty dataset). FX thread only.
 */
public final class ChartSeries {
    private final XYSeries source;
    private final DoubleDataSet data;
    private final ErrorDataSetRenderer renderer;
    private int handed;
    private long epoch = Long.MIN_VALUE;

    /**
     * @param source   the view model's series
     * @param renderer the renderer that draws it
     * @param style    the dataset's style ({@code DataSetStyleBuilder}), or null
     */
    public ChartSeries(XYSeries source, ErrorDataSetRenderer renderer, String style) {
        this.source = source;
        this.renderer = renderer;
        this.data = new DoubleDataSet(source.name());
        if (style != null) {
            data.setStyle(style);
        }
    }

    /** @return points handed to the chart by this sync */
    public int sync() {
        int n = 0;
        if (source.epoch() != epoch) {
            epoch = source.epoch();
            handed = 0;
            data.set(source.xs(0), source.ys(0));
            n = source.size();
            handed = source.size();
        } else if (source.size() > handed) {
            data.add(source.xs(handed), source.ys(handed));
            n = source.size() - handed;
            handed = source.size();
        }
        boolean attached = renderer.getDatasets().contains(data);
        if (data.getDataCount() > 0 && !attached) {
            renderer.getDatasets().add(data);
        } else if (data.getDataCount() == 0 && attached) {
            renderer.getDatasets().remove(data);
        }
        return n;
    }

    /**
     * @param all series to sync
     * @return points handed to their charts
     */
    public static int syncAll(java.util.List<ChartSeries> all) {
        int n = 0;
        for (ChartSeries s : all) {
            n += s.sync();
        }
        return n;
    }

    /** @return the dataset (for tests) */
    public DoubleDataSet data() {
        return data;
    }
}
