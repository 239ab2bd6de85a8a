/**
 * The simulation: a single-writer engine that takes oracle prices, re-evaluates the exposed sub-accounts,
 * liquidates, settles bankruptcies through the insurance fund and the deleveraging policy, and records every
 * transfer in the double-entry ledger. Deterministic: no clock, no unseeded randomness, index order throughout.
 * Units: USD, USD per unit, ms since the Unix epoch (UTC).
 */
package io.solvent.engine.sim;
