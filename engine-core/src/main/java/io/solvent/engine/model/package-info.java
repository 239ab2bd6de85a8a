/**
 * Immutable reference data of a book: assets, markets with margin tiers, accounts, sub-accounts and positions,
 * exactly as the reference margin model defines them. Every record validates itself on construction and names
 * the offending field in a {@link io.solvent.engine.model.ModelValidationException}.
 *
 * <p>Units: amounts of an asset are in units of that asset; prices and money figures are in USD; fractions and
 * weights are plain numbers (0.05 means 5%).
 */
package io.solvent.engine.model;
