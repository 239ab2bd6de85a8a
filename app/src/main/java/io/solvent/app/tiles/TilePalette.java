package io.solvent.app.tiles;

import io.solvent.app.viewmodel.Level;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.paint.Color;

/**
 * The tiles' colours per theme. TilesFX ignores CSS, so every colour a tile draws is set here: background, title,
 * value, unit, text, description, bars and tick labels, and the accent each {@link Level} takes.
 *
 * @param background tile background
 * @param foreground text and value
 * @param muted      titles, units, descriptions
 * @param ok         within bounds
 * @param warn       past the warning threshold
 * @param alarm      past the alarm threshold
 */
public record TilePalette(Color background, Color foreground, Color muted, Color ok, Color warn, Color alarm) {
    /** The dark theme's tiles. */
    public static final TilePalette DARK = new TilePalette(Color.web("#23272e"), Color.web("#e6e9ef"),
            Color.web("#9aa4b2"), Color.web("#3fb950"), Color.web("#d29922"), Color.web("#f85149"));
    /** The light theme's tiles. */
    public static final TilePalette LIGHT = new TilePalette(Color.web("#ffffff"), Color.web("#1f2328"),
            Color.web("#59636e"), Color.web("#1a7f37"), Color.web("#9a6700"), Color.web("#cf222e"));

    /** @param theme {@code dark} or {@code light} @return its palette */
    public static TilePalette of(String theme) {
        return "light".equals(theme) ? LIGHT : DARK;
    }

    /** @param level a level @return its accent colour */
    public Color accent(Level level) {
        return switch (level) {
            case OK -> ok;
            case WARN -> warn;
            case ALARM -> alarm;
            case NONE -> muted;
        };
    }

    /** @param tile a tile to colour with this palette */
    public void apply(Tile tile) {
        tile.setBackgroundColor(background);
        tile.setForegroundColor(foreground);
        tile.setTitleColor(muted);
        tile.setValueColor(foreground);
        tile.setUnitColor(muted);
        tile.setTextColor(muted);
        tile.setDescriptionColor(muted);
        tile.setTickLabelColor(muted);
        tile.setBarBackgroundColor(background.interpolate(muted, 0.25));
        tile.setBarColor(ok);
        tile.setThresholdColor(alarm);
    }
}
