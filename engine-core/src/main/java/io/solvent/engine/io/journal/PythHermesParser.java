package io.solvent.engine.io.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.engine.feed.FeedEvent;
import io.solvent.engine.feed.PriceEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.solvent.engine.io.journal.FeedMessageParser.decimal;
import static io.solvent.engine.io.journal.FeedMessageParser.integral;
import static io.solvent.engine.io.journal.FeedMessageParser.text;

/**
 * Pyth Hermes price updates, the JSON of one server-sent event's {@code data:} field:
 * {@code {"parsed": [{"id": HEX, "price": {"price", "conf", "expo", "publish_time"}, "ema_price": {...}}, ...]}}.
 * Each entry gives one {@link PriceEvent} (the {@code ema_price} is not used): price {@code price·10^expo},
 * confidence {@code conf·10^expo} (one sigma, in the price's unit), timestamp {@code publish_time·1000} (ms UTC),
 * symbol the name the user gave the feed id, or the id itself (lower-case hex without {@code 0x}).
 */
public final class PythHermesParser implements FeedMessageParser {
    /** The source name of Pyth events and journal lines. */
    public static final String SOURCE = "pyth";

    private final Map<String, String> names;

    /** @param names feed id (hex, with or without {@code 0x}, any case) to symbol; ids not in it keep their id */
    public PythHermesParser(Map<String, String> names) {
        Map<String, String> m = new LinkedHashMap<>();
        names.forEach((id, name) -> m.put(normalize(id), name));
        this.names = Map.copyOf(m);
    }

    /** @return the feed id in its canonical form: lower case, no {@code 0x} prefix */
    public static String normalize(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    /** @return the symbol of every named feed id, keyed by the canonical id */
    public Map<String, String> names() {
        return names;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<FeedEvent> parse(JsonNode msg) {
        JsonNode parsed = msg.isObject() ? msg.get("parsed") : null;
        if (parsed == null || !parsed.isArray()) {
            throw new MessageException("$.parsed (the price updates) is missing");
        }
        List<FeedEvent> events = new ArrayList<>(parsed.size());
        for (int k = 0; k < parsed.size(); k++) {
            String where = "$.parsed[" + k + "]";
            JsonNode entry = parsed.get(k);
            if (!entry.isObject()) {
                throw new MessageException(where + " is not an object");
            }
            String id = normalize(text(entry, "id", where));
            JsonNode p = entry.get("price");
            if (p == null || !p.isObject()) {
                throw new MessageException(where + ".price is missing");
            }
            String pw = where + ".price";
            long expo = integral(p, "expo", pw);
            if (Math.abs(expo) > 300) {
                throw new MessageException(pw + ".expo is " + expo + "; expected a power of ten within ±300");
            }
            double price = new BigDecimal(decimal(p, "price", pw)).scaleByPowerOfTen((int) expo).doubleValue();
            double conf = new BigDecimal(decimal(p, "conf", pw)).scaleByPowerOfTen((int) expo).doubleValue();
            long publish = integral(p, "publish_time", pw);
            if (!(price > 0) || !Double.isFinite(price)) {
                throw new MessageException(pw + ".price is not positive");
            }
            if (!(conf >= 0) || !Double.isFinite(conf)) {
                throw new MessageException(pw + ".conf is negative");
            }
            events.add(new PriceEvent(Math.multiplyExact(publish, 1000L), names.getOrDefault(id, id), price, conf,
                    SOURCE));
        }
        return events;
    }
}
