/**
 * Reading and writing Solvent's files with Jackson: the book, price overrides, and the margin report. Every reader
 * rejects bad input with an {@link io.solvent.engine.input.InputException} that names the file, the place (line and
 * column, or JSON path) and what was expected; nothing half-read is ever returned.
 */
package io.solvent.engine.io;

