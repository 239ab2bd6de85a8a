/**
 * The double-entry record of every movement of value in a simulation run (margin-model.md, rule 7).
 *
 * <p>Each movement is one entry: a positive amount moving from one party to another, for a
 * {@link io.solvent.engine.ledger.TransferReason}. Parties are the sub-accounts, the insurance funds (one per venue
 * or per isolated market), the liquidators, the outside market (trading PnL against outside liquidity, slippage)
 * and the recorded deficit; {@link io.solvent.engine.ledger.Parties} encodes each as one {@code int} so that
 * posting allocates nothing. The {@link io.solvent.engine.ledger.Ledger} keeps every party's running balance and
 * the totals a run summary needs, hands each entry to a {@link io.solvent.engine.ledger.LedgerListener} instead of
 * keeping them, and checks conservation: the balances of all parties sum to zero.
 *
 * <p>A balance is the net value a party received since the ledger was created (inflows minus outflows), not what
 * it holds: an insurance fund's holding is its opening balance plus its ledger balance.
 *
 * <p>Units: times in ms since the Unix epoch, UTC; amounts in USD; imbalances as fractions of the gross flow.
 * Not thread-safe: the engine thread owns a ledger.
 */
package io.solvent.engine.ledger;
