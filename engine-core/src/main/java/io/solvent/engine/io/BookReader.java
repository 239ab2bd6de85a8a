package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.engine.model.Account;
import io.solvent.engine.model.Asset;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.MarginTier;
import io.solvent.engine.model.Market;
import io.solvent.engine.model.ModelValidationException;
import io.solvent.engine.model.Position;
import io.solvent.engine.model.Prices;
import io.solvent.engine.model.SubAccount;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the book file (format 1 of {@code cli-and-files.md}): assets, markets, accounts and optional prices. Every
 * field is checked for its type and range, every name for existence and uniqueness; unknown fields are rejected so
 * that a misspelt weight never silently falls back to its default.
 */
public final class BookReader {
    /** The book format this reader understands. */
    public static final int FORMAT = 1;

    static final Set<String> TOP = Set.of("format", "assets", "markets", "accounts", "prices");
    private static final Set<String> ASSET = Set.of("symbol", "initialWeight", "maintenanceWeight",
            "initialLiabilityWeight", "maintenanceLiabilityWeight", "sizeFactor");
    private static final Set<String> MARKET = Set.of("symbol", "underlying", "tiers", "liquidationFee",
            "positivePnlWeight");
    private static final Set<String> TIER = Set.of("upTo", "initialMarginFraction", "maintenanceMarginFraction");
    private static final Set<String> ACCOUNT = Set.of("id", "subaccounts");
    private static final Set<String> SUBACCOUNT = Set.of("id", "mode", "balances", "positions");
    private static final Set<String> POSITION = Set.of("market", "size", "entryPrice");

    private BookReader() {
    }

    /**
     * @param file the book file
     * @return the validated book
     * @throws InputException naming the file, the place and what was expected
     */
    public static Book read(Path file) {
        return fromTree(file.toString(), JsonInput.read(file));
    }

    /**
     * @param source name of the input, used in error messages
     * @param in     the JSON text
     * @return the validated book
     * @throws InputException naming the source, the place and what was expected
     */
    public static Book read(String source, InputStream in) {
        return fromTree(source, JsonInput.read(source, in));
    }

    /**
     * @param source name of the input, used in error messages
     * @param root   the parsed document
     * @return the validated book
     * @throws InputException naming the source, the JSON path and what was expected
     */
    public static Book fromTree(String source, JsonNode root) {
        JsonCursor doc = JsonCursor.root(source, root).object(TOP);
        readFormat(doc.field("format"));
        List<Asset> assets = assets(doc);
        List<Market> markets = markets(doc);
        List<Account> accounts = new ArrayList<>();
        for (JsonCursor a : required(doc, "accounts").elements()) {
            accounts.add(account(a));
        }
        Prices prices = prices(doc);
        return validated(doc, () -> new Book(assets, markets, accounts, prices));
    }

    static List<Asset> assets(JsonCursor doc) {
        List<Asset> assets = new ArrayList<>();
        for (JsonCursor a : required(doc, "assets").elements()) {
            assets.add(asset(a));
        }
        return assets;
    }

    static List<Market> markets(JsonCursor doc) {
        List<Market> markets = new ArrayList<>();
        for (JsonCursor m : required(doc, "markets", true).elements()) {
            markets.add(market(m));
        }
        return markets;
    }

    static Prices prices(JsonCursor doc) {
        return doc.has("prices") ? PricesReader.prices(doc.field("prices")) : Prices.none();
    }

    static void readFormat(JsonCursor format) {
        if (format.isMissing()) {
            throw format.fail("missing; expected " + FORMAT + " (the version of the book format)");
        }
        double v = format.number();
        if (v != FORMAT) {
            throw format.fail("unsupported format " + format.node().asText() + "; this version of solvent reads format "
                    + FORMAT);
        }
    }

    static JsonCursor required(JsonCursor doc, String name) {
        return required(doc, name, false);
    }

    private static JsonCursor required(JsonCursor doc, String name, boolean mayBeAbsent) {
        JsonCursor c = doc.field(name);
        if (c.isMissing()) {
            if (mayBeAbsent) {
                return new JsonCursor(c.source(), c.path(), com.fasterxml.jackson.databind.node.JsonNodeFactory
                        .instance.arrayNode());
            }
            throw c.fail("missing; expected an array");
        }
        return c;
    }

    private static Asset asset(JsonCursor c) {
        c.object(ASSET);
        String symbol = c.field("symbol").text();
        return assetParameters(c, validated(c, () -> Asset.of(symbol)));
    }

