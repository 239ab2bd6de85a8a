package io.solvent.engine.oracle;

import io.solvent.engine.feed.PriceEvent;

import java.util.List;

/**
 * One asset's oracle: a deterministic state machine between the feed and the engine. It has no clock: time moves
 * only with {@link #observe(PriceEvent)} (to the event's timestamp) and {@link #advanceTo(long)}; both must be
 * given non-decreasing times. The rules, in the order an update meets them:
 *
 * <ol>
 *   <li><b>Delivery latency</b> (every oracle; Chainlink and Pyth push transactions, Hyperliquid's ~3 s validator
 *       median): an event observed at t is delivered at {@code t + latencyMs}. Deliveries keep feed order.</li>
 *   <li>Events whose source is a venue source ({@link MarkParameters}) update the mark only (rule 6).</li>
 *   <li><b>Confidence</b> (Pyth consumers: Drift rejects conf/price &gt; 2% for tier A, Mango's conf filter): an
 *       update with {@code confidence / price > maxConfidence} is dropped under {@link ConfidencePolicy#REJECT},
 *       or accepted and flagged {@link #wide()} under {@link ConfidencePolicy#WIDEN}. Exactly at the limit is
 *       accepted; an update without confidence (NaN) always passes.</li>
 *   <li><b>Deviation and heartbeat</b> (Chainlink Data Feeds; dYdX's 0.1% minimum change): a delivered update at
 *       time d is published at d iff nothing is published yet, or
 *       {@code |p − last| / last >= deviationThreshold}, or {@code d − publishedAt >= heartbeatMs}. Otherwise it is
 *       withheld (the newest withheld update replaces an older one) and published at exactly
 *       {@code publishedAt + heartbeatMs} unless something is published before. A heartbeat publishes only a
 *       withheld update: it never republishes an old one, so a silent source is seen as such (rule 5). A zero
 *       threshold publishes every delivered update.</li>
 *   <li><b>Staleness</b> (Chainlink consumers' {@code block.timestamp − updatedAt} check, Drift's StaleForMargin
 *       ≈ 60 s, Pyth's {@code publish_time}): {@code age = now − observedAt} of the published price, where
 *       observedAt is the feed timestamp, so latency counts. Stale iff {@code age > staleAfterMs}; exactly at the
 *       limit is fresh. What stale means for liquidations is the {@link StalenessPolicy}.</li>
 *   <li><b>Mark</b> (Hyperliquid, Binance): see {@link MarkMethod} and {@link MarkParameters} for the formulas;
 *       venue prices are delivered with the same latency; the latest price of each venue source is kept.</li>
 * </ol>
 *
 * <p>Allocation-free per event once the in-flight buffer has grown to the number of updates that can be in
 * flight at once (it doubles when needed). Not thread-safe: one engine thread drives it.
 */
public final class AssetOracle {
    private final String symbol;
    private final OracleParameters p;
    private final String[] venueSources;
    private final OracleListener listener;

    private long now = Long.MIN_VALUE;

    // in flight: observed, not yet delivered (FIFO ring)
    private long[] qObserved = new long[16];
    private long[] qDue = new long[16];
    private double[] qPrice = new double[16];
    private double[] qConfidence = new double[16];
    private int[] qSlot = new int[16];
    private int qHead;
    private int qSize;

    // delivered, withheld by the deviation rule
    private boolean hasPending;
    private long pendingObserved;
    private double pendingPrice;
    private double pendingConfidence;
    private boolean pendingWide;

    // published
    private boolean hasPrice;
    private double price = Double.NaN;
    private double confidence = Double.NaN;
    private boolean wide;
    private long observedAt;
    private long publishedAt;

    // mark
    private final double[] venuePrice;
    private final double[] scratch;
    private double premiumEma = Double.NaN;
    private long premiumEmaAt;

    private double observedPrice = Double.NaN; // the latest feed price observed (not a venue price), before any rule
    private long published;
    private long withheld;
    private long rejected;

