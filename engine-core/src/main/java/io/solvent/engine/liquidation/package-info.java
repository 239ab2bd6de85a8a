/**
 * Liquidation: which sub-accounts, in what order, how much of a position to close, at what price and for what
 * fee (margin-model.md, rules 1–5). Units: USD for money, USD per unit for prices, fractions as plain numbers.
 */
package io.solvent.engine.liquidation;
