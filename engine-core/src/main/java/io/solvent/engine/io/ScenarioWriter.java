package io.solvent.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.feed.synthetic.CrashShock;
import io.solvent.engine.feed.synthetic.DepegShock;
import io.solvent.engine.feed.synthetic.FrozenFeedShock;
import io.solvent.engine.feed.synthetic.InstantShock;
import io.solvent.engine.feed.synthetic.Shock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes scenario files (format 1, docs/simulation.md) that {@link ScenarioReader} reads back: a
 * {@link ScenarioDocument} — a base scenario's text with hypothetical shocks added, fields changed, its relative paths
 * rewritten for the new file's folder — atomically (a temporary file beside the target, then a rename).
 *
 * <p>Every {@link Shock} kind has its JSON form: {@code instant} ({@code symbol, atMs, drop}), {@code crash}
 * ({@code symbol, startMs, drop, crashMs, recovery, recoveryMs}), {@code depeg} ({@code symbol, startMs, depegPrice,
 * declineMs, holdMs, recoveryMs, recoveredPrice}) and {@code freeze} ({@code symbol, fromMs, toMs}); times in ms since
 * the Unix epoch (UTC), durations in ms, drops and prices as fractions.
 */
public final class ScenarioWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioWriter() {
    }

    /**
     * @param doc    the scenario's text
     * @param target the file to create or replace; the document's relative paths are rewritten for its folder
     * @throws UncheckedIOException when it cannot be written (the target is then as it was)
     */
    public static void write(ScenarioDocument doc, Path target) {
        ObjectNode tree = doc.rebasedTo(target.toAbsolutePath().getParent());
        try {
            AtomicFiles.write(target, out -> {
                out.write(JSON.writeValueAsBytes(tree));
                out.write('\n');
            });
        } catch (IOException e) {
            throw new UncheckedIOException("writing the scenario " + target, e);
        }
    }

    /**
     * @param s a shock
     * @return its JSON object in a scenario's {@code "shocks"} list
     */
    public static ObjectNode shock(Shock s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        switch (s) {
            case InstantShock i -> {
                o.put("type", "instant").put("symbol", i.symbol()).put("atMs", i.atMs()).put("drop", i.drop());
            }
            case CrashShock c -> {
                o.put("type", "crash").put("symbol", c.symbol()).put("startMs", c.startMs()).put("drop", c.drop())
                        .put("crashMs", c.crashMs()).put("recovery", c.recovery()).put("recoveryMs", c.recoveryMs());
            }
            case DepegShock d -> {
                o.put("type", "depeg").put("symbol", d.symbol()).put("startMs", d.startMs())
                        .put("depegPrice", d.depegPrice()).put("declineMs", d.declineMs()).put("holdMs", d.holdMs())
                        .put("recoveryMs", d.recoveryMs()).put("recoveredPrice", d.recoveredPrice());
            }
            case FrozenFeedShock f -> {
                o.put("type", "freeze").put("symbol", f.symbol()).put("fromMs", f.fromMs()).put("toMs", f.toMs());
            }
        }
        return o;
    }
}
