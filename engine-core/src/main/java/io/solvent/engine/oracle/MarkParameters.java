package io.solvent.engine.oracle;

import io.solvent.engine.model.ModelValidationException;

import java.util.HashSet;
import java.util.List;

/**
 * How an asset's mark price is formed. Price events of the asset whose {@code source} is one of
 * {@code venueSources} are venue prices for the mark (slot i = position in the list); all others are the oracle
 * feed. The first venue source is the venue's own book: its price minus the published index is the premium that
 * the EMA smooths.
 *
 * <p>Premium EMA, updated at each delivered price of the first venue source, with x = venue price − published index
 * (USD), Δt = time since the previous update (ms) and τ = {@code premiumEmaMs}:
 * <pre>
 *   first sample:  ema = x
 *   then:          α = 1 − exp(−Δt / τ)   (α = 1 when τ = 0),   ema ← ema + α (x − ema)
 * </pre>
 * so a sample's weight decays by e^{−1} every τ ms whatever the sampling rate (two samples in the same ms: the
 * second has weight 0). No sample before the first published index.
 *
 * @param method       how the mark is formed
 * @param venueSources source names of the venue prices, distinct; at least one unless {@code method} is
 *                     {@link MarkMethod#INDEX}
 * @param premiumEmaMs τ, the EMA's time constant, ms, {@code >= 0} (Hyperliquid: 150 000)
 */
public record MarkParameters(MarkMethod method, List<String> venueSources, long premiumEmaMs) {

    public MarkParameters {
        if (method == null) {
            throw new ModelValidationException("method", "expected a mark method, was missing");
        }
        if (venueSources == null) {
            throw new ModelValidationException("venueSources", "expected a list, was missing");
        }
        venueSources = List.copyOf(venueSources);
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < venueSources.size(); i++) {
            String s = venueSources.get(i);
            if (s.isBlank()) {
                throw new ModelValidationException("venueSources[" + i + "]", "expected a non-empty source name");
            }
            if (!seen.add(s)) {
                throw new ModelValidationException("venueSources[" + i + "]", "duplicate source '" + s + "'");
            }
        }
        if (method != MarkMethod.INDEX && venueSources.isEmpty()) {
            throw new ModelValidationException("venueSources", "expected at least one venue source for " + method);
        }
        if (premiumEmaMs < 0) {
            throw new ModelValidationException("premiumEmaMs", "expected a time constant >= 0 ms, was "
                    + premiumEmaMs);
        }
    }

    /** @return mark = the published oracle price, no venue sources */
    public static MarkParameters index() {
        return new MarkParameters(MarkMethod.INDEX, List.of(), 0);
    }
}
