package io.solvent.engine.oracle;

import io.solvent.engine.model.ModelValidationException;

/**
 * One asset's oracle model. Each rule, the venue it models and its exact formula are on {@link AssetOracle}.
 *
 * @param latencyMs          delivery latency: a price observed at t is seen at t + latencyMs, ms, {@code >= 0}
 * @param deviationThreshold Chainlink deviation threshold: publish when |p − last| / last {@code >=} this fraction,
 *                           {@code >= 0} (0: publish every update; Chainlink ETH/USD 0.005, dYdX 0.001)
 * @param heartbeatMs        Chainlink heartbeat: publish a withheld update once this long has passed since the last
 *                           publication, ms, {@code >= 0}; {@link Long#MAX_VALUE} for none
 * @param staleAfterMs       a published price whose age exceeds this is stale, ms, {@code >= 0};
 *                           {@link Long#MAX_VALUE} for never (Drift StaleForMargin ≈ 60 000)
 * @param stalenessPolicy    what a stale price means for liquidations
 * @param maxConfidence      largest accepted confidence / price, a fraction, {@code >= 0};
 *                           {@link Double#POSITIVE_INFINITY} for no limit (Drift tier A 0.02, Mango 0.10)
 * @param confidencePolicy   what happens above {@code maxConfidence}
 * @param mark               how the mark price is formed
 */
public record OracleParameters(long latencyMs, double deviationThreshold, long heartbeatMs, long staleAfterMs,
                               StalenessPolicy stalenessPolicy, double maxConfidence,
                               ConfidencePolicy confidencePolicy, MarkParameters mark) {

    /** The longest delivery latency, ms (an hour): a feed silent for longer is a freeze, not a latency. */
    public static final long MAX_LATENCY_MS = 3_600_000;

    public OracleParameters {
        nonNegative("latencyMs", latencyMs);
        if (latencyMs > MAX_LATENCY_MS) {
            throw new ModelValidationException("latencyMs", "expected a latency from 0 to " + MAX_LATENCY_MS
                    + " ms (an hour; a feed silent for longer is a \"freeze\" shock), was " + latencyMs);
        }
        if (!(deviationThreshold >= 0) || !Double.isFinite(deviationThreshold)) {
            throw new ModelValidationException("deviationThreshold", "expected a finite fraction >= 0, was "
                    + deviationThreshold);
        }
        nonNegative("heartbeatMs", heartbeatMs);
        nonNegative("staleAfterMs", staleAfterMs);
        if (stalenessPolicy == null) {
            throw new ModelValidationException("stalenessPolicy", "expected KEEP_LAST or PAUSE, was missing");
        }
        if (!(maxConfidence >= 0)) {
            throw new ModelValidationException("maxConfidence", "expected a fraction >= 0 (or infinity for no limit),"
                    + " was " + maxConfidence);
        }
        if (confidencePolicy == null) {
            throw new ModelValidationException("confidencePolicy", "expected REJECT or WIDEN, was missing");
        }
        if (mark == null) {
            throw new ModelValidationException("mark", "expected mark parameters, was missing");
        }
    }

    private static void nonNegative(String field, long ms) {
        if (ms < 0) {
            throw new ModelValidationException(field, "expected a duration >= 0 ms, was " + ms);
        }
    }

    /**
     * @return an oracle that passes the feed through unchanged: no latency, every update published, never stale, no
     * confidence limit, mark = index
     */
    public static OracleParameters passThrough() {
        return new OracleParameters(0, 0, Long.MAX_VALUE, Long.MAX_VALUE, StalenessPolicy.KEEP_LAST,
                Double.POSITIVE_INFINITY, ConfidencePolicy.REJECT, MarkParameters.index());
    }

    /**
     * @param deviationThreshold fraction
     * @param heartbeatMs        ms
     * @param staleAfterMs       ms; for a Chainlink feed at least the heartbeat
     * @return a Chainlink-style push oracle without latency, confidence or venue marks, pausing when stale
     */
    public static OracleParameters chainlink(double deviationThreshold, long heartbeatMs, long staleAfterMs) {
        return new OracleParameters(0, deviationThreshold, heartbeatMs, staleAfterMs, StalenessPolicy.PAUSE,
                Double.POSITIVE_INFINITY, ConfidencePolicy.REJECT, MarkParameters.index());
    }

    /** @param ms the latency @return a copy with that delivery latency, ms */
    public OracleParameters withLatencyMs(long ms) {
        return new OracleParameters(ms, deviationThreshold, heartbeatMs, staleAfterMs, stalenessPolicy,
                maxConfidence, confidencePolicy, mark);
    }

    /** @param limit fraction @param policy what to do above it @return a copy with that confidence rule */
    public OracleParameters withConfidence(double limit, ConfidencePolicy policy) {
        return new OracleParameters(latencyMs, deviationThreshold, heartbeatMs, staleAfterMs, stalenessPolicy,
                limit, policy, mark);
    }

    /** @param ms the limit @param policy its meaning @return a copy with that staleness rule */
    public OracleParameters withStaleness(long ms, StalenessPolicy policy) {
        return new OracleParameters(latencyMs, deviationThreshold, heartbeatMs, ms, policy, maxConfidence,
                confidencePolicy, mark);
    }

    /** @param m the mark rule @return a copy with that mark rule */
    public OracleParameters withMark(MarkParameters m) {
        return new OracleParameters(latencyMs, deviationThreshold, heartbeatMs, staleAfterMs, stalenessPolicy,
                maxConfidence, confidencePolicy, m);
    }
}
