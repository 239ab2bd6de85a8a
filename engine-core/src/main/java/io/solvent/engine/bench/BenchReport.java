package io.solvent.engine.bench;

/**
 * What {@code solvent bench} measured ({@code docs/performance.md}). A figure that could not be measured is null,
 * with the reason beside it.
 *
 * @param accounts                        sub-accounts of the population
 * @param fullRevaluationNsPerSubaccount  median full revaluation ({@code MarginBook.revalueAll}), ns per sub-account
 * @param parallelRevaluationNsPerSubaccount median full revaluation split over {@code cores} threads, ns per
 *                                        sub-account
 * @param streamBaselineNsPerSubaccount   median stream of the same columns, ns per sub-account
 * @param rowStreamBaselineNsPerSubaccount median row-wise walk of the same columns writing the seven result
 *                                        columns ({@code StreamBaseline.rowWise}), ns per sub-account
 * @param naiveNsPerSubaccount            median naive object-per-account revaluation, ns per sub-account
 * @param quietTickMedianNs               median quiet tick ({@link QuietTick}), ns
 * @param quietTickP99Ns                  99th percentile quiet tick, ns
 * @param replaySpeedX                    simulated seconds of the recorded day per wall second; null when the data
 *                                        is absent
 * @param replaySimulatedSeconds          the simulated span replayed, s; null with {@code replaySpeedX}
 * @param replayLiquidations              liquidations in the replayed day; null with {@code replaySpeedX}
 * @param forkSeconds                     median wall time of a fork from the 20:45 snapshot re-simulating one hour,
 *                                        s; null when the data is absent
 * @param viewedReplaySpeedX              the same replay through the engine loop publishing its whole view at 20 Hz
 *                                        (figures, assets, series, events, a page of sub-accounts, one sub-account
 *                                        in full, and the risk pass within its budget), simulated seconds per wall
 *                                        second; null with {@code replaySpeedX}
 * @param publicationCost                 {@code 1 − viewedReplaySpeedX / replaySpeedX}: the share of replay speed the
 *                                        views cost (target: under 0.05 at 1,000,000 sub-accounts); null with them
 * @param riskPassMs                      wall time of the last whole-book risk pass of that run, ms; null with them
 * @param riskPasses                      risk passes that run made; null with them
 * @param replayReason                    why the replay and fork figures are null; null when they are not
 * @param heapBytesPerSubaccount          heap the hot state retains, bytes per sub-account
 * @param jdk                             the JDK (vendor and version)
 * @param cpu                             the CPU model, or null when the system does not say
 * @param cores                           processors available to the JVM
 * @param maxHeap                         the JVM's maximum heap, bytes
 * @param quick                           whether the short variant ran (fewer repeats)
 */
public record BenchReport(int accounts, double fullRevaluationNsPerSubaccount,
                          double parallelRevaluationNsPerSubaccount, double streamBaselineNsPerSubaccount,
                          double rowStreamBaselineNsPerSubaccount,
                          double naiveNsPerSubaccount, double quietTickMedianNs, double quietTickP99Ns,
                          Double replaySpeedX, Double replaySimulatedSeconds, Long replayLiquidations,
                          Double forkSeconds, Double viewedReplaySpeedX, Double publicationCost, Double riskPassMs,
                          Long riskPasses, String replayReason, double heapBytesPerSubaccount, String jdk, String cpu,
                          int cores, long maxHeap, boolean quick) {
}
