package io.solvent.engine.sim.lab;

import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.RankedAdlPolicy;
import io.solvent.engine.scenario.Parameters;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.Replay;
import io.solvent.engine.sim.ReplaySink;
import io.solvent.engine.sim.ScenarioFeeds;
import io.solvent.engine.sim.SnapshotKeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The deleveraging lab (issue 13): the same bankruptcy settled under each deleveraging policy — who pays, how much,
 * and each policy's overshoot against the smallest haircut that covers the shortfall ({@link OvershootCalculator}).
 *
 * <p>It replays the scenario once, on a replay of its own (a run the caller holds is never touched), up to the
 * bankruptcy the {@link LabTarget} names; takes a snapshot just before the feed event whose step settles it; and for
 * each policy forks from that snapshot with only {@code deleveraging} changed ({@link Replay#fork}) and steps that one
 * event, reading how the bankruptcy was settled there (the fork is abandoned as soon as it is: the rest of its step is
 * not needed). Everything before the bankruptcy is the source run's, so the
 * fund pays the same and the shortfall is the same under every policy — unless earlier bankruptcies settled in the
 * same step had shortfalls of their own (a target naming a sub-account): each policy settled those its own way, and
 * each {@link PolicyOutcome} carries its own shortfall. Deterministic: the same scenario and target
 * give the same result.
 *
 * <p>Cost: one replay up to the bankruptcy (with a few snapshots kept after the target time, then a short re-run from
 * the last of them), plus one step per policy. At 100,000 accounts the replay dominates: call it off the UI thread,
 * with a {@code cancelled} flag and a {@code progress} sink.
 */
public final class DeleveragingLab {

    /** The policies compared by default, in this order. */
    public static final List<String> POLICIES = List.of("adl-ranked:binance", "adl-ranked:hyperliquid", "socialize",
            "deficit");

    private static final SnapshotKeeper.Cadence CADENCE = new SnapshotKeeper.Cadence(60_000, 4);
    private static final int CHECK_EVERY = 32;
    private static final double REPLAY_SHARE = 0.85;

    private DeleveragingLab() {
    }

    /**
     * Studies the first bankruptcy at or after {@code atMs} that reaches deleveraging, under every policy of
     * {@link #POLICIES}.
     *
     * @param scenario   the scenario (its book, feeds and shocks)
     * @param parameters the parameters the source run uses (its own deleveraging policy leads up to the bankruptcy)
     * @param atMs       earliest time, ms since the Unix epoch, UTC
     * @param cancelled  asked between steps; true stops the lab with a {@link CancellationException}
     * @param progress   told the fraction done, 0..1, now and then (on the calling thread)
     * @return the result
     * @throws NoShortfallException  when no bankruptcy at or after {@code atMs} reaches deleveraging
     * @throws CancellationException when {@code cancelled} said so
     */
    public static LabResult run(Scenario scenario, Parameters parameters, long atMs, BooleanSupplier cancelled,
                                DoubleConsumer progress) {
        return run(scenario.withParameters(parameters), LabTarget.firstAtOrAfter(atMs), POLICIES, cancelled,
                progress);
    }

    /**
     * @param scenario  the scenario, with the parameters of the source run
     * @param target    which bankruptcy
     * @param policies  the policies to compare, each one {@link DeleveragingPolicy#parse} accepts, in display order
     * @param cancelled asked between steps; true stops the lab with a {@link CancellationException}
     * @param progress  told the fraction done, 0..1, now and then (on the calling thread)
     * @return the result
     * @throws IllegalArgumentException for an unknown policy, no policy, or a live feed
     * @throws NoShortfallException     when no bankruptcy matching the target reaches deleveraging
     * @throws CancellationException    when {@code cancelled} said so
     */
    public static LabResult run(Scenario scenario, LabTarget target, List<String> policies,
                                BooleanSupplier cancelled, DoubleConsumer progress) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(progress, "progress");
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("expected at least one deleveraging policy to compare");
        }
        List<DeleveragingPolicy> parsed = new ArrayList<>();
        for (String p : policies) {
            parsed.add(DeleveragingPolicy.parse(p));
        }
        progress.accept(0);
        ShortfallFinder finder = new ShortfallFinder(target);
        Replay.Snapshot kept;
        long bankruptStep;
        long first = ScenarioFeeds.firstTickMs(scenario);
        long end = ScenarioFeeds.endHintMs(scenario);
        try (Replay r = Replay.start(scenario, finder)) {
            if (r.live()) {
                throw new IllegalArgumentException("the lab replays recorded or synthetic feeds, not a live stream");
            }
            long steps = 0;
            // nothing before the target time can be the target: no snapshots kept on the way there
            while (r.nextTimeMs() < target.atMs() && r.step()) {
                finder.stepEnded();
                tick(++steps, r, first, end, cancelled, progress);
            }
            r.keepSnapshots(CADENCE);
            while (finder.found() == null) {
                if (!r.step()) {
                    break;
                }
                finder.stepEnded();
                tick(++steps, r, first, end, cancelled, progress);
            }
            if (finder.found() == null) {
                throw new NoShortfallException("no bankruptcy " + target.describe() + " reaches deleveraging in "
                        + scenario.name() + ": the insurance fund covered every one");
            }
            bankruptStep = r.position();
            kept = null;
            for (Replay.Snapshot s : r.snapshots()) {
                if (s.position() <= bankruptStep - 1) {
                    kept = s;
                }
            }
        }
        if (kept == null) {
            throw new IllegalStateException("no snapshot before feed event " + bankruptStep);
        }
        check(cancelled);
        Replay.Snapshot before;
        try (Replay back = Replay.restore(kept, ReplaySink.NONE)) {
            while (back.position() < bankruptStep - 1) {
                back.step();
                if (back.position() % CHECK_EVERY == 0) {
                    check(cancelled);
                }
            }
            before = back.snapshot();
        }
        progress.accept(REPLAY_SHARE);
        ShortfallFinder.Found found = finder.found();
        List<PolicyOutcome> outcomes = new ArrayList<>(policies.size());
        Parameters source = before.scenario().parameters();
        for (int i = 0; i < policies.size(); i++) {
            check(cancelled);
            DeleveragingPolicy policy = parsed.get(i);
            PolicyCollector collector = new PolicyCollector(found, policies.get(i),
                    policy instanceof RankedAdlPolicy ranked ? ranked.ranking() : null);
            try (Replay fork = Replay.fork(before, source.with("deleveraging", policies.get(i)), collector)) {
                collector.attach(fork);
                try {
                    fork.step();
                    collector.stepEnded();
                } catch (PolicyCollector.Settled settled) {
                    // the bankruptcy is settled; the rest of the fork's step is not needed
                }
            }
            outcomes.add(collector.outcome());
            progress.accept(REPLAY_SHARE + (1 - REPLAY_SHARE) * (i + 1) / policies.size());
        }
        return new LabResult(scenario.name(), scenario.deleveraging(), found.timeMs(), bankruptStep - 1,
                found.account(), found.subAccount(), found.marketSymbol(), found.markUsd(), found.deficitUsd(),
                found.fundPaidUsd(), found.shortfallUsd(), outcomes);
    }

    private static void tick(long steps, Replay r, long first, long end, BooleanSupplier cancelled,
                             DoubleConsumer progress) {
        if (steps % CHECK_EVERY != 0) {
            return;
        }
        check(cancelled);
        if (end != Long.MIN_VALUE && end > first && r.timeMs() != Long.MIN_VALUE) {
            double f = (double) (r.timeMs() - first) / (end - first);
            progress.accept(REPLAY_SHARE * Math.max(0, Math.min(1, f)));
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the deleveraging lab was cancelled");
        }
    }
}
