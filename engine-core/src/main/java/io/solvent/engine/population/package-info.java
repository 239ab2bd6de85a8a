/**
 * Generated populations of accounts: the universe of markets and assets a population is drawn over (calibrated on
 * public venue data, or the stressed and USDC-only profiles), the generator ({@link
 * io.solvent.engine.population.PopulationGenerator}: seeded, streaming, every sub-account checked with the margin
 * calculator's own formula) and its summary. A scenario's book can be one ({@code "book": {"population": ...}}).
 */
package io.solvent.engine.population;
