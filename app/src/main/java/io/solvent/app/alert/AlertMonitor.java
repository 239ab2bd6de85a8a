package io.solvent.app.alert;

import io.solvent.app.viewmodel.Format;
import io.solvent.app.viewmodel.OverviewViewModel;
import io.solvent.engine.feed.SourceStatusEvent;
import io.solvent.engine.sim.loop.EngineView;
import io.solvent.engine.sim.view.AccountRow;
import io.solvent.engine.sim.view.AssetView;
import io.solvent.engine.sim.view.Distribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Evaluates the alert rules against each new {@link EngineView}, the same way for a replay and for a live feed: no FX,
 * no clock of its own but the wall clock it is given for stamping. A rule raises an {@link AlertEvent} when its
 * condition starts to hold; it is then not raised again until the value has gone back past its re-arm level
 * ({@link AlertRule#rearmLevel()}) and stayed there for the rule's hold ({@link AlertRule#rearmHoldMs()}, simulated
 * time), so a value hovering at the threshold raises once. A raised alert stays active until
 * acknowledged. The history is bounded.
 *
 * <p>Simulated time comes from the view. When it goes backwards (a seek back), the alerts raised after the new moment
 * are retracted (unless already acknowledged) and each rule is put back in the state it had at that moment, so the
 * replay raises them again when it gets there. Each run (fork) has its own rule states.
 *
 * <p>Single-threaded: call it from one thread (the FX thread's pulse). Per view it reads O(assets + riskiest +
 * sources) and allocates nothing unless an alert is raised.
 */
public final class AlertMonitor {
    /** How many alerts the history keeps by default. */
    public static final int DEFAULT_CAPACITY = 500;
    private static final int EPISODES_KEPT = 64;

    private final LongSupplier wallMs;
    private final int capacity;
    private AlertRules rules;
    private final Map<String, Map<String, RuleState>> runs = new HashMap<>();
    private final Map<String, Long> runTimes = new HashMap<>();
    private final ArrayList<AlertEntry> history = new ArrayList<>();
    private long lastSequence = Long.MIN_VALUE;
    private long nextSeq = 1;
    private int unacknowledged;
    private long version;
    private long dropped;

    // per view, reused: the riskiest sub-accounts' health factors, ascending
    private double[] healthFactors = new double[64];
    private int healthCount;
    private long healthOf = Long.MIN_VALUE; // the sequence of the view they are of
    // what the last measure found, besides its value
    private boolean sourceTrouble;

    /** A rule's state in one run. */
    private static final class RuleState {
        boolean fired;
        long clearingSince = Long.MIN_VALUE; // raised, and back past the re-arm level since then (for the hold)
        final ArrayDeque<Episode> episodes = new ArrayDeque<>();
    }

    /** One raise of a rule and when its condition cleared. */
    private static final class Episode {
        final long seq;
        final long raisedMs;
        long clearedMs = Long.MIN_VALUE;

        Episode(long seq, long raisedMs) {
            this.seq = seq;
            this.raisedMs = raisedMs;
        }
    }

    /**
     * @param rules    the rules
     * @param wallMs   the wall clock, ms since the Unix epoch (System::currentTimeMillis; a fake one in tests)
     * @param capacity how many alerts the history keeps (the oldest acknowledged ones go first)
     */
    public AlertMonitor(AlertRules rules, LongSupplier wallMs, int capacity) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.wallMs = Objects.requireNonNull(wallMs, "wallMs");
        if (capacity < 1) {
            throw new IllegalArgumentException("expected a history of at least 1 alert, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** @param rules the rules, the new ones from the next view on (a rule keeps its state across edits) */
    public void setRules(AlertRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** @return the rules */
    public AlertRules rules() {
        return rules;
    }

    /**
     * Evaluates every enabled rule against a view; does nothing for a view already seen (same sequence).
     *
     * @param v the engine's newest view
     * @return the alerts raised by it, in rule order; empty (and not allocated) when none
     */
    public List<AlertEvent> update(EngineView v) {
        if (v.sequence() == lastSequence) {
            return List.of();
        }
        lastSequence = v.sequence();
        long t = v.timeMs();
        if (t == Long.MIN_VALUE) {
            return List.of();
        }
        String run = v.activeLabel();
        Map<String, RuleState> states = runs.computeIfAbsent(run, k -> new HashMap<>());
        Long last = runTimes.put(run, t);
        if (last != null && t < last) {
            rewind(states, t);
        }
        List<AlertEvent> raised = List.of();
        for (AlertRule r : rules.rules()) {
            RuleState s = states.computeIfAbsent(r.id(), k -> new RuleState());
            if (!r.enabled()) {
                close(s, t);
                continue;
            }
            double value = measure(r, v);
            if (Double.isNaN(value) && r.kind() != AlertKind.ORACLE_STALE) {
                continue; // nothing to measure yet (no risk pass, no price): the state stands
            }
            if (!s.fired && breached(r, value)) {
                AlertEvent e = new AlertEvent(nextSeq++, r, run, t, wallMs.getAsLong(), value, message(r, v, value));
                s.fired = true;
                s.episodes.addLast(new Episode(e.seq(), t));
                if (s.episodes.size() > EPISODES_KEPT) {
                    s.episodes.removeFirst();
                }
                record(e);
                if (raised.isEmpty()) {
                    raised = new ArrayList<>(2);
                }
                raised.add(e);
            } else if (s.fired) {
                if (!cleared(r, value)) {
                    s.clearingSince = Long.MIN_VALUE;
                } else {
                    if (s.clearingSince == Long.MIN_VALUE) {
                        s.clearingSince = t;
                    }
                    if (t - s.clearingSince >= r.rearmHoldMs()) {
                        close(s, t);
                    }
                }
            }
        }
        return raised.isEmpty() ? List.of() : Collections.unmodifiableList(raised);
    }

    private static void close(RuleState s, long t) {
        s.clearingSince = Long.MIN_VALUE;
        if (s.fired) {
            s.fired = false;
            if (!s.episodes.isEmpty()) {
                s.episodes.getLast().clearedMs = t;
            }
        }
    }

    private boolean breached(AlertRule r, double value) {
        if (r.kind() == AlertKind.ORACLE_STALE && sourceTrouble) {
            return true;
        }
        return r.kind().above() ? value > r.threshold() : value < r.threshold();
    }

    private boolean cleared(AlertRule r, double value) {
        if (r.kind() == AlertKind.ORACLE_STALE && sourceTrouble) {
            return false;
        }
        if (Double.isNaN(value)) {
            return r.kind() == AlertKind.ORACLE_STALE; // the sources came back and no asset has an age
        }
        return r.kind().above() ? value <= r.rearmLevel() : value >= r.rearmLevel();
    }

    /** Puts every rule of a run back in the state it had at simulated time t; retracts what was raised after. */
    private void rewind(Map<String, RuleState> states, long t) {
        long now = wallMs.getAsLong();
        for (RuleState s : states.values()) {
            while (!s.episodes.isEmpty() && s.episodes.getLast().raisedMs > t) {
                retract(s.episodes.removeLast().seq, now);
            }
            s.clearingSince = Long.MIN_VALUE;
            Episode e = s.episodes.peekLast();
            s.fired = e != null && (e.clearedMs == Long.MIN_VALUE || e.clearedMs > t);
            if (s.fired) {
                e.clearedMs = Long.MIN_VALUE;
            }
        }
    }

    private void retract(long seq, long now) {
        int i = indexOf(seq);
        if (i >= 0 && history.get(i).active()) {
            history.set(i, new AlertEntry(history.get(i).event(), AlertEntry.Status.RETRACTED, now));
            unacknowledged--;
            version++;
        }
    }

    private void record(AlertEvent e) {
        history.add(new AlertEntry(e, AlertEntry.Status.ACTIVE, e.wallTimeMs()));
        unacknowledged++;
        version++;
        if (history.size() > capacity) {
            int drop = 0;
            for (int i = 0; i < history.size() - 1; i++) {
                if (!history.get(i).active()) {
                    drop = i;
                    break;
                }
            }
            if (history.remove(drop).active()) {
                unacknowledged--;
            }
            dropped++;
        }
    }

    private int indexOf(long seq) {
        int lo = 0;
        int hi = history.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = history.get(mid).event().seq();
            if (s < seq) {
                lo = mid + 1;
            } else if (s > seq) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * @param seq an alert's number
     * @return whether it was active and is now acknowledged
     */
    public boolean acknowledge(long seq) {
        int i = indexOf(seq);
        if (i < 0 || !history.get(i).active()) {
            return false;
        }
        history.set(i, new AlertEntry(history.get(i).event(), AlertEntry.Status.ACKNOWLEDGED, wallMs.getAsLong()));
        unacknowledged--;
        version++;
        return true;
    }

    /** @return how many active alerts were acknowledged */
    public int acknowledgeAll() {
        long now = wallMs.getAsLong();
        int n = 0;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).active()) {
                history.set(i, new AlertEntry(history.get(i).event(), AlertEntry.Status.ACKNOWLEDGED, now));
                n++;
            }
        }
        unacknowledged -= n;
        if (n > 0) {
            version++;
        }
        return n;
    }

    /** Forgets every run's state (a new session), keeping the history. */
    public void reset() {
        runs.clear();
        runTimes.clear();
        lastSequence = Long.MIN_VALUE;
    }

    /** @return the alerts kept, oldest first (a copy) */
    public List<AlertEntry> history() {
        return List.copyOf(history);
    }

    /** @return alerts raised and not yet acknowledged (nor retracted) */
    public int unacknowledged() {
        return unacknowledged;
    }

    /** @return a number that changes whenever the history does (raise, acknowledgement, retraction) */
    public long version() {
        return version;
    }

    /** @return alerts dropped from the history to keep it bounded */
    public long dropped() {
        return dropped;
    }

    /** @return whether a rule is raised (its condition held and has not yet cleared) in a run */
    public boolean raised(String run, String ruleId) {
        Map<String, RuleState> states = runs.get(run);
        RuleState s = states == null ? null : states.get(ruleId);
        return s != null && s.fired;
    }

    // ---- measures: each in the kind's unit; NaN when there is nothing to measure yet

    /**
     * @param r a rule
     * @param v a view
     * @return what the rule measures in the view, in its kind's unit; NaN when there is nothing to measure yet
     */
    double measure(AlertRule r, EngineView v) {
        sourceTrouble = false;
        return switch (r.kind()) {
            case HEALTH_FACTOR -> nthLowestHealth(v, r.count());
            case ACCOUNTS_AT_RISK -> v.figuresAtMs() == Long.MIN_VALUE ? Double.NaN : v.atRisk();
            case FUND_COVERAGE -> 100 * OverviewViewModel.fundCoverage(v.fundUsd(),
                    OverviewViewModel.liquidatedByCoverageMoveUsd(v));
            case BAD_DEBT -> v.figuresAtMs() == Long.MIN_VALUE ? Double.NaN : v.summary().badDebtUsd();
            case ORACLE_STALE -> {
                for (SourceStatusEvent s : v.sources()) {
                    sourceTrouble |= s.status() != SourceStatusEvent.Status.CONNECTED;
                }
                AssetView a = oldest(v);
                yield a == null ? Double.NaN : a.ageMs();
            }
            case SOURCE_DIVERGENCE -> {
                AssetView a = mostDivergent(v);
                yield a == null ? Double.NaN : divergencePct(a);
            }
        };
    }

    private void healthFactors(EngineView v) {
        if (healthOf == v.sequence()) {
            return;
        }
        healthOf = v.sequence();
        List<AccountRow> rows = v.risk().riskiest();
        if (healthFactors.length < rows.size()) {
            healthFactors = new double[rows.size()];
        }
        int n = 0;
        for (AccountRow row : rows) {
            if (!Double.isNaN(row.healthFactor())) {
                healthFactors[n++] = row.healthFactor();
            }
        }
        Arrays.sort(healthFactors, 0, n);
        healthCount = n;
    }

    /**
     * The n-th lowest health factor: exact among the riskiest sub-accounts the view lists; beyond them, the upper edge
     * of the distribution's bin it falls in (so that a rule raises only when n sub-accounts are surely below).
     */
    private double nthLowestHealth(EngineView v, int n) {
        if (v.risk().asOfMs() == Long.MIN_VALUE) {
            return Double.NaN;
        }
        healthFactors(v);
        if (n <= healthCount) {
            return healthFactors[n - 1];
        }
        Distribution d = v.risk().healthFactors();
        long cumulative = 0;
        for (int i = 0; i < d.counts().size(); i++) {
            cumulative += d.counts().get(i);
            if (cumulative >= n) {
                return i + 1 < d.edges().size() ? d.edges().get(i + 1) : Double.POSITIVE_INFINITY;
            }
        }
        return Double.POSITIVE_INFINITY; // fewer than n sub-accounts with liabilities
    }

    private static AssetView oldest(EngineView v) {
        AssetView oldest = null;
        for (AssetView a : v.assets()) {
            if (a.freshness() != AssetView.Freshness.NO_FEED && a.ageMs() >= 0
                    && (oldest == null || a.ageMs() > oldest.ageMs())) {
                oldest = a;
            }
        }
        return oldest;
    }

    private static double divergencePct(AssetView a) {
        double f = a.feedPriceUsd();
        double o = a.oraclePriceUsd();
        return Double.isFinite(f) && Double.isFinite(o) && o > 0 && f > 0 ? 100 * Math.abs(f - o) / o : Double.NaN;
    }

    private static AssetView mostDivergent(EngineView v) {
        AssetView worst = null;
        double most = -1;
        for (AssetView a : v.assets()) {
            double d = divergencePct(a);
            if (d > most) {
                most = d;
                worst = a;
            }
        }
        return worst;
    }

    // ---- messages, made only when a rule raises

    private String message(AlertRule r, EngineView v, double value) {
        String at = v.labels().size() > 1 ? " [run " + v.activeLabel() + "]" : "";
        return switch (r.kind()) {
            case HEALTH_FACTOR -> healthMessage(r, v, value) + at;
            case ACCOUNTS_AT_RISK -> Format.count((long) value) + " sub-accounts at risk (health factor < 1.1), "
                    + Format.count(v.liquidatable()) + " liquidatable now; threshold "
                    + r.kind().format(r.threshold()) + at;
            case FUND_COVERAGE -> {
                double lar = OverviewViewModel.liquidatedByCoverageMoveUsd(v);
                yield "fund " + Format.usd(v.fundUsd()) + " covers " + r.kind().format(value) + " of the "
                        + Format.usd(lar) + " a " + OverviewViewModel.COVERAGE_MOVE_PCT
                        + "% move liquidates; threshold " + r.kind().format(r.threshold()) + at;
            }
            case BAD_DEBT -> "bad debt " + Format.usd(value) + " so far, " + Format.count(v.summary().bankruptcies())
                    + " bankruptcies, fund " + Format.usd(v.fundUsd()) + "; threshold "
                    + r.kind().format(r.threshold()) + at;
            case ORACLE_STALE -> staleMessage(r, v, value) + at;
            case SOURCE_DIVERGENCE -> {
                AssetView a = mostDivergent(v);
                yield a.symbol() + " feed " + Format.price(a.feedPriceUsd()) + " vs oracle "
                        + Format.price(a.oraclePriceUsd()) + ": " + r.kind().format(value) + " apart; threshold "
                        + r.kind().format(r.threshold()) + at;
            }
        };
    }

    private String healthMessage(AlertRule r, EngineView v, double value) {
        AccountRow lowest = null;
        for (AccountRow row : v.risk().riskiest()) {
            if (!Double.isNaN(row.healthFactor()) && (lowest == null || row.healthFactor() < lowest.healthFactor())) {
                lowest = row;
            }
        }
        int below = 0;
        for (int i = 0; i < healthCount && healthFactors[i] < r.threshold(); i++) {
            below++;
        }
        String count = r.count() > healthCount ? "at least " + Format.count(r.count())
                : (below == healthCount && healthCount == v.risk().riskiest().size() ? "at least " : "")
                        + Format.count(below);
        String who = lowest == null ? "" : "; lowest " + Format.times(lowest.healthFactor()) + " "
                + lowest.account() + "/" + lowest.subAccount() + (lowest.liquidatable() ? " (liquidatable)" : "");
        String nth = r.count() <= 1 ? "" : "; the " + ordinal(r.count()) + " lowest "
                + (r.count() > healthCount ? "≤ " : "") + Format.times(value);
        return count + (count.equals("1") ? " sub-account" : " sub-accounts") + " below "
                + Format.times(r.threshold()) + " (risk pass at " + Format.clock(v.risk().asOfMs()) + " UTC)" + who + nth;
    }

    private static String ordinal(int n) {
        int m = n % 100;
        String suffix = m >= 11 && m <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private String staleMessage(AlertRule r, EngineView v, double value) {
        StringBuilder b = new StringBuilder();
        for (SourceStatusEvent s : v.sources()) {
            if (s.status() != SourceStatusEvent.Status.CONNECTED) {
                b.append(b.isEmpty() ? "live source " : ", ").append(s.source()).append(' ')
                        .append(s.status() == SourceStatusEvent.Status.STALE ? "STALE" : "DISCONNECTED (reconnecting)");
                if (!s.reason().isEmpty()) {
                    b.append(" (").append(s.reason()).append(')');
                }
            }
        }
        AssetView a = oldest(v);
        if (a != null && (value > r.threshold() || b.isEmpty())) {
            b.append(b.isEmpty() ? "" : "; ").append(a.symbol()).append(" oracle price ")
                    .append(Format.duration(a.ageMs())).append(" old")
                    .append(a.freshness() == AssetView.Freshness.STALE ? " (stale)" : "")
                    .append(a.paused() ? ", liquidations paused" : "");
        }
        b.append("; threshold ").append(r.kind().format(r.threshold()));
        return b.toString();
    }
}
