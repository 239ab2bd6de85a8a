package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.book.MarginBookBuilder;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.FieldChecks;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.ModelValidationException;
import io.solvent.engine.model.Prices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams a book file (format 1) straight into the hot state: one account at a time is parsed, checked and copied
 * into a {@link MarginBookBuilder}, so that neither the whole JSON tree nor a {@link Book} of records is ever held.
 * For a million sub-accounts this keeps the heap to the hot state itself (see {@code docs/performance.md}).
 *
 * <p>Same checks, same errors, same result as {@code MarginBook.of(BookReader.read(file), settlementAsset)}: every
 * field, name and range is checked by {@link BookReader}'s own code on each account's subtree, the checks across
 * the book (unique ids, known names) in the order the {@link Book} record makes them, and a syntax error anywhere in
 * the file wins over any other error, as it does when the whole tree is parsed first.
 */
public final class MarginBookReader {
    private MarginBookReader() {
    }

    /**
     * A book streamed into its hot state.
     *
     * @param universe the book's assets, markets and prices, without accounts
     * @param book     the evaluated hot state of every sub-account, in book order
     */
    public record Loaded(Book universe, MarginBook book) {
    }

    /**
     * @param file            the book file
     * @param settlementAsset symbol of the settlement asset (every sub-account gets a slot of it), or null for none
     * @return the universe and the evaluated hot state
     * @throws InputException naming the file, the place and what was expected (also when a used asset, or the
     *                        settlement asset, has no price: {@code $.prices})
     */
    public static Loaded read(Path file, String settlementAsset) {
        return JsonInput.withFile(file, (source, in) -> read(source, in, settlementAsset));
    }

    /**
     * @param source          name of the input, used in error messages
     * @param in              the JSON text
     * @param settlementAsset symbol of the settlement asset, or null for none
     * @return the universe and the evaluated hot state
     * @throws InputException naming the source, the place and what was expected (also when a used asset has no
     *                        price: {@code $.prices})
     */
    public static Loaded read(String source, InputStream in, String settlementAsset) {
        JsonParser parser = null;
        try (JsonParser p = JsonInput.parser(in)) {
            parser = p;
            return new Stream(source, p, settlementAsset).read();
        } catch (JsonProcessingException e) {
            throw JsonInput.invalid(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One pass over one document. */
    private static final class Stream {
        private final String source;
        private final JsonParser parser;
        private final MarginBookBuilder builder;
        private final ObjectNode head = JsonNodeFactory.instance.objectNode();
        private InputException accountError;
        private final Set<String> accountIds = new HashSet<>();
        private int duplicateAccount = -1;
        private String duplicateId;
        private int[] firstSub = new int[1024];
        private int accounts;

        Stream(String source, JsonParser parser, String settlementAsset) {
            this.source = source;
            this.parser = parser;
            this.builder = new MarginBookBuilder(settlementAsset, 1024);
        }

        Loaded read() throws IOException {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw JsonInput.empty(source);
            }
            if (t != JsonToken.START_OBJECT) {
                JsonNode root = subtree();
                JsonInput.requireEnd(parser);
                BookReader.fromTree(source, root); // not an object: fails as the tree reader does
                throw new IllegalStateException("a book that is not a JSON object was accepted");
            }
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("accounts") && parser.currentToken() == JsonToken.START_ARRAY) {
                    head.putArray(name);
                    accounts();
                } else if (BookReader.TOP.contains(name)) {
                    head.set(name, subtree());
                } else {
                    head.set(name, NullNode.getInstance()); // an unknown field: reported below, in file order
                    parser.skipChildren();
                }
            }
            JsonInput.requireEnd(parser);
            return checked();
        }

        private JsonNode subtree() throws IOException {
            JsonNode n = JsonInput.SUBTREES.readTree(parser);
            return n == null ? NullNode.getInstance() : n;
        }

        private void accounts() throws IOException {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (accountError != null) {
                    parser.skipChildren(); // still parsed: a later syntax error wins, as with the whole tree
                } else {
                    JsonCursor at = new JsonCursor(source, "$.accounts[" + i + "]", subtree());
                    try {
                        add(BookReader.account(at), i);
                    } catch (InputException e) {
                        accountError = e;
                    }
                }
                i++;
            }
        }

