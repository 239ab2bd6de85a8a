package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Prices;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a prices file: one JSON object {@code {"SYMBOL": price, ...}}, prices in USD per unit from
 * {@value Plausible#MIN_PRICE} to {@value Plausible#MAX_PRICE}.
 */
public final class PricesReader {
    private PricesReader() {
    }

    /**
     * @param file the prices file
     * @return the prices, in file order
     * @throws InputException naming the file, the place and what was expected
     */
    public static Prices read(Path file) {
        return prices(JsonCursor.root(file.toString(), JsonInput.read(file)));
    }

    /**
     * Applies price overrides to a book, after checking that they name only the book's assets.
     *
     * @param book      the book
     * @param overrides prices from a prices file
     * @param source    the prices file as the user named it, for error messages
     * @return the book with its prices replaced or completed by {@code overrides}
     * @throws InputException when an override names an unknown asset
     */
    public static Book applyTo(Book book, Prices overrides, String source) {
        for (String symbol : overrides.bySymbol().keySet()) {
            if (book.assets().stream().noneMatch(a -> a.symbol().equals(symbol))) {
                JsonCursor at = JsonCursor.root(source, null);
                throw new InputException(source, at.childPath(symbol), "unknown asset '" + symbol
                        + "'; expected one of the book's assets " + book.assets().stream().map(Asset::symbol).toList(),
                        null);
            }
        }
        return book.withPrices(overrides);
    }

    /**
     * @param book   the book, prices applied
     * @param source the book file as the user named it, for error messages
     * @return the same book
     * @throws InputException when an asset that a balance or position uses has no price
     */
    public static Book requireComplete(Book book, String source) {
        List<String> missing = book.unpricedAssets();
        if (!missing.isEmpty()) {
            throw new InputException(source, "$.prices", "no price for " + String.join(", ", missing)
                    + "; expected a finite price > 0 for every asset held or traded, in the book's prices or in"
                    + " --prices", null);
        }
        return book;
    }

    static Prices prices(JsonCursor object) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonCursor entry : object.entries()) {
            out.put(entry.name(), Plausible.price(entry));
        }
        return new Prices(out);
    }
}
