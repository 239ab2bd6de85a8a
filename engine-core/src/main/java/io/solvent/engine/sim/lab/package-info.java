/**
 * The deleveraging lab: one bankruptcy the insurance fund cannot cover, settled again under each deleveraging policy
 * from the same state, to compare who pays, how much, and how far each policy overshoots the smallest haircut that
 * covers the shortfall (the measure arXiv 2512.01112 applies to production ADL on 2025-10-10).
 *
 * <p>{@link io.solvent.engine.sim.lab.DeleveragingLab} runs it on its own replay of the scenario (never the caller's
 * run) and forks it once per policy; the results are plain records ({@link io.solvent.engine.sim.lab.LabResult},
 * {@link io.solvent.engine.sim.lab.PolicyOutcome}, {@link io.solvent.engine.sim.lab.Payer}).
 *
 * <p>Units: times in ms since the Unix epoch, UTC; money in USD; prices in USD per unit of the underlying; sizes in
 * units of the underlying.
 */
package io.solvent.engine.sim.lab;
