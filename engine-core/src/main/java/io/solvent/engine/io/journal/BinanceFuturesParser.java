package io.solvent.engine.io.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;
import io.solvent.engine.feed.VenueLiquidationEvent;

import java.util.List;

import static io.solvent.engine.io.journal.FeedMessageParser.decimal;
import static io.solvent.engine.io.journal.FeedMessageParser.integral;
import static io.solvent.engine.io.journal.FeedMessageParser.text;

/**
 * Binance USD-M futures market streams, raw or wrapped in the combined-stream envelope
 * {@code {"stream": "...", "data": {...}}}:
 * <ul>
 *   <li>{@code markPriceUpdate} → a {@link PriceEvent} for the mark price {@code p} under the symbol {@code s}, then
 *       one for the index price {@code i} under the symbol {@code s + "@index"} (omitted when {@code i} is absent or
 *       not positive); both at the event time {@code E}, ms UTC, without confidence;</li>
 *   <li>{@code forceOrder} → a {@link VenueLiquidationEvent} at the trade time {@code o.T}, ms UTC, side {@code o.S},
 *       price the average fill price {@code o.ap} (the order price {@code o.p} when {@code ap} is 0), quantity the
 *       accumulated filled quantity {@code o.z} (the order quantity {@code o.q} when {@code z} is 0);</li>
 *   <li>a subscription reply {@code {"result": ..., "id": ...}} → no event.</li>
 * </ul>
 * Anything else is a {@link MessageException}.
 */
public final class BinanceFuturesParser implements FeedMessageParser {
    /** The source name of Binance USD-M futures events and journal lines. */
    public static final String SOURCE = "binance-futures";
    /** Appended to a symbol to name its index price, as in {@code BTCUSDT@index}. */
    public static final String INDEX_SUFFIX = "@index";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<FeedEvent> parse(JsonNode msg) {
        if (!msg.isObject()) {
            throw new MessageException("expected a JSON object");
        }
        JsonNode data = msg;
        String where = "$";
        if (msg.has("stream") && msg.has("data")) {
            data = msg.get("data");
            where = "$.data";
            if (!data.isObject()) {
                throw new MessageException(where + " is not an object");
            }
        } else if (msg.has("result") && msg.has("id")) {
            return List.of();
        }
        JsonNode type = data.get("e");
        if (type == null || !type.isTextual()) {
            throw new MessageException(where + ".e (event type) is missing");
        }
        return switch (type.asText()) {
            case "markPriceUpdate" -> markPrice(data, where);
            case "forceOrder" -> forceOrder(data, where);
            default -> throw new MessageException("unknown event type '" + type.asText() + "'");
        };
    }

    private static List<FeedEvent> markPrice(JsonNode d, String where) {
        String symbol = text(d, "s", where);
        long time = integral(d, "E", where);
        double mark = positive(decimal(d, "p", where), where + ".p");
        PriceEvent markEvent = PriceEvent.of(time, symbol, mark, SOURCE);
        JsonNode i = d.get("i");
        if (i != null && !i.isNull()) {
            double index = Double.parseDouble(decimal(d, "i", where));
            if (index > 0 && Double.isFinite(index)) {
                return List.of(markEvent, PriceEvent.of(time, symbol + INDEX_SUFFIX, index, SOURCE));
            }
        }
        return List.of(markEvent);
    }

    private static List<FeedEvent> forceOrder(JsonNode d, String where) {
        JsonNode o = d.get("o");
        String ow = where + ".o";
        if (o == null || !o.isObject()) {
            throw new MessageException(ow + " (the order) is missing");
        }
        String symbol = text(o, "s", ow);
        String side = text(o, "S", ow);
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw new MessageException(ow + ".S is '" + side + "'; expected BUY or SELL");
        }
        long time = integral(o, "T", ow);
        double price = Double.parseDouble(decimal(o, "ap", ow));
        if (!(price > 0)) {
            price = Double.parseDouble(decimal(o, "p", ow));
        }
        double quantity = o.has("z") ? Double.parseDouble(decimal(o, "z", ow)) : 0;
        if (!(quantity > 0)) {
            quantity = Double.parseDouble(decimal(o, "q", ow));
        }
        positive(Double.toString(price), ow + ".ap");
        positive(Double.toString(quantity), ow + ".z");
        return List.of(new VenueLiquidationEvent(time, symbol, side, price, quantity, SOURCE));
    }

    private static double positive(String text, String field) {
        double v = Double.parseDouble(text);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new MessageException(field + " is " + text + "; expected a positive number");
        }
        return v;
    }
}
