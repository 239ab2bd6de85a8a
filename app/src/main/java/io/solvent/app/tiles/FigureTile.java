package io.solvent.app.tiles;

import io.solvent.app.viewmodel.Figure;
import io.solvent.app.viewmodel.Level;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;

import java.util.Objects;

/**
 * A TilesFX number tile showing one {@link Figure}: the value scaled to a readable unit ({@code M USD}, {@code k USD}),
 * its line of text, and a border and value coloured by the figure's level. Sets a tile property only when it
 * changed (TilesFX redraws on every set, even of the same value). FX thread only.
 */
public final class FigureTile {
    private final Tile tile;
    private final String title;
    private TilePalette palette;
    private Figure shown;

    /**
     * @param title   the tile's title
     * @param palette its colours
     * @param skin    its skin ({@code NUMBER}, or {@code SPARK_LINE} for a value with its history)
     */
    public FigureTile(String title, TilePalette palette, Tile.SkinType skin) {
        this.palette = palette;
        this.title = title;
        TileBuilder<?> b = TileBuilder.create().skinType(skin).prefSize(240, 170).title(title).animated(false)
                .decimals(0).textVisible(true);
        if (skin == Tile.SkinType.SPARK_LINE) {
            b.averagingPeriod(60).fixedYScale(false).averageVisible(false);
        }
        tile = b.build();
        palette.apply(tile);
        tile.setId("tile-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    }

    /** @return the tile */
    public Tile tile() {
        return tile;
    }

    /** @param p the palette of the theme now */
    public void restyle(TilePalette p) {
        palette = p;
        p.apply(tile);
        shown = null;
    }

    /**
     * @param f the figure
     * @return nodes updated: 1 when anything changed, else 0
     */
    public int show(Figure f) {
        return show(f, true);
    }

    /**
     * @param f        the figure
     * @param setValue whether the tile's value is the figure's (false for a spark line fed its history apart)
     * @return nodes updated: 1 when anything changed, else 0
     */
    public int show(Figure f, boolean setValue) {
        if (Objects.equals(f, shown)) {
            return 0;
        }
        double value = f.value();
        String unit = f.unit();
        int decimals = 0;
        if ("USD".equals(unit) && Double.isFinite(value)) {
            double a = Math.abs(value);
            if (a >= 1e9) {
                value /= 1e9;
                unit = "B USD";
                decimals = 2;
            } else if (a >= 1e6) {
                value /= 1e6;
                unit = "M USD";
                decimals = 2;
            } else if (a >= 1e4) {
                value /= 1e3;
                unit = "k USD";
                decimals = 1;
            } else {
                decimals = 0;
            }
        } else if ("%".equals(unit)) {
            decimals = 1;
        }
        if (tile.getDecimals() != decimals) {
            tile.setDecimals(decimals);
        }
        if (!Objects.equals(tile.getUnit(), unit)) {
            tile.setUnit(unit);
            // the number skin leaves little room for the unit; a "/" in it would be drawn as a fraction bar
            tile.setTitle(title.contains(unit) ? title : title + " (" + unit + ")");
        }
        double shownValue = Double.isFinite(value) ? value : 0;
        if (setValue && (tile.getValue() != shownValue || shown == null)) {
            tile.setValue(shownValue);
        }
        String text = Double.isNaN(f.value()) ? "— " + f.text() : Double.isInfinite(f.value()) ? "∞ · " + f.text()
                : f.text();
        if (!Objects.equals(tile.getText(), text)) {
            tile.setText(text);
        }
        if (shown == null || shown.level() != f.level()) {
            javafx.scene.paint.Color accent = palette.accent(f.level());
            tile.setValueColor(f.level() == Level.OK || f.level() == Level.NONE ? palette.foreground() : accent);
            tile.setBarColor(accent);
            tile.setBorder(new Border(new BorderStroke(accent, BorderStrokeStyle.SOLID, new CornerRadii(4),
                    new BorderWidths(f.level() == Level.OK || f.level() == Level.NONE ? 1 : 3))));
        }
        shown = f;
        return 1;
    }

    /** @param v a value to add to a spark line's history */
    public void addHistory(double v) {
        tile.setValue(v);
    }
}
