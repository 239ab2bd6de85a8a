package io.solvent.engine.feed.live;

import java.time.InstantSource;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What a live client is wired to. The clock and the jitter source are injected: the engine reads neither a clock
 * nor an unseeded random source itself, and tests make them deterministic.
 *
 * @param queue   where events go, for the engine thread to poll
 * @param journal  where every received message is recorded, or {@code null} for none
 * @param decoders each venue's message decoder
 * @param policy  timeouts, staleness and backoff
 * @param clock   stamps received messages and status changes (ms since the Unix epoch, UTC), and times silence
 * @param jitter  uniform draws from [0, 1) for the backoff's jitter
 */
public record ClientContext(LiveEventQueue queue, Journal journal, MessageDecoder.Decoders decoders,
                            ConnectionPolicy policy, InstantSource clock, DoubleSupplier jitter) {
    public ClientContext {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(decoders, "decoders");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jitter, "jitter");
    }
}
