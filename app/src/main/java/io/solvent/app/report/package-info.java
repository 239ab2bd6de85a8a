/**
 * The HTML report of a run: {@link io.solvent.app.report.RunFolder} reads the folder {@code solvent replay} writes
 * (and an optional {@code audit.jsonl}), {@link io.solvent.app.report.HtmlReport} writes it as one self-contained
 * HTML file with inline CSS and inline SVG charts.
 */
package io.solvent.app.report;
