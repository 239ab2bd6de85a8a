package io.solvent.engine.sim;

import io.solvent.engine.book.MarginBook;
import io.solvent.engine.insurance.BankruptcyWaterfall;
import io.solvent.engine.insurance.DeleveragingPolicy;
import io.solvent.engine.insurance.FundSpec;
import io.solvent.engine.insurance.InsuranceFunds;
import io.solvent.engine.ledger.Ledger;
import io.solvent.engine.ledger.LedgerListener;
import io.solvent.engine.ledger.LedgerShape;
import io.solvent.engine.liquidity.MarketLiquidity;
import io.solvent.engine.model.Market;
import io.solvent.engine.oracle.OracleParameters;
import io.solvent.engine.oracle.OracleSet;
import io.solvent.engine.scenario.Scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scenario assembled into an engine: the hot state of its book (with the parameters' definitions), each market's
 * liquidity over its depth, the venue's fund, the ledger shaped for them, the liquidation rules, the deleveraging
 * policy's waterfall and dynamic margin; and the oracles its feed symbols get.
 */
final class EngineAssembly {
    private EngineAssembly() {
    }

    /**
     * @param scenario the scenario
     * @param listener given the hot state, the listener of the engine's events
     * @return the engine at the scenario's opening prices
     */
    static SimulationEngine engine(Scenario scenario, Function<MarginBook, SimulationListener> listener) {
        MarginBook book = MarginBook.of(scenario.book(), scenario.settlementAsset());
        int markets = book.markets().size();
        MarketLiquidity[] liquidity = new MarketLiquidity[markets];
        double[] fees = new double[markets];
        for (int m = 0; m < markets; m++) {
            Market def = scenario.book().markets().get(m);
            liquidity[m] = new MarketLiquidity(def.symbol(), scenario.liquidity(),
                    scenario.depth().historyOf(def.symbol()));
            fees[m] = def.liquidationFee();
        }
        InsuranceFunds funds = InsuranceFunds.venueWide(FundSpec.uncapped("venue", scenario.insuranceFundUsd()),
                Math.max(1, markets));
        Ledger ledger = new Ledger(new LedgerShape(book.subAccounts().size(), funds.size(), 1,
                Math.max(1, markets), funds.size()), LedgerListener.NONE);
        SimulationEngine engine = new SimulationEngine(book, fees, liquidity, scenario.liquidation(), funds,
                new BankruptcyWaterfall(DeleveragingPolicy.parse(scenario.deleveraging())), ledger,
                listener.apply(book));
        ParameterChange.applyDynamicMargin(engine, scenario.dynamicMargin());
        return engine;
    }

    /** @return the feed symbols of the scenario's oracles, in {@link OracleSet}'s order (ascending) */
    static List<String> oracleSymbols(Scenario scenario) {
        return new java.util.TreeSet<>(scenario.symbols().keySet()).stream().toList();
    }

    /** @return every mapped feed symbol with the scenario's oracle model */
    static Map<String, OracleParameters> oracleParameters(Scenario scenario) {
        Map<String, OracleParameters> oracleParams = new LinkedHashMap<>();
        scenario.symbols().keySet().forEach(s -> oracleParams.put(s, scenario.oracle()));
        return oracleParams;
    }
}