    /**
     * @param symbol     the feed symbol whose events it takes
     * @param parameters its rules
     * @param listener   told of each publication; {@code null} for none
     */
    public AssetOracle(String symbol, OracleParameters parameters, OracleListener listener) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must be a non-empty name");
        }
        this.symbol = symbol;
        this.p = java.util.Objects.requireNonNull(parameters, "parameters");
        List<String> venues = parameters.mark().venueSources();
        this.venueSources = venues.toArray(new String[0]);
        this.venuePrice = new double[venueSources.length];
        java.util.Arrays.fill(venuePrice, Double.NaN);
        this.scratch = new double[venueSources.length + 1];
        this.listener = listener;
    }

    /**
     * A copy of this oracle in its current state (in-flight updates, withheld update, published price, mark), told
     * of its publications through another listener: for snapshots and forks.
     *
     * @param listener told of the copy's publications; {@code null} for none
     * @return the copy
     */
    public AssetOracle copy(OracleListener listener) {
        return copyInto(new AssetOracle(symbol, p, listener));
    }

    /**
     * A fork of this oracle: a copy in its current state that continues under other rules. What carries over: the
     * current time, the published price (with its confidence, observation and publication times), the update
     * withheld by the deviation rule, the mark's venue prices and premium EMA, the counters, and the updates in
     * flight — each still delivered when it was scheduled under the old latency (feed order is kept, so an update
     * observed after the fork waits behind them even under a shorter latency). The new rules apply from the fork on:
     * the new latency to updates observed from now, the new deviation threshold to the next delivery, the new
     * heartbeat to the withheld update (due at {@code publishedAt + heartbeatMs}), the new staleness limit and
     * policy at once, the new confidence rule to the next delivery.
     *
     * @param parameters the fork's rules; their mark must name the same venue sources
     * @param listener   told of the fork's publications; {@code null} for none
     * @return the fork
     * @throws IllegalArgumentException if the mark's venue sources differ
     */
    public AssetOracle fork(OracleParameters parameters, OracleListener listener) {
        if (!parameters.mark().venueSources().equals(p.mark().venueSources())) {
            throw new IllegalArgumentException("oracle of " + symbol + ": a fork cannot change the mark's venue sources "
                    + p.mark().venueSources() + " to " + parameters.mark().venueSources());
        }
        return copyInto(new AssetOracle(symbol, parameters, listener));
    }

    private AssetOracle copyInto(AssetOracle c) {
        c.now = now;
        c.qObserved = qObserved.clone();
        c.qDue = qDue.clone();
        c.qPrice = qPrice.clone();
        c.qConfidence = qConfidence.clone();
        c.qSlot = qSlot.clone();
        c.qHead = qHead;
        c.qSize = qSize;
        c.hasPending = hasPending;
        c.pendingObserved = pendingObserved;
        c.pendingPrice = pendingPrice;
        c.pendingConfidence = pendingConfidence;
        c.pendingWide = pendingWide;
        c.hasPrice = hasPrice;
        c.price = price;
        c.confidence = confidence;
        c.wide = wide;
        c.observedAt = observedAt;
        c.publishedAt = publishedAt;
        System.arraycopy(venuePrice, 0, c.venuePrice, 0, venuePrice.length);
        c.premiumEma = premiumEma;
        c.premiumEmaAt = premiumEmaAt;
        c.observedPrice = observedPrice;
        c.published = published;
        c.withheld = withheld;
        c.rejected = rejected;
        return c;
    }

    /**
     * Takes one feed event of this symbol observed at t: delivers and heartbeats what is due before t, puts the
     * event in flight, then delivers and heartbeats what is due at t (with zero latency this event is delivered at
     * once, before a heartbeat due at t).
     *
     * @param e a price of this symbol, at or after the current time
     * @throws IllegalArgumentException if the symbol differs or the time is before the current time
     */
    public void observe(PriceEvent e) {
        if (!symbol.equals(e.symbol())) {
            throw new IllegalArgumentException("oracle of " + symbol + " given a price of " + e.symbol());
        }
        long t = e.timestampMs();
        checkTime(t);
        run(t, false);
        int slot = -1;
        String source = e.source();
        for (int i = 0; i < venueSources.length; i++) {
            if (venueSources[i].equals(source)) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            observedPrice = e.price();
        }
        enqueue(t, e.price(), e.confidence(), slot);
        run(t, true);
        now = t;
    }

    /**
     * Moves the oracle's time to {@code timeMs}, delivering the updates due by then and publishing the heartbeats
     * due by then, in time order (a delivery before a heartbeat at the same ms).
     *
     * @param timeMs ms since the Unix epoch, UTC, {@code >=} the current time
     * @throws IllegalArgumentException if time would go backwards
     */
    public void advanceTo(long timeMs) {
        checkTime(timeMs);
        run(timeMs, true);
        now = timeMs;
    }

    /**
     * @return when this oracle next delivers or publishes a heartbeat, ms since the Unix epoch, UTC (at the earliest
     * its current time); {@link Long#MAX_VALUE} when nothing is due
     */
    public long nextDueMs() {
        long delivery = qSize > 0 ? Math.max(now, qDue[qHead]) : Long.MAX_VALUE;
        long heartbeat = hasPending ? Math.max(now, saturatingAdd(publishedAt, p.heartbeatMs())) : Long.MAX_VALUE;
        return Math.min(delivery, heartbeat);
    }

    private void checkTime(long timeMs) {
        if (timeMs < now) {
            throw new IllegalArgumentException("oracle of " + symbol + ": time went backwards from " + now + " to "
                    + timeMs);
        }
    }

    /**
     * Delivers and heartbeats, in time order, up to {@code limit} (inclusive or not). Observing an event at t runs
     * up to t exclusive, enqueues it, then runs up to t inclusive: so a zero-latency event at t is delivered before
     * a heartbeat due at t, as the latency-shifted feed would be.
     */
    private void run(long limit, boolean inclusive) {
        while (true) {
            // the head's due time was fixed when it was observed: after a fork to a shorter latency it may be past
            long delivery = qSize > 0 ? Math.max(now, qDue[qHead]) : Long.MAX_VALUE;
            // after a fork to a shorter heartbeat, a withheld update's heartbeat may be past too: published now
            long heartbeat = hasPending ? Math.max(now, saturatingAdd(publishedAt, p.heartbeatMs())) : Long.MAX_VALUE;
            if (qSize > 0 && due(delivery, limit, inclusive) && delivery <= heartbeat) {
                now = delivery;
                deliver();
            } else if (hasPending && due(heartbeat, limit, inclusive)) {
                now = heartbeat;
                publish(pendingObserved, pendingPrice, pendingConfidence, pendingWide);
            } else {
                return;
            }
        }
    }

    private static boolean due(long time, long limit, boolean inclusive) {
        return inclusive ? time <= limit : time < limit;
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    private void enqueue(long observed, double px, double conf, int slot) {
        if (qSize == qObserved.length) {
            grow();
        }
        int i = (qHead + qSize) % qObserved.length;
        qObserved[i] = observed;
        qDue[i] = saturatingAdd(observed, p.latencyMs());
        qPrice[i] = px;
        qConfidence[i] = conf;
        qSlot[i] = slot;
        qSize++;
    }

    private void grow() {
        int n = qObserved.length;
        long[] o = new long[2 * n];
        long[] due = new long[2 * n];
        double[] pr = new double[2 * n];
        double[] c = new double[2 * n];
        int[] s = new int[2 * n];
        for (int k = 0; k < qSize; k++) {
            int i = (qHead + k) % n;
            o[k] = qObserved[i];
            due[k] = qDue[i];
            pr[k] = qPrice[i];
            c[k] = qConfidence[i];
            s[k] = qSlot[i];
        }
        qObserved = o;
        qDue = due;
        qPrice = pr;
        qConfidence = c;
        qSlot = s;
        qHead = 0;
    }

    private void deliver() {
        int i = qHead;
        qHead = (qHead + 1) % qObserved.length;
        qSize--;
        long obs = qObserved[i];
        double px = qPrice[i];
        double conf = qConfidence[i];
        int slot = qSlot[i];
        if (slot >= 0) {
            venuePrice[slot] = px;
            if (slot == 0 && hasPrice) {
                samplePremium(px - price);
            }
            if (hasPrice && p.mark().method() != MarkMethod.INDEX && listener != null) {
                listener.published(this); // the mark moved: a margin engine valuing at the mark must see it
            }
            return;
        }
        boolean isWide = false;
        if (!Double.isNaN(conf) && conf / px > p.maxConfidence()) {
            if (p.confidencePolicy() == ConfidencePolicy.REJECT) {
                rejected++;
                return;
            }
            isWide = true;
        }
        if (!hasPrice || Math.abs(px - price) / price >= p.deviationThreshold()
                || now - publishedAt >= p.heartbeatMs()) {
            publish(obs, px, conf, isWide);
        } else {
            withheld++;
            hasPending = true;
            pendingObserved = obs;
            pendingPrice = px;
            pendingConfidence = conf;
            pendingWide = isWide;
        }
    }

    private void samplePremium(double x) {
        if (Double.isNaN(premiumEma)) {
            premiumEma = x;
        } else {
            long tau = p.mark().premiumEmaMs();
            double alpha = tau == 0 ? 1.0 : 1.0 - StrictMath.exp(-(double) (now - premiumEmaAt) / tau);
            premiumEma += alpha * (x - premiumEma);
        }
        premiumEmaAt = now;
    }

    private void publish(long obs, double px, double conf, boolean isWide) {
        hasPending = false;
        hasPrice = true;
        observedAt = obs;
        publishedAt = now;
        price = px;
        confidence = conf;
        wide = isWide;
        published++;
        if (listener != null) {
            listener.published(this);
        }
    }

    /** @return the feed symbol */
    public String symbol() {
        return symbol;
    }

    /** @return the rules */
    public OracleParameters parameters() {
        return p;
    }

    /** @return the oracle's current time, ms since the Unix epoch, UTC ({@link Long#MIN_VALUE} before any) */
    public long nowMs() {
        return now;
    }

    /** @return whether a price has been published */
    public boolean hasPrice() {
        return hasPrice;
    }

    /** @return the published price, USD per unit; NaN before the first */
    public double price() {
        return price;
    }

    /**
     * The price a margin engine values the asset at: the mark ({@link #markPrice()}) when the mark method is not
     * {@link MarkMethod#INDEX} (Hyperliquid and Binance margin perpetuals at the mark), else the published price.
     *
     * @return USD per unit; NaN before the first publication
     */
    public double valuationPrice() {
        return p.mark().method() == MarkMethod.INDEX ? price : markPrice();
    }

    /**
     * The half-spread a margin engine values the asset with ({@code P ∓ c} on each exposure's conservative side):
     * the published confidence when the update was accepted {@link #wide()} under {@link ConfidencePolicy#WIDEN}, else
     * 0. Capped below half the valuation price, so that the conservative side stays positive.
     *
     * @return USD per unit, {@code >= 0}
     */
    public double valuationSpread() {
        if (!wide || Double.isNaN(confidence)) {
            return 0;
        }
        return Math.min(confidence, 0.5 * valuationPrice());
    }

    /**
     * @return the latest price observed on the feed (not a venue price), before latency, confidence, deviation and
     *         heartbeat rules, USD per unit: what the market showed, beside what the oracle published; NaN before any
     */
    public double observedPrice() {
        return observedPrice;
    }

    /** @return the published price's one-sigma confidence, USD per unit; NaN when the source gave none */
    public double confidence() {
        return confidence;
    }

    /** @return {@code max(0, price − confidence)} (the price when there is no confidence); NaN before the first */
    public double lowerPrice() {
        return Double.isNaN(confidence) ? price : Math.max(0, price - confidence);
    }

    /** @return {@code price + confidence} (the price when there is no confidence); NaN before the first */
    public double upperPrice() {
        return Double.isNaN(confidence) ? price : price + confidence;
    }

    /**
     * @return whether the published update exceeded the confidence limit and was accepted under
     * {@link ConfidencePolicy#WIDEN}
     */
    public boolean wide() {
        return wide;
    }

    /**
     * The price a liquidation check should use for an exposure on one side: when the published update is
     * {@link #wide()}, the side that is worse for the account — {@link #lowerPrice()} for a long (collateral, a
     * long perp: worth less) and {@link #upperPrice()} for a short (a borrow, a short perp: costs more); otherwise
     * the published price.
     *
     * @param side {@code +1} long, {@code -1} short
     * @return USD per unit; NaN before the first publication
     */
    public double conservativePrice(int side) {
        if (side != 1 && side != -1) {
            throw new IllegalArgumentException("side must be +1 (long) or -1 (short), was " + side);
        }
        if (!wide) {
            return price;
        }
        return side > 0 ? lowerPrice() : upperPrice();
    }

    /** @return feed timestamp of the published price, ms since the Unix epoch, UTC */
    public long observedAtMs() {
        return observedAt;
    }

    /** @return when the published price reached the engine, ms since the Unix epoch, UTC */
    public long publishedAtMs() {
        return publishedAt;
    }

    /** @return {@code now − observedAt} of the published price, ms; {@link Long#MAX_VALUE} before the first */
    public long ageMs() {
        return hasPrice ? now - observedAt : Long.MAX_VALUE;
    }

    /** @return whether a published price's age exceeds {@code staleAfterMs} */
    public boolean stale() {
        return hasPrice && now - observedAt > p.staleAfterMs();
    }

    /** @return the freshness at the current time */
    public OracleStatus status() {
        return !hasPrice ? OracleStatus.NO_PRICE : stale() ? OracleStatus.STALE : OracleStatus.FRESH;
    }

    /**
     * @return whether liquidations may run at the current time: a fresh price, or a stale one under
     * {@link StalenessPolicy#KEEP_LAST}; never before the first price
     */
    public boolean liquidationsAllowed() {
        return hasPrice && (!stale() || p.stalenessPolicy() == StalenessPolicy.KEEP_LAST);
    }

    /** @return the premium EMA, USD per unit; NaN before its first sample */
    public double premiumEma() {
        return premiumEma;
    }

    /**
     * @param slot index in {@link MarkParameters#venueSources()}
     * @return the latest delivered price of that venue source, USD per unit; NaN before any
     */
    public double venuePrice(int slot) {
        return venuePrice[slot];
    }

    /**
     * The mark price by {@link MarkMethod}: INDEX → the published price; INDEX_PLUS_PREMIUM_EMA →
     * {@code price + premiumEma} (premium 0 before its first sample); MEDIAN →
     * {@link MedianCalculator#median median}({@code price + premiumEma}, each venue price delivered so far).
     *
     * @return USD per unit; NaN before the first publication
     */
    public double markPrice() {
        if (!hasPrice) {
            return Double.NaN;
        }
        double adjusted = price + (Double.isNaN(premiumEma) ? 0 : premiumEma);
        return switch (p.mark().method()) {
            case INDEX -> price;
            case INDEX_PLUS_PREMIUM_EMA -> adjusted;
            case MEDIAN -> {
                int n = 0;
                scratch[n++] = adjusted;
                for (double v : venuePrice) {
                    if (!Double.isNaN(v)) {
                        scratch[n++] = v;
                    }
                }
                yield MedianCalculator.median(scratch, n);
            }
        };
    }

    /** @return updates published so far (deliveries and heartbeats) */
    public long publishedCount() {
        return published;
    }

    /** @return delivered updates withheld by the deviation rule so far (some later published by a heartbeat) */
    public long withheldCount() {
        return withheld;
    }

    /** @return updates dropped by the confidence rule so far */
    public long rejectedCount() {
        return rejected;
    }

    /**
     * @return when the last update in flight is due, ms since the Unix epoch, UTC; {@link Long#MIN_VALUE} when none
     * is in flight
     */
    public long lastDueMs() {
        return qSize == 0 ? Long.MIN_VALUE : qDue[(qHead + qSize - 1) % qDue.length];
    }

    /** @return updates observed but not yet delivered (latency) */
    public int inFlight() {
        return qSize;
    }
}