    /**
     * @param c        an object holding some of an asset's parameters (its weights and size factor)
     * @param defaults the asset the fields not given are taken from
     * @return the asset, validated at {@code c}
     */
    static Asset assetParameters(JsonCursor c, Asset defaults) {
        return validated(c, () -> new Asset(defaults.symbol(),
                c.field("initialWeight").number(defaults.initialWeight()),
                c.field("maintenanceWeight").number(defaults.maintenanceWeight()),
                c.field("initialLiabilityWeight").number(defaults.initialLiabilityWeight()),
                c.field("maintenanceLiabilityWeight").number(defaults.maintenanceLiabilityWeight()),
                c.field("sizeFactor").number(defaults.sizeFactor())));
    }

    private static Market market(JsonCursor c) {
        c.object(MARKET);
        String symbol = c.field("symbol").text();
        String underlying = c.field("underlying").text();
        List<MarginTier> tiers = tiers(c.field("tiers"));
        return validated(c, () -> new Market(symbol, underlying, tiers,
                c.field("liquidationFee").number(Market.DEFAULT_LIQUIDATION_FEE),
                c.field("positivePnlWeight").number(1)));
    }

    /**
     * @param tierList a market's {@code tiers}: an array of {@code {upTo, initialMarginFraction,
     *                 maintenanceMarginFraction}}, {@code upTo} null on the last
     * @return the tiers, each validated (the schedule as a whole is validated by {@link Market})
     */
    static List<MarginTier> tiers(JsonCursor tierList) {
        List<MarginTier> tiers = new ArrayList<>();
        if (tierList.isMissing()) {
            throw tierList.fail("missing; expected an array of {upTo, initialMarginFraction, maintenanceMarginFraction}");
        }
        for (JsonCursor t : tierList.elements()) {
            t.object(TIER);
            JsonCursor upTo = t.field("upTo");
            if (upTo.isMissing()) {
                throw upTo.fail("missing; expected a notional in USD, or null on the last tier");
            }
            double bound = upTo.isNull() ? Double.POSITIVE_INFINITY
                    : Plausible.notional(upTo, upTo.number(), 0);
            double imf = t.field("initialMarginFraction").number();
            double mmf = t.field("maintenanceMarginFraction").number();
            tiers.add(validated(t, () -> new MarginTier(bound, imf, mmf)));
        }
        return tiers;
    }

    static Account account(JsonCursor c) {
        c.object(ACCOUNT);
        String id = c.field("id").text();
        List<SubAccount> subs = new ArrayList<>();
        JsonCursor list = c.field("subaccounts");
        if (list.isMissing()) {
            throw list.fail("missing; expected an array of sub-accounts");
        }
        for (JsonCursor s : list.elements()) {
            subs.add(subAccount(s));
        }
        return validated(c, () -> new Account(id, subs));
    }

    private static SubAccount subAccount(JsonCursor c) {
        c.object(SUBACCOUNT);
        String id = c.field("id").text();
        JsonCursor modeField = c.field("mode");
        String modeName = modeField.text();
        MarginMode mode = switch (modeName) {
            case "cross" -> MarginMode.CROSS;
            case "isolated" -> MarginMode.ISOLATED;
            default -> throw modeField.fail("expected \"cross\" or \"isolated\", found \"" + modeName + "\"");
        };
        Map<String, Double> balances = new LinkedHashMap<>();
        JsonCursor balanceObject = c.field("balances");
        if (!balanceObject.isMissing()) {
            for (JsonCursor b : balanceObject.entries()) {
                balances.put(b.name(), Plausible.units(b));
            }
        }
        List<Position> positions = new ArrayList<>();
        JsonCursor positionList = c.field("positions");
        if (!positionList.isMissing()) {
            for (JsonCursor p : positionList.elements()) {
                p.object(POSITION);
                String market = p.field("market").text();
                double size = Plausible.units(p.field("size"));
                double entry = Plausible.price(p.field("entryPrice"));
                positions.add(validated(p, () -> new Position(market, size, entry)));
            }
        }
        return validated(c, () -> new SubAccount(id, mode, balances, positions));
    }

    /** Runs a record constructor, turning a validation failure into an error at the field's JSON path. */
    static <T> T validated(JsonCursor at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ModelValidationException e) {
            String where = at.path() + (e.field().startsWith("[") ? "" : ".") + e.field();
            throw new InputException(at.source(), where, e.problem(), e);
        }
    }
}
