package io.solvent.app.viewmodel;

import java.util.List;

/**
 * One row of the parameter sheet.
 *
 * @param key      the dotted key ({@code markets.BTC-PERP.tiers[0].maintenanceMarginFraction})
 * @param group    the sheet's category ({@code Market BTC-PERP}, {@code Oracle}, ...)
 * @param name     the name shown, with its unit
 * @param value    the active run's value now
 * @param choices  the values allowed, for a choice; empty for free input
 * @param editable whether the operator can change it here (inputs of the scenario cannot)
 * @param help     what it means, for the sheet's description
 */
public record ParameterRow(String key, String group, String name, String value, List<String> choices,
                           boolean editable, String help) {
    public ParameterRow {
        choices = List.copyOf(choices);
    }

    /** The deleveraging policies the engine knows. */
    public static final List<String> POLICIES = List.of("adl-ranked:binance", "adl-ranked:hyperliquid", "socialize",
            "deficit");

    /**
     * @param key   a dotted key
     * @param value its value
     * @return its row, grouped and named
     */
    public static ParameterRow of(String key, String value) {
        String group;
        String rest;
        if (key.startsWith("markets.") || key.startsWith("assets.")) {
            int dot = key.indexOf('.', key.indexOf('.') + 1);
            String symbol = key.substring(key.indexOf('.') + 1, dot);
            group = (key.startsWith("markets.") ? "Market " : "Asset ") + symbol;
            rest = key.substring(dot + 1);
        } else {
            int dot = key.indexOf('.');
            String head = dot < 0 ? key : key.substring(0, dot);
            group = switch (head) {
                case "oracle" -> "Oracle";
                case "liquidity" -> "Liquidity";
                case "liquidation" -> "Liquidation";
                case "dynamicMargin" -> "Dynamic margin";
                case "deleveraging" -> "Deleveraging";
                default -> "Other";
            };
            rest = dot < 0 ? key : key.substring(dot + 1);
        }
        List<String> choices = switch (key) {
            case "deleveraging" -> POLICIES;
            case "liquidity.cascadeFeedback", "dynamicMargin.enabled" -> List.of("true", "false");
            case "oracle.stalenessPolicy" -> List.of("keep-last", "pause");
            case "oracle.confidencePolicy" -> List.of("reject", "widen");
            case "oracle.mark.method" -> List.of("index", "index-plus-premium-ema", "median");
            default -> List.of();
        };
        return new ParameterRow(key, group, label(rest), value, choices, true, key);
    }

    private static String label(String rest) {
        String unit = rest.endsWith("Ms") ? " (ms)" : rest.endsWith("Usd") ? " (USD)" : rest.endsWith("upTo") ? " (USD notional)"
                : rest.endsWith("Fraction") || rest.endsWith("Fee") || rest.endsWith("Weight")
                || rest.endsWith("buffer") || rest.endsWith("Share") ? " (fraction)" : "";
        return rest + unit;
    }
}
