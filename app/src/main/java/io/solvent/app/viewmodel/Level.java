package io.solvent.app.viewmodel;

/** How a figure stands against its thresholds: what colour a tile or a cell takes. */
public enum Level {
    /** Within bounds. */
    OK,
    /** Past the warning threshold. */
    WARN,
    /** Past the alarm threshold. */
    ALARM,
    /** No figure yet (or not applicable). */
    NONE
}
