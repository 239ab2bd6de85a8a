package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.solvent.engine.bench.BenchReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes the one JSON document {@code solvent bench} prints: every field of {@link BenchReport}, nulls included. */
public final class BenchReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private BenchReportWriter() {
    }

    /**
     * @param r   the report
     * @param out where to write; not closed
     */
    public static void write(BenchReport r, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeNumberField("accounts", r.accounts());
            g.writeNumberField("fullRevaluationNsPerSubaccount", round(r.fullRevaluationNsPerSubaccount()));
            g.writeNumberField("parallelRevaluationNsPerSubaccount", round(r.parallelRevaluationNsPerSubaccount()));
            g.writeNumberField("streamBaselineNsPerSubaccount", round(r.streamBaselineNsPerSubaccount()));
            g.writeNumberField("rowStreamBaselineNsPerSubaccount", round(r.rowStreamBaselineNsPerSubaccount()));
            g.writeNumberField("naiveNsPerSubaccount", round(r.naiveNsPerSubaccount()));
            g.writeNumberField("quietTickMedianNs", round(r.quietTickMedianNs()));
            g.writeNumberField("quietTickP99Ns", round(r.quietTickP99Ns()));
            nullable(g, "replaySpeedX", r.replaySpeedX());
            nullable(g, "replaySimulatedSeconds", r.replaySimulatedSeconds());
            g.writeFieldName("replayLiquidations");
            if (r.replayLiquidations() == null) {
                g.writeNull();
            } else {
                g.writeNumber(r.replayLiquidations());
            }
            nullable(g, "forkSeconds", r.forkSeconds());
            nullable(g, "viewedReplaySpeedX", r.viewedReplaySpeedX());
            nullable(g, "publicationCost", r.publicationCost());
            nullable(g, "riskPassMs", r.riskPassMs());
            g.writeFieldName("riskPasses");
            if (r.riskPasses() == null) {
                g.writeNull();
            } else {
                g.writeNumber(r.riskPasses());
            }
            g.writeStringField("reason", r.replayReason());
            g.writeNumberField("heapBytesPerSubaccount", Math.round(r.heapBytesPerSubaccount()));
            g.writeStringField("jdk", r.jdk());
            g.writeStringField("cpu", r.cpu());
            g.writeNumberField("cores", r.cores());
            g.writeNumberField("maxHeap", r.maxHeap());
            g.writeBooleanField("quick", r.quick());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nullable(JsonGenerator g, String name, Double v) throws IOException {
        g.writeFieldName(name);
        if (v == null) {
            g.writeNull();
        } else {
            g.writeNumber(round(v));
        }
    }

    /** Three significant decimals are all a timing carries. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
