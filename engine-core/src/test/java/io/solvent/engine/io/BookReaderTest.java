package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The book reader accepts the documented example and rejects each kind of bad input of cli-and-files.md. */
class BookReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The example book of cli-and-files.md. */
    static final String EXAMPLE = """
            {
              "format": 1,
              "assets": [
                {"symbol": "USDC"},
                {"symbol": "ETH", "initialWeight": 0.8, "maintenanceWeight": 0.825,
                 "initialLiabilityWeight": 1.2, "maintenanceLiabilityWeight": 1.1, "sizeFactor": 0.0}
              ],
              "markets": [
                {"symbol": "ETH-PERP", "underlying": "ETH", "liquidationFee": 0.01, "positivePnlWeight": 1.0,
                 "tiers": [{"upTo": 1000000, "initialMarginFraction": 0.05, "maintenanceMarginFraction": 0.03},
                           {"upTo": null,    "initialMarginFraction": 0.10, "maintenanceMarginFraction": 0.06}]}
              ],
              "accounts": [
                {"id": "alice", "subaccounts": [
                  {"id": "0", "mode": "cross", "balances": {"USDC": 5000, "ETH": 2},
                   "positions": [{"market": "ETH-PERP", "size": 10, "entryPrice": 2000}]},
                  {"id": "1", "mode": "isolated", "balances": {"USDC": 800},
                   "positions": [{"market": "ETH-PERP", "size": -3, "entryPrice": 2100}]}
                ]}
              ],
              "prices": {"USDC": 1, "ETH": 2000}
            }
            """;

    static Book read(String text) {
        return BookReader.read("book.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static InputException rejected(String text) {
        return assertThrows(InputException.class, () -> read(text));
    }

    @Test
    void readsTheDocumentedExample() {
        Book book = read(EXAMPLE);
        assertEquals(2, book.assets().size());
        assertEquals(0.825, book.assets().get(1).maintenanceWeight());
        assertEquals(1.0, book.assets().getFirst().maintenanceWeight(), "defaults apply");
        assertEquals(Double.POSITIVE_INFINITY, book.markets().getFirst().tiers().get(1).upTo());
        assertEquals(MarginMode.ISOLATED, book.accounts().getFirst().subaccounts().get(1).mode());
        assertEquals(-3, book.accounts().getFirst().subaccounts().get(1).positions().getFirst().size());
        assertEquals(2000.0, book.prices().of("ETH"));
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                // unknown names
                bad("unknown asset in a balance", b -> sub(b, 0).with("balances").put("BTC", 1),
                        "$.accounts[0].subaccounts[0].balances.BTC", "unknown asset 'BTC'"),
                bad("unknown underlying", b -> market(b).put("underlying", "SOL"),
                        "$.markets[0].underlying", "unknown asset 'SOL'"),
                bad("unknown market", b -> position(b).put("market", "BTC-PERP"),
                        "$.accounts[0].subaccounts[0].positions[0].market", "unknown market 'BTC-PERP'"),
                bad("unknown asset priced", b -> ((ObjectNode) b.get("prices")).put("DOGE", 0.1),
                        "$.prices.DOGE", "unknown asset 'DOGE'"),
                // duplicates
                bad("duplicate asset", b -> ((ArrayNode) b.get("assets")).addObject().put("symbol", "ETH"),
                        "$.assets[2]", "duplicate asset symbol 'ETH'"),
                bad("duplicate market", b -> ((ArrayNode) b.get("markets")).add(market(b).deepCopy()),
                        "$.markets[1]", "duplicate market symbol 'ETH-PERP'"),
                bad("duplicate account", b -> ((ArrayNode) b.get("accounts")).add(b.get("accounts").get(0).deepCopy()),
                        "$.accounts[1]", "duplicate account id 'alice'"),
                bad("duplicate sub-account", b -> sub(b, 1).put("id", "0"),
                        "$.accounts[0].subaccounts[1]", "duplicate sub-account id '0'"),
                // ranges
                bad("initial weight above 1", b -> eth(b).put("initialWeight", 1.2),
                        "$.assets[1].initialWeight", "expected 0 <= value <= 1"),
                bad("maintenance weight below initial", b -> eth(b).put("maintenanceWeight", 0.7),
                        "$.assets[1].maintenanceWeight", "expected initialWeight (0.8) <= value <= 1"),
                bad("maintenance liability weight below 1", b -> eth(b).put("maintenanceLiabilityWeight", 0.9),
                        "$.assets[1].maintenanceLiabilityWeight", "expected a number >= 1"),
                bad("initial liability weight below maintenance", b -> eth(b).put("initialLiabilityWeight", 1.05),
                        "$.assets[1].initialLiabilityWeight", "expected a number >= maintenanceLiabilityWeight"),
                bad("negative size factor", b -> eth(b).put("sizeFactor", -0.1),
                        "$.assets[1].sizeFactor", "expected a number >= 0"),
                bad("imf below mmf", b -> tier(b, 0).put("initialMarginFraction", 0.02),
                        "$.markets[0].tiers[0].initialMarginFraction", "expected maintenanceMarginFraction (0.03)"),
                bad("mmf zero", b -> tier(b, 0).put("maintenanceMarginFraction", 0),
                        "$.markets[0].tiers[0].maintenanceMarginFraction", "expected 0 < value <= 1"),
                bad("liquidation fee not below first mmf", b -> market(b).put("liquidationFee", 0.03),
                        "$.markets[0].liquidationFee", "expected 0 <= fee < the first tier's maintenanceMarginFraction"),
                bad("positive PnL weight above 1", b -> market(b).put("positivePnlWeight", 1.5),
                        "$.markets[0].positivePnlWeight", "expected 0 <= value <= 1"),
                // tiers
                bad("tiers not ascending", b -> {
                    tier(b, 0).put("upTo", 500000);
                    ((ArrayNode) market(b).get("tiers")).insertObject(1).put("upTo", 400000)
                            .put("initialMarginFraction", 0.05).put("maintenanceMarginFraction", 0.03);
                }, "$.markets[0].tiers[1].upTo", "expected tiers strictly ascending"),
                bad("last tier bounded", b -> tier(b, 1).put("upTo", 5000000),
                        "$.markets[0].tiers[1].upTo", "expected null (no bound) on the last tier"),
                bad("no tiers", b -> market(b).putArray("tiers"),
                        "$.markets[0].tiers", "expected at least one tier"),
                // sub-accounts and positions
                bad("isolated with two positions", b -> ((ArrayNode) sub(b, 1).get("positions"))
                                .addObject().put("market", "ETH-PERP").put("size", 1).put("entryPrice", 2000),
                        "$.accounts[0].subaccounts[1].positions", "expected at most one position in an isolated"),
                bad("entry price zero", b -> position(b).put("entryPrice", 0),
                        "$.accounts[0].subaccounts[0].positions[0].entryPrice", "expected a price from 1.0E-12 to 1.0E9 USD per unit"),
                bad("entry price negative", b -> position(b).put("entryPrice", -5),
                        "$.accounts[0].subaccounts[0].positions[0].entryPrice", "expected a price from 1.0E-12 to 1.0E9 USD per unit"),
                bad("unknown mode", b -> sub(b, 0).put("mode", "portfolio"),
                        "$.accounts[0].subaccounts[0].mode", "expected \"cross\" or \"isolated\""),
                // prices
                bad("price zero", b -> ((ObjectNode) b.get("prices")).put("ETH", 0),
                        "$.prices.ETH", "expected a price from 1.0E-12 to 1.0E9 USD per unit"),
                bad("price negative", b -> ((ObjectNode) b.get("prices")).put("ETH", -1),
                        "$.prices.ETH", "expected a price from 1.0E-12 to 1.0E9 USD per unit"),
                bad("price not a number", b -> ((ObjectNode) b.get("prices")).put("ETH", "2000"),
                        "$.prices.ETH", "expected a number, found string \"2000\""),
                // numbers that are not numbers
                bad("size as text", b -> position(b).put("size", "ten"),
                        "$.accounts[0].subaccounts[0].positions[0].size", "expected a number, found string \"ten\""),
                bad("weight as boolean", b -> eth(b).put("maintenanceWeight", true),
                        "$.assets[1].maintenanceWeight", "expected a number, found boolean true"),
                bad("balance as null", b -> sub(b, 0).with("balances").putNull("USDC"),
                        "$.accounts[0].subaccounts[0].balances.USDC", "expected a number, found null"),
                // shape
                bad("unknown field", b -> eth(b).put("maintenaceWeight", 0.9),
                        "$.assets[1].maintenaceWeight", "unknown field 'maintenaceWeight'"),
                bad("missing format", b -> b.remove("format"), "$.format", "missing; expected 1"),
                bad("other format", b -> b.put("format", 2), "$.format", "unsupported format 2"),
                bad("missing symbol", b -> eth(b).remove("symbol"), "$.assets[1].symbol", "missing; expected a string"),
                bad("accounts not an array", b -> b.put("accounts", "alice"), "$.accounts",
                        "expected an array, found string \"alice\""));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String place, String problem) {
        return Arguments.of(name, change, place, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejects(String name, Consumer<ObjectNode> change, String place, String problem) throws IOException {
        ObjectNode book = (ObjectNode) JSON.readTree(EXAMPLE);
        change.accept(book);
        InputException e = rejected(JSON.writeValueAsString(book));
        assertEquals("book.json", e.source());
        assertEquals(place, e.place(), e.getMessage());
        assertTrue(e.problem().contains(problem), () -> "'" + e.problem() + "' should contain '" + problem + "'");
        assertTrue(e.getMessage().startsWith("book.json: " + place + ": "), e.getMessage());
    }

    @Test
    void rejectsNaNAndInfiniteNumbersWithLineAndColumn() {
        InputException nan = rejected(EXAMPLE.replace("\"ETH\": 2000}", "\"ETH\": NaN}"));
        assertEquals("line 21, column 35", nan.place(), nan.getMessage());
        assertEquals("invalid JSON: Non-standard token 'NaN'; expected a finite number", nan.problem());

        InputException inf = rejected(EXAMPLE.replace("\"ETH\": 2000}", "\"ETH\": 1e400}"));
        assertEquals("$.prices.ETH", inf.place(), inf.getMessage());
        assertTrue(inf.problem().contains("finite"), inf.getMessage());
    }

    @Test
    void rejectsBrokenJsonWithLineAndColumn() {
        InputException e = rejected(EXAMPLE.replace("\"format\": 1,", "\"format\": 1"));
        assertEquals("line 3, column 3", e.place(), e.getMessage());
        InputException trailing = rejected(EXAMPLE + "{}");
        assertTrue(trailing.place().startsWith("line 23"), trailing.getMessage());
        InputException empty = rejected("");
        assertTrue(empty.problem().contains("empty"), empty.getMessage());
    }

    @Test
    void rejectsDuplicateKeys() {
        InputException e = rejected(EXAMPLE.replace("{\"USDC\": 800}", "{\"USDC\": 800, \"USDC\": 900}"));
        assertEquals("line 17, column 71", e.place(), e.getMessage());
        assertTrue(e.problem().contains("Duplicate field 'USDC'"), e.getMessage());
    }

    @Test
    void namesAMissingFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        InputException e = assertThrows(InputException.class, () -> BookReader.read(missing));
        assertEquals(missing.toString(), e.source());
        assertEquals("no such file", e.problem());
        InputException d = assertThrows(InputException.class, () -> BookReader.read(dir));
        assertTrue(d.problem().contains("directory"), d.getMessage());
    }

    @Test
    void missingPricesAreNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Book book = read(EXAMPLE.replace("\"prices\": {\"USDC\": 1, \"ETH\": 2000}", "\"prices\": {\"USDC\": 1}"));
        InputException e = assertThrows(InputException.class, () -> PricesReader.requireComplete(book, "book.json"));
        assertEquals("$.prices", e.place());
        assertTrue(e.problem().startsWith("no price for ETH"), e.getMessage());

        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"ETH\": 1800}");
        Book priced = PricesReader.applyTo(book, PricesReader.read(prices), prices.toString());
        assertEquals(1800.0, PricesReader.requireComplete(priced, "book.json").prices().of("ETH"));

        Files.writeString(prices, "{\"SOL\": 150}");
        InputException unknown = assertThrows(InputException.class,
                () -> PricesReader.applyTo(book, PricesReader.read(prices), prices.toString()));
        assertEquals("$.SOL", unknown.place());
        assertEquals(prices.toString(), unknown.source());
    }

    private static ObjectNode eth(ObjectNode b) {
        return (ObjectNode) b.get("assets").get(1);
    }

    private static ObjectNode market(ObjectNode b) {
        return (ObjectNode) b.get("markets").get(0);
    }

    private static ObjectNode tier(ObjectNode b, int i) {
        return (ObjectNode) market(b).get("tiers").get(i);
    }

    private static ObjectNode sub(ObjectNode b, int i) {
        return (ObjectNode) b.get("accounts").get(0).get("subaccounts").get(i);
    }

    private static ObjectNode position(ObjectNode b) {
        return (ObjectNode) sub(b, 0).get("positions").get(0);
    }
}
