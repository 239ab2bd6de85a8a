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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

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
        atomically(target, out -> write(book, out));
    }

    /**
     * @param book the book
     * @param out  where to write; not closed
     */
    public static void write(Book book, OutputStream out) {
        write(book, Collections.emptyIterator(), out, true);
    }

    /**
     * Streams a book whose accounts are produced one at a time, so that a book of millions of accounts is written
     * in bounded memory; the bytes are those {@link #write(Book, Path)} writes for the same book when
     * {@code pretty}. The accounts are not checked against each other (unique ids, known names): the producer
     * guarantees them.
     *
     * @param universe the assets, markets and prices; its own accounts are written first
     * @param accounts further accounts, written in iteration order
     * @param target   the file to create or replace atomically
     * @param pretty   one field per line, indented, as {@link #write(Book, Path)}; else one line
     * @throws UncheckedIOException when the file cannot be written; the target is then left as it was
     */
    public static void write(Book universe, Iterator<Account> accounts, Path target, boolean pretty) {
        atomically(target, out -> write(universe, accounts, out, pretty));
    }

    /**
     * @param universe the assets, markets and prices; its own accounts are written first
     * @param accounts further accounts, written in iteration order
     * @param out      where to write; not closed
     * @param pretty   one field per line, indented; else one line
     */
    public static void write(Book universe, Iterator<Account> accounts, OutputStream out, boolean pretty) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withObjectIndenter(new DefaultIndenter("  ", "\n")));
            }
            g.writeStartObject();
            g.writeNumberField("format", BookReader.FORMAT);
            g.writeArrayFieldStart("assets");
            for (Asset a : universe.assets()) {
                writeAsset(g, a);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("markets");
            for (Market m : universe.markets()) {
                writeMarket(g, m);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("accounts");
            for (Account a : universe.accounts()) {
                writeAccount(g, a);
            }
            while (accounts.hasNext()) {
                writeAccount(g, accounts.next());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("prices");
            for (Map.Entry<String, Double> p : universe.prices().bySymbol().entrySet()) {
                g.writeNumberField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAsset(JsonGenerator g, Asset a) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", a.symbol());
        writeAssetParameters(g, a);
        g.writeEndObject();
    }

    /** An asset's parameters as fields of the object being written: its weights and size factor. */
    static void writeAssetParameters(JsonGenerator g, Asset a) throws IOException {
        g.writeNumberField("initialWeight", a.initialWeight());
        g.writeNumberField("maintenanceWeight", a.maintenanceWeight());
        g.writeNumberField("initialLiabilityWeight", a.initialLiabilityWeight());
        g.writeNumberField("maintenanceLiabilityWeight", a.maintenanceLiabilityWeight());
        g.writeNumberField("sizeFactor", a.sizeFactor());
    }

    private static void writeMarket(JsonGenerator g, Market m) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", m.symbol());
        g.writeStringField("underlying", m.underlying());
        writeMarketParameters(g, m);
        g.writeEndObject();
    }

    /** A market's parameters as fields of the object being written: its fee, positive-PnL weight and tiers. */
    static void writeMarketParameters(JsonGenerator g, Market m) throws IOException {
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
    }

    private static void writeAccount(JsonGenerator g, Account a) throws IOException {
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

    /** Writes to a temporary file beside the target, then moves it over the target. */
    private static void atomically(Path target, Consumer<OutputStream> body) {
        try {
            AtomicFiles.write(target, out -> {
                try {
                    body.accept(out);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
