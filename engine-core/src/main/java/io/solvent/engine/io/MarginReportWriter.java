package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.solvent.engine.margin.MarginFigures;
import io.solvent.engine.margin.MarginReport;
import io.solvent.engine.margin.PositionMargin;
import io.solvent.engine.margin.SubAccountMargin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes the document {@code solvent margin} prints (cli-and-files.md): {@code {"subaccounts": [...]}} with every
 * figure of every sub-account in book order; a figure the model leaves undefined, or that overflows a double, is JSON
 * {@code null}. Numbers are
 * written in full (shortest representation that reads back to the same double).
 */
public final class MarginReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MarginReportWriter() {
    }

    /**
     * @param report the figures
     * @param out    where to write; not closed
     * @param pretty indent for people; otherwise one line
     */
    public static void write(MarginReport report, OutputStream out, boolean pretty) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            }
            g.writeStartObject();
            g.writeArrayFieldStart("subaccounts");
            for (MarginReport.Entry e : report.subaccounts()) {
                writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeEntry(JsonGenerator g, MarginReport.Entry e) throws IOException {
        SubAccountMargin m = e.margin();
        g.writeStartObject();
        g.writeStringField("account", e.account());
        g.writeStringField("subaccount", e.subaccount());
        g.writeStringField("mode", e.mode().fileName());
        number(g, "equity", m.equity());
        g.writeBooleanField("liquidatable", m.liquidatable());
        number(g, "freeCollateral", m.freeCollateral());
        number(g, "marginRatio", m.marginRatio());
        number(g, "leverage", m.leverage());
        g.writeObjectFieldStart("liquidationPrices");
        for (Map.Entry<String, OptionalDouble> lp : m.liquidationPrices().entrySet()) {
            number(g, lp.getKey(), lp.getValue());
        }
        g.writeEndObject();
        figures(g, "initial", m.initial());
        figures(g, "maintenance", m.maintenance());
        g.writeArrayFieldStart("positions");
        for (PositionMargin p : m.positions()) {
            g.writeStartObject();
            g.writeStringField("market", p.market());
            number(g, "size", p.size());
            number(g, "notional", p.notional());
            number(g, "unrealizedPnl", p.unrealizedPnl());
            number(g, "initialRequirement", p.initialRequirement());
            number(g, "maintenanceRequirement", p.maintenanceRequirement());
            number(g, "liquidationPrice", p.liquidationPrice());
            number(g, "liquidationDistance", p.liquidationDistance());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void figures(JsonGenerator g, String name, MarginFigures f) throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "weightedAssets", f.weightedAssets());
        number(g, "weightedLiabilities", f.weightedLiabilities());
        number(g, "requirement", f.requirement());
        number(g, "health", f.health());
        number(g, "healthFactor", f.healthFactor());
        g.writeEndObject();
    }

    /** A figure that overflowed (infinite or NaN) is as undefined as one the model leaves out: JSON null. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNullField(name); // JSON has no infinity; Jackson would write the string "Infinity"
        } else {
            g.writeNumberField(name, v == 0 ? 0.0 : v); // no "-0.0" in the output
        }
    }

    private static void number(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            number(g, name, v.getAsDouble());
        } else {
            g.writeNullField(name);
        }
    }
}
