/**
 * What a run's events add up to, for comparison and display: the minute-by-minute tally of a replay
 * ({@link io.solvent.engine.analytics.MinuteTally}) and its comparison with a venue's recorded day
 * ({@link io.solvent.engine.analytics.FidelityComparison}). Reads events; changes no engine state.
 */
package io.solvent.engine.analytics;
