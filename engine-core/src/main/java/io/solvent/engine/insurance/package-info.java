/**
 * Insurance funds and the deleveraging policies used when a fund cannot cover bad debt (margin-model.md, rule 6).
 *
 * <p>{@link io.solvent.engine.insurance.InsuranceFund} holds one fund's balance, inflows (its share of liquidation
 * fees), payouts (bad debt) and the minimum it reached; {@link io.solvent.engine.insurance.InsuranceFunds} keys them
 * (one venue fund, or one per isolated market). A {@link io.solvent.engine.insurance.BankruptcyWaterfall} lets the
 * fund pay first and hands what it cannot pay to a {@link io.solvent.engine.insurance.DeleveragingPolicy}:
 * {@link io.solvent.engine.insurance.RankedAdlPolicy} (Binance, Hyperliquid),
 * {@link io.solvent.engine.insurance.SocializedLossPolicy} (Drift) or
 * {@link io.solvent.engine.insurance.DeficitPolicy} (Aave).
 *
 * <p>The policies are pure functions of plain records: a {@link io.solvent.engine.insurance.Bankruptcy} and the
 * {@link io.solvent.engine.insurance.DeleveragingCandidate}s of its market in, a
 * {@link io.solvent.engine.insurance.DeleveragingResult} (position changes and ledger transfers) out. They never
 * see the engine's arrays, never read a clock, and iterate in sub-account index order.
 *
 * <p>Units: times in ms since the Unix epoch, UTC; money in USD; prices in USD per unit of the underlying; sizes in
 * units of the underlying, signed (+ long, − short).
 */
package io.solvent.engine.insurance;