        private void add(Account a, int index) {
            if (!accountIds.add(a.id()) && duplicateAccount < 0) {
                duplicateAccount = index;
                duplicateId = a.id();
            }
            if (accounts + 1 >= firstSub.length) {
                firstSub = Arrays.copyOf(firstSub, 2 * firstSub.length);
            }
            firstSub[accounts++] = builder.size();
            builder.add(a);
        }

        /** The checks of {@link BookReader#fromTree} and of the {@link Book} record, in their order. */
        private Loaded checked() {
            JsonCursor doc = JsonCursor.root(source, head).object(BookReader.TOP);
            BookReader.readFormat(doc.field("format"));
            List<Asset> assets = BookReader.assets(doc);
            List<Market> markets = BookReader.markets(doc);
            BookReader.required(doc, "accounts").elements(); // missing, or not an array
            if (accountError != null) {
                throw accountError;
            }
            Prices prices = BookReader.prices(doc);
            BookReader.validated(doc, () -> {
                crossChecks(assets, markets, prices);
                return null;
            });
            firstSub[accounts] = builder.size();
            Book universe = BookReader.validated(doc, () -> new Book(assets, markets, List.of(), prices));
            try {
                return new Loaded(universe, builder.build(assets, markets, prices));
            } catch (IllegalArgumentException e) { // an asset held or traded without a price
                throw new InputException(source, "$.prices", e.getMessage() + "; expected a price for every asset"
                        + " held or traded", e);
            }
        }

        private void crossChecks(List<Asset> assets, List<Market> markets, Prices prices) {
            FieldChecks.unique("assets", assets, Asset::symbol, "asset symbol");
            FieldChecks.unique("markets", markets, Market::symbol, "market symbol");
            if (duplicateAccount >= 0) {
                throw new ModelValidationException("accounts[" + duplicateAccount + "]", "duplicate account id '"
                        + duplicateId + "'");
            }
            Set<String> assetNames = new LinkedHashSet<>();
            assets.forEach(a -> assetNames.add(a.symbol()));
            Set<String> marketNames = new LinkedHashSet<>();
            markets.forEach(m -> marketNames.add(m.symbol()));
            for (int i = 0; i < markets.size(); i++) {
                String u = markets.get(i).underlying();
                if (!assetNames.contains(u)) {
                    throw new ModelValidationException("markets[" + i + "].underlying", "unknown asset '" + u
                            + "'; expected one of " + assetNames);
                }
            }
            if (!builder.namesOnly(assetNames, marketNames)) {
                firstUnknownName(assetNames, marketNames);
            }
            for (String priced : prices.bySymbol().keySet()) {
                if (!assetNames.contains(priced)) {
                    throw new ModelValidationException("prices." + priced, "unknown asset '" + priced
                            + "'; expected one of " + assetNames);
                }
            }
        }

        private void firstUnknownName(Set<String> assetNames, Set<String> marketNames) {
            int subs = builder.size();
            for (int a = 0; a < accounts; a++) {
                int end = a + 1 < accounts ? firstSub[a + 1] : subs;
                for (int s = firstSub[a]; s < end; s++) {
                    String at = "accounts[" + a + "].subaccounts[" + (s - firstSub[a]) + "]";
                    int bEnd = s + 1 < subs ? builder.balanceStart(s + 1) : builder.balanceCount();
                    for (int b = builder.balanceStart(s); b < bEnd; b++) {
                        String asset = builder.balanceSymbol(b);
                        if (!assetNames.contains(asset) && !builder.isAddedSettlementSlot(b)) {
                            throw new ModelValidationException(at + ".balances." + asset, "unknown asset '" + asset
                                    + "'; expected one of " + assetNames);
                        }
                    }
                    int pStart = builder.positionStart(s);
                    int pEnd = s + 1 < subs ? builder.positionStart(s + 1) : builder.positionCount();
                    for (int p = pStart; p < pEnd; p++) {
                        String m = builder.positionSymbol(p);
                        if (!marketNames.contains(m)) {
                            throw new ModelValidationException(at + ".positions[" + (p - pStart) + "].market",
                                    "unknown market '" + m + "'; expected one of " + marketNames);
                        }
                    }
                }
            }
        }
    }
}
