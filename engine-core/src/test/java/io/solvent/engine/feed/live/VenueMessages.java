package io.solvent.engine.feed.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Messages in the venues' documented formats (field for field the examples of Binance's and Pyth's API
 * documentation), with prices that move by a fixed pattern, for the loopback servers to replay.
 */
public final class VenueMessages {
    static final String BTC_ID = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
    static final String ETH_ID = "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace";

    private VenueMessages() {
    }

    /** A combined-stream markPriceUpdate. */
    static String markPrice(String symbol, long eventMs, String mark, String index) {
        return "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\","
                + "\"E\":" + eventMs + ",\"s\":\"" + symbol + "\",\"p\":\"" + mark + "\",\"i\":\"" + index + "\","
                + "\"P\":\"" + mark + "\",\"r\":\"0.00010000\",\"T\":" + (eventMs / 28_800_000 + 1) * 28_800_000 + "}}";
    }

    /** A combined-stream forceOrder. */
    static String forceOrder(String symbol, long tradeMs, String side, String price, String qty) {
        return "{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@forceOrder\",\"data\":{\"e\":\"forceOrder\","
                + "\"E\":" + (tradeMs + 3) + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side + "\",\"o\":\"LIMIT\","
                + "\"f\":\"IOC\",\"q\":\"" + qty + "\",\"p\":\"" + price + "\",\"ap\":\"" + price + "\","
                + "\"X\":\"FILLED\",\"l\":\"" + qty + "\",\"z\":\"" + qty + "\",\"T\":" + tradeMs + "}}}";
    }

    /** A session of n seconds of BTCUSDT and ETHUSDT mark prices from {@code startMs}, a liquidation every 4 s. */
    public static List<String> binanceSession(long startMs, int seconds) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < seconds; k++) {
            long t = startMs + 1000L * k;
            int wiggle = (k * 37) % 11 - 5;
            out.add(markPrice("BTCUSDT", t, String.format(Locale.ROOT, "%.8f", 62017.4 + 3.1 * wiggle),
                    String.format(Locale.ROOT, "%.8f", 62010.15 + 2.9 * wiggle)));
            out.add(markPrice("ETHUSDT", t + 1, String.format(Locale.ROOT, "%.8f", 3011.27 + 0.43 * wiggle),
                    String.format(Locale.ROOT, "%.8f", 3010.88 + 0.41 * wiggle)));
            if (k % 4 == 3) {
                out.add(forceOrder("ETHUSDT", t + 400, k % 8 == 3 ? "SELL" : "BUY", "3009.5", "1.250"));
            }
        }
        return out;
    }

    /** A Hermes SSE data payload with both feeds. */
    static String hermes(long publishSeconds, long btc, long eth) {
        return "{\"binary\":{\"encoding\":\"hex\",\"data\":[\"504e4155\"]},\"parsed\":["
                + entry(BTC_ID, btc, 2956823570L, publishSeconds) + "," + entry(ETH_ID, eth, 151234567L, publishSeconds)
                + "]}";
    }

    private static String entry(String id, long price, long conf, long publish) {
        String p = "{\"price\":\"" + price + "\",\"conf\":\"" + conf + "\",\"expo\":-8,\"publish_time\":" + publish + "}";
        return "{\"id\":\"" + id + "\",\"price\":" + p + ",\"ema_price\":" + p
                + ",\"metadata\":{\"slot\":85480034,\"proof_available_time\":" + (publish + 1)
                + ",\"prev_publish_time\":" + (publish - 1) + "}}";
    }
}
