package io.solvent.app.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.io.ScenarioDocument;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario file says about itself, read from its text without building it (no book generated, no feed read):
 * enough to list it in the library and to check a hypothetical shock against it.
 *
 * @param name            the scenario's name, or its file's name when it has none
 * @param feedSymbols     every feed symbol mapped to an asset ({@code "symbols"} and {@code "priceSources"}), to that
 *                        asset, sorted by symbol
 * @param settlementAsset the asset PnL settles in (USDC unless the file says otherwise)
 * @param startMs         the first instant replayed, ms since the Unix epoch (UTC); {@link Long#MIN_VALUE} when the
 *                        file does not say (recorded files without a window: their whole length)
 * @param endMs           the end of the replay, exclusive, ms since the Unix epoch (UTC); {@link Long#MAX_VALUE} when
 *                        unknown
 * @param shocks          how many hypothetical shocks the file already lays on its feeds
 * @param book            the book in words: its file, or the generated population
 */
public record ScenarioFacts(String name, Map<String, String> feedSymbols, String settlementAsset, long startMs,
                            long endMs, int shocks, String book) {

    public ScenarioFacts {
        feedSymbols = Collections.unmodifiableMap(new TreeMap<>(feedSymbols));
    }

    /**
     * @param doc      a scenario's text
     * @param fileName its file's name, the name when the text gives none
     * @return its facts
     */
    public static ScenarioFacts of(ScenarioDocument doc, String fileName) {
        Map<String, String> symbols = new TreeMap<>();
        JsonNode map = doc.get("symbols");
        if (map != null && map.isObject()) {
            map.properties().forEach(e -> symbols.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode sources = doc.get("priceSources");
        if (sources != null && sources.isObject()) {
            sources.properties().forEach(e -> e.getValue().elements().forEachRemaining(list ->
                    list.elements().forEachRemaining(s -> symbols.put(s.asText(), e.getKey()))));
        }
        JsonNode settlement = doc.get("settlementAsset");
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        JsonNode window = doc.get("window");
        if (window != null && window.isObject()) {
            start = instant(window.get("startMs"), Long.MIN_VALUE);
            end = instant(window.get("endMs"), Long.MAX_VALUE);
        }
        JsonNode feeds = doc.get("feeds");
        if (feeds != null && feeds.isArray()) {
            long synStart = Long.MAX_VALUE;
            long synEnd = Long.MIN_VALUE;
            boolean onlySynthetic = feeds.size() > 0;
            for (JsonNode f : feeds) {
                JsonNode s = f.get("synthetic");
                if (s == null) {
                    onlySynthetic = false;
                    continue;
                }
                long s0 = s.path("startMs").asLong();
                synStart = Math.min(synStart, s0);
                synEnd = Math.max(synEnd, s0 + s.path("stepMs").asLong() * (s.path("steps").asLong() + 1));
            }
            if (onlySynthetic) { // a window cuts the paths; without one they are the whole replay
                start = Math.max(start, synStart);
                end = Math.min(end, synEnd);
            }
        }
        JsonNode shocks = doc.get("shocks");
        JsonNode book = doc.get("book");
        String bookText;
        if (book == null) {
            bookText = "—";
        } else if (book.isTextual()) {
            bookText = book.asText();
        } else if (book.has("population")) {
            JsonNode p = book.get("population");
            bookText = p.has("accounts") ? "generated: " + Format.count(p.path("accounts").asLong()) + " accounts"
                    : "generated: " + Format.count(p.path("subaccounts").asLong()) + " sub-accounts";
        } else {
            bookText = "inline: " + book.path("accounts").size() + " accounts";
        }
        String name = doc.name() == null ? fileName : doc.name();
        return new ScenarioFacts(name, symbols, settlement == null ? "USDC" : settlement.asText(), start, end,
                shocks == null ? 0 : shocks.size(), bookText);
    }

    /** @return whether the replayed time is known (a window, or synthetic feeds alone) */
    public boolean windowKnown() {
        return startMs != Long.MIN_VALUE && endMs != Long.MAX_VALUE;
    }

    /** @param tMs ms since the Unix epoch, UTC @return whether it falls in the replayed time (true when unknown) */
    public boolean contains(long tMs) {
        return tMs >= startMs && tMs < endMs;
    }

    /**
     * @return the replayed time in words, such as {@code 2025-01-01 00:00 UTC, 60.0 min}; "the whole recorded
     *         files" when the file does not say
     */
    public String windowText() {
        if (!windowKnown()) {
            return startMs == Long.MIN_VALUE && endMs == Long.MAX_VALUE ? "the whole recorded files"
                    : (startMs == Long.MIN_VALUE ? "…" : MINUTE.format(Instant.ofEpochMilli(startMs))) + " to "
                    + (endMs == Long.MAX_VALUE ? "…" : MINUTE.format(Instant.ofEpochMilli(endMs)));
        }
        return MINUTE.format(Instant.ofEpochMilli(startMs)) + ", " + Format.duration(endMs - startMs);
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private static long instant(JsonNode n, long missing) {
        if (n == null || n.isNull()) {
            return missing;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        try {
            return Instant.parse(n.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return missing;
        }
    }
}
