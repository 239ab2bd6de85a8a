package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.SubAccount;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a book in format 1, every field explicit (defaults written out), so that a file written by Solvent reads
 * back to an equal {@link Book} and diffs well in version control. Files are written atomically: to a temporary
 * file beside the target, then moved over it.
 */
public final class BookWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private BookWriter() {
    }

    /**
     * @param book   the book
     * @param target the file to create or replace atomically
     * @throws UncheckedIOException when the file cannot be written; the target is then left as it was
     */
    public static void write(Book book, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(book, out);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param book the book
     * @param out  where to write; not closed
     */
    public static void write(Book book, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeNumberField("format", BookReader.FORMAT);
            g.writeArrayFieldStart("assets");
            for (Asset a : book.assets()) {
                g.writeStartObject();
                g.writeStringField("symbol", a.symbol());
                g.writeNumberField("initialWeight", a.initialWeight());
                g.writeNumberField("maintenanceWeight", a.maintenanceWeight());
                g.writeNumberField("initialLiabilityWeight", a.initialLiabilityWeight());
                g.writeNumberField("maintenanceLiabilityWeight", a.maintenanceLiabilityWeight());
                g.writeNumberField("sizeFactor", a.sizeFactor());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("markets");
            for (Market m : book.markets()) {
                g.writeStartObject();
                g.writeStringField("symbol", m.symbol());
                g.writeStringField("underlying", m.underlying());
                g.writeNumberField("liquidationFee", m.liquidationFee());
                g.writeNumberField("positivePnlWeight", m.positivePnlWeight());
                g.writeArrayFieldStart("tiers");
                for (MarginTier t : m.tiers()) {
                    g.writeStartObject();
                    if (t.unbounded()) {
                        g.writeNullField("upTo");
                    } else {
                        g.writeNumberField("upTo", t.upTo());
                    }
                    g.writeNumberField("initialMarginFraction", t.initialMarginFraction());
                    g.writeNumberField("maintenanceMarginFraction", t.maintenanceMarginFraction());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("accounts");
            for (Account a : book.accounts()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeArrayFieldStart("subaccounts");
                for (SubAccount s : a.subaccounts()) {
                    g.writeStartObject();
                    g.writeStringField("id", s.id());
                    g.writeStringField("mode", s.mode().fileName());
                    g.writeObjectFieldStart("balances");
                    for (Map.Entry<String, Double> b : s.balances().entrySet()) {
                        g.writeNumberField(b.getKey(), b.getValue());
                    }
                    g.writeEndObject();
                    g.writeArrayFieldStart("positions");
                    for (Position p : s.positions()) {
                        g.writeStartObject();
                        g.writeStringField("market", p.market());
                        g.writeNumberField("size", p.size());
                        g.writeNumberField("entryPrice", p.entryPrice());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("prices");
            for (Map.Entry<String, Double> p : book.prices().bySymbol().entrySet()) {
                g.writeNumberField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
