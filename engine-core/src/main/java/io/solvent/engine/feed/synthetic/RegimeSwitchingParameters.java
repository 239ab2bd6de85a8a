package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

/**
 * Parameters of a geometric Brownian motion whose drift and volatility switch between a calm and a stressed regime
 * following a {@link RegimeChain}. Over one step of {@code dt = stepMs / YEAR_MS} years in regime r the log price
 * moves by {@code (drift_r − volatility_r²/2) dt + volatility_r √dt Z}, Z ~ N(0, 1).
 *
 * @param symbol             feed symbol of the events
 * @param initialPrice       price at the first instant, USD per unit, {@code > 0}
 * @param calmDrift          annualised expected return in the calm regime, per year, finite
 * @param calmVolatility     annualised volatility in the calm regime, per √year, {@code >= 0}
 * @param stressedDrift      annualised expected return in the stressed regime, per year, finite (a crash: negative)
 * @param stressedVolatility annualised volatility in the stressed regime, per √year, {@code >= 0}
 * @param chain              the switching probabilities per step and the initial regime
 * @param timeline           the time grid
 * @param seed               seed of the random source
 * @param source             the events' source name
 */
public record RegimeSwitchingParameters(String symbol, double initialPrice, double calmDrift, double calmVolatility,
                                        double stressedDrift, double stressedVolatility, RegimeChain chain,
                                        Timeline timeline, long seed, String source) {

    public RegimeSwitchingParameters {
        FieldChecks.nonEmpty("symbol", symbol);
        FieldChecks.positive("initialPrice", initialPrice);
        FieldChecks.finite("calmDrift", calmDrift);
        FieldChecks.nonNegative("calmVolatility", calmVolatility);
        FieldChecks.finite("stressedDrift", stressedDrift);
        FieldChecks.nonNegative("stressedVolatility", stressedVolatility);
        FieldChecks.present("chain", chain);
        FieldChecks.present("timeline", timeline);
        FieldChecks.nonEmpty("source", source);
    }
}
