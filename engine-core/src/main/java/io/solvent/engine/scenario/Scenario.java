package io.solvent.engine.scenario;

import io.solvent.engine.feed.synthetic.JumpDiffusionParameters;
import io.solvent.engine.feed.synthetic.Shock;
import io.solvent.engine.liquidation.LiquidationParameters;
import io.solvent.engine.liquidity.LiquidityParameters;
import io.solvent.engine.model.Book;
import io.solvent.engine.oracle.OracleParameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a replay needs, as read from a scenario file (format 1): the book, the feeds and their symbol map, the
 * oracle, liquidity and liquidation models, the deleveraging policy, the insurance fund, shocks and the seed.
 *
 * @param name               the scenario's name (its file name unless given)
 * @param book               the book, prices included (the opening prices)
 * @param inputs             every input file the scenario read, for the manifest's checksums
 * @param settlementAsset    the asset realized PnL and fees settle in, such as USDC
 * @param feeds              the price sources, merged into one time-ordered stream
 * @param symbols            feed symbol to asset symbol
 * @param oracle             the oracle model applied to every mapped feed symbol
 * @param depthPerPercentUsd each market's depth on each side: notional USD within each 1% of the price
 * @param liquidity          stressed multiplier, cascade feedback and impact half-life
 * @param liquidation        buffer, per-step cap, dust, liquidator share
 * @param deleveraging       the deleveraging policy's name (adl-ranked, socialize, deficit, ...)
 * @param insuranceFundUsd   the venue-wide insurance fund's opening balance, USD
 * @param shocks             hypothetical shocks applied on top of the feeds, in order
 * @param seed               the scenario's random seed (synthetic feeds derive theirs from it unless given)
 */
public record Scenario(String name, Book book, List<Path> inputs, String settlementAsset, List<Feed> feeds,
                       Map<String, String> symbols, OracleParameters oracle, double depthPerPercentUsd,
                       LiquidityParameters liquidity, LiquidationParameters liquidation, String deleveraging,
                       double insuranceFundUsd, List<Shock> shocks, long seed) {

    public Scenario {
        inputs = List.copyOf(inputs);
        feeds = List.copyOf(feeds);
        symbols = Map.copyOf(symbols);
        shocks = List.copyOf(shocks);
    }

    /** A price source of a scenario. */
    public sealed interface Feed permits RecordedFeed, SyntheticFeed, CorrelatedFeed {
    }

    /**
     * A recorded file.
     *
     * @param path   the file
     * @param format its format name (ticks, bars, trades, binance-klines, depth), or null to detect it
     */
    public record RecordedFeed(Path path, String format) implements Feed {
    }

    /**
     * A seeded jump-diffusion path (geometric Brownian motion when the jump intensity is 0).
     *
     * @param parameters the path's parameters
     */
    public record SyntheticFeed(JumpDiffusionParameters parameters) implements Feed {
    }

    /**
     * Seeded correlated paths of several symbols (Monte Carlo stress).
     *
     * @param parameters the paths' parameters
     */
    public record CorrelatedFeed(io.solvent.engine.feed.synthetic.CorrelatedPathParameters parameters) implements Feed {
    }
}
