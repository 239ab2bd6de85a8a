/**
 * The workloads of the benchmarks ({@code docs/performance.md}): populations, the naive baseline, a quiet tick, the
 * recorded crash day and a fork. No clock here: the JMH benchmarks (engine-core tests) and {@code solvent bench}
 * (app) time them.
 */
package io.solvent.engine.bench;
