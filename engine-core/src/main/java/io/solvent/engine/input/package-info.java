/**
 * Bad input, named: {@link io.solvent.engine.input.InputException} says which file, where in it and what was
 * expected. Its own package, depending on nothing, so that every reader — the feeds', the depth history's, the
 * books' and scenarios' in {@code io} — reports the same way without depending on {@code io}.
 */
package io.solvent.engine.input;
