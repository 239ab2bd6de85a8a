package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.solvent.engine.feed.FeedInspection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the document {@code solvent feed inspect} prints:
 * <pre>{"symbols": {"BTCUSDT": {"events": 1716, "first": 1584011700000, "last": 1584072060000,
 *   "min": {"price": 3621.81, "timestamp": 1584065760000}, "max": {"price": 6424.91, "timestamp": 1584012000000},
 *   "gaps": [{"from": 1584020220000, "to": 1584054960000}]}}}</pre>
 * {@code symbols} holds the price series; {@code depth} (order-book depth series: events, first, last, gaps) and
 * {@code liquidations} (events, first, last, min, max) appear only when the feed has such events. Each series has an
 * {@code asset} field first when a symbol map was given. Times in ms since the Unix epoch (UTC), prices per unit.
 */
public final class FeedInspectionWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FeedInspectionWriter() {
    }

    /**
     * @param inspection the figures
     * @param out        where to write; not closed
     * @param pretty     indent for people; otherwise one line, {@code {"key": value, ...}} as in the example
     */
    public static void write(FeedInspection inspection, OutputStream out, boolean pretty) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            } else {
                g.setPrettyPrinter(new DefaultPrettyPrinter(separators
                        .withObjectEntrySpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER))
                        .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                        .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter()));
            }
            g.writeStartObject();
            section(g, "symbols", inspection.prices(), true);
            if (!inspection.depth().isEmpty()) {
                section(g, "depth", inspection.depth(), false);
            }
            if (!inspection.liquidations().isEmpty()) {
                section(g, "liquidations", inspection.liquidations(), true);
            }
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(JsonGenerator g, String name, SortedMap<String, FeedInspection.Series> series,
                                boolean prices) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, FeedInspection.Series> e : series.entrySet()) {
            FeedInspection.Series s = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            if (s.asset() != null) {
                g.writeStringField("asset", s.asset());
            }
            g.writeNumberField("events", s.events());
            g.writeNumberField("first", s.firstMs());
            g.writeNumberField("last", s.lastMs());
            if (prices) {
                point(g, "min", s.min());
                point(g, "max", s.max());
            }
            if (s.gaps() != null) {
                g.writeArrayFieldStart("gaps");
                for (FeedInspection.Gap gap : s.gaps()) {
                    g.writeStartObject();
                    g.writeNumberField("from", gap.fromMs());
                    g.writeNumberField("to", gap.toMs());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void point(JsonGenerator g, String name, FeedInspection.PricePoint p) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("price", p.price());
        g.writeNumberField("timestamp", p.timestampMs());
        g.writeEndObject();
    }
}
