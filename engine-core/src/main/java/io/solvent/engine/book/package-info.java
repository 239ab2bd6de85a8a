/**
 * The engine's hot state: sub-accounts, balances and positions as struct-of-arrays indexed by dense ints, with an
 * index from each asset and market to the sub-accounts exposed to it, so that a price tick touches only those.
 *
 * <p>The records of {@link io.solvent.engine.model} are the API; these arrays are the engine's inside. A
 * {@link io.solvent.engine.book.MarginBook} is built from a {@link io.solvent.engine.model.Book} and evaluated with
 * the same arithmetic as {@link io.solvent.engine.margin.MarginCalculator}, without allocating per evaluation.
 * Not thread-safe: one engine thread owns it.
 *
 * <p>Units: amounts in units of the asset, prices in USD per unit, money figures in USD.
 */
package io.solvent.engine.book;
