package io.solvent.engine.feed.live;

/**
 * How a live client connects, notices silence and reconnects. All durations in milliseconds.
 *
 * @param backoff           waits between reconnection attempts
 * @param connectTimeoutMs  the longest a connection (TCP, TLS, WebSocket or HTTP handshake) may take
 * @param staleAfterMs      silence after which the source is reported {@code STALE} (the connection is kept)
 * @param idleTimeoutMs     silence after which the connection is given up and reopened ({@code >= staleAfterMs})
 * @param maxConnectionMs   age at which a connection is replaced, before the venue's own limit (Binance and
 *                          Hermes close connections after 24 h)
 * @param watchdogPeriodMs  how often silence and age are checked
 * @param maxFailedAttempts how many connections in a row may end without delivering a message (refused, rejected,
 *                          timed out, dropped at once) before the client gives up; 0 for never (the default: a
 *                          console keeps trying), {@code >= 0}
 */
public record ConnectionPolicy(Backoff backoff, long connectTimeoutMs, long staleAfterMs, long idleTimeoutMs,
                               long maxConnectionMs, long watchdogPeriodMs, int maxFailedAttempts) {

    /**
     * Backoff {@link Backoff#DEFAULT}, connect within 10 s, stale after 5 s of silence, reconnect after 20 s, replace
     * connections after 23 h, check every 250 ms. A 1 s mark-price stream makes 5 s of silence abnormal.
     */
    public static final ConnectionPolicy DEFAULT =
            new ConnectionPolicy(Backoff.DEFAULT, 10_000, 5_000, 20_000, 23L * 3_600_000, 250, 0);

    public ConnectionPolicy {
        if (connectTimeoutMs <= 0 || staleAfterMs <= 0 || idleTimeoutMs < staleAfterMs || maxConnectionMs <= 0
                || watchdogPeriodMs <= 0) {
            throw new IllegalArgumentException("durations must be positive and idleTimeoutMs >= staleAfterMs");
        }
        if (maxFailedAttempts < 0) {
            throw new IllegalArgumentException("maxFailedAttempts must be >= 0 (0: never give up), was "
                    + maxFailedAttempts);
        }
    }

    /** A policy that never gives up ({@code maxFailedAttempts} 0); the other fields as in the canonical form. */
    public ConnectionPolicy(Backoff backoff, long connectTimeoutMs, long staleAfterMs, long idleTimeoutMs,
                            long maxConnectionMs, long watchdogPeriodMs) {
        this(backoff, connectTimeoutMs, staleAfterMs, idleTimeoutMs, maxConnectionMs, watchdogPeriodMs, 0);
    }

    /** @return this policy with another staleness limit and idle timeout, ms */
    public ConnectionPolicy withSilence(long staleAfterMs, long idleTimeoutMs) {
        return new ConnectionPolicy(backoff, connectTimeoutMs, staleAfterMs, idleTimeoutMs, maxConnectionMs,
                watchdogPeriodMs, maxFailedAttempts);
    }

    /** @return this policy with another backoff */
    public ConnectionPolicy withBackoff(Backoff backoff) {
        return new ConnectionPolicy(backoff, connectTimeoutMs, staleAfterMs, idleTimeoutMs, maxConnectionMs,
                watchdogPeriodMs, maxFailedAttempts);
    }

    /** @return this policy with another maximum connection age, ms */
    public ConnectionPolicy withMaxConnectionMs(long maxConnectionMs) {
        return new ConnectionPolicy(backoff, connectTimeoutMs, staleAfterMs, idleTimeoutMs, maxConnectionMs,
                watchdogPeriodMs, maxFailedAttempts);
    }

    /** @return this policy with another watchdog period, ms */
    public ConnectionPolicy withWatchdogPeriodMs(long watchdogPeriodMs) {
        return new ConnectionPolicy(backoff, connectTimeoutMs, staleAfterMs, idleTimeoutMs, maxConnectionMs,
                watchdogPeriodMs, maxFailedAttempts);
    }

    /** @return this policy giving up after that many connections in a row without a message (0: never) */
    public ConnectionPolicy withMaxFailedAttempts(int maxFailedAttempts) {
        return new ConnectionPolicy(backoff, connectTimeoutMs, staleAfterMs, idleTimeoutMs, maxConnectionMs,
                watchdogPeriodMs, maxFailedAttempts);
    }
}
