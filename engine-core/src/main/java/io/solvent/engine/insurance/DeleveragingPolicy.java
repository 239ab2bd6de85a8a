package io.solvent.engine.insurance;

import java.util.List;
import java.util.Locale;

/**
 * What happens to bad debt the insurance fund cannot pay (margin-model.md, rule 6). Selected per scenario by
 * {@link #parse(String)}, so that the same bankruptcy can be compared under each.
 */
public sealed interface DeleveragingPolicy permits RankedAdlPolicy, SocializedLossPolicy, DeficitPolicy {

    /** The names {@link #parse(String)} accepts. */
    List<String> NAMES = List.of("adl-ranked", "adl-ranked:binance", "adl-ranked:hyperliquid", "socialize",
            "deficit");

    /** @return the name scenarios use for this policy */
    String name();

    /**
     * Decides who covers a shortfall. Pure: reads only its arguments.
     *
     * @param bankruptcy   the bankruptcy
     * @param shortfallUsd the part of its deficit the insurance fund did not pay, USD, {@code 0 <= shortfall <=
     *                     bankruptcy.deficitUsd()}
     * @param candidates   the open positions of the bankruptcy's market, any order (the bankrupt's own is skipped);
     *                     every one must be in that market, at most one per sub-account
     * @return transfers summing to the shortfall, and positions to close
     * @throws IllegalArgumentException when a candidate is in another market or a sub-account appears twice
     */
    DeleveragingResult deleverage(Bankruptcy bankruptcy, double shortfallUsd, List<DeleveragingCandidate> candidates);

    /**
     * @param name {@code adl-ranked} (Binance ranking), {@code adl-ranked:binance}, {@code adl-ranked:hyperliquid},
     *             {@code socialize} or {@code deficit}; case-insensitive
     * @return the policy
     * @throws IllegalArgumentException for any other name, listing the accepted ones
     */
    static DeleveragingPolicy parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "adl-ranked", "adl-ranked:binance" -> new RankedAdlPolicy(AdlRanking.BINANCE);
            case "adl-ranked:hyperliquid" -> new RankedAdlPolicy(AdlRanking.HYPERLIQUID);
            case "socialize" -> new SocializedLossPolicy();
            case "deficit" -> new DeficitPolicy();
            default -> throw new IllegalArgumentException("expected a deleveraging policy, one of "
                    + String.join(", ", NAMES) + "; was '" + name + "'");
        };
    }
}
