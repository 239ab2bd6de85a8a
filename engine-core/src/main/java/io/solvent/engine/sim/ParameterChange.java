package io.solvent.engine.sim;

import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.margin.DynamicMarginCalculator;
import io.solvent.engine.margin.DynamicMarginParameters;
import io.solvent.engine.scenario.Parameters;

/**
 * How an engine goes from one set of {@link Parameters} to another, the same for a fork and for a change of a running
 * replay: liquidation, liquidity and deleveraging rules replaced, dynamic margin turned on, off or re-parameterised,
 * and — when a market's or an asset's definition changed — the book re-weighed and re-evaluated.
 *
 * @param redefined whether any market or asset definition differs
 */
record ParameterChange(boolean redefined) {

    /**
     * @param from the parameters in force
     * @param to   the new ones
     * @return the change between them
     */
    static ParameterChange between(Parameters from, Parameters to) {
        return new ParameterChange(!from.markets().equals(to.markets()) || !from.assets().equals(to.assets()));
    }

    /**
     * @param engine   the engine in its current state (left untouched)
     * @param listener told of the new engine's events
     * @param p        the new parameters
     * @return an engine in the same state under the new parameters
     */
    SimulationEngine fork(SimulationEngine engine, SimulationListener listener, Parameters p) {
        BankruptcyWaterfall waterfall = new BankruptcyWaterfall(DeleveragingPolicy.parse(p.deleveraging()));
        SimulationEngine next = redefined
                ? engine.fork(listener, p.liquidation(), p.liquidity(), waterfall, p.assetList(), p.marketList())
                : engine.fork(listener, p.liquidation(), p.liquidity(), waterfall);
        applyDynamicMargin(next, p.dynamicMargin());
        return next;
    }

    /**
     * Turns dynamic margin on or off in an engine: on, an engine that was already measuring volatility keeps its
     * measurement and takes the new parameters from here on only when they differ (a fresh calculator starts at the
     * reference volatility); off, every multiplier returns to 1.
     */
    static void applyDynamicMargin(SimulationEngine engine, DynamicMarginParameters p) {
        if (!p.enabled()) {
            engine.setDynamicMargin(null);
        } else if (engine.dynamicMargin() == null || !p.equals(engine.dynamicMarginParameters())) {
            engine.setDynamicMargin(new DynamicMarginCalculator(engine.book().assets().size(), p.halfLifeMs(),
                    p.referenceVolatility(), p.maxMultiplier(), p.step()), p);
        }
    }
}
