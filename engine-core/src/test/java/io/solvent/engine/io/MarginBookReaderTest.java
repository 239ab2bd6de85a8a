package io.solvent.engine.io;

import io.solvent.engine.input.InputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solvent.engine.book.MarginBook;
import io.solvent.engine.model.Book;
import io.solvent.engine.population.PopulationGenerator;
import io.solvent.engine.population.PopulationParameters;
import io.solvent.engine.testing.MarginBooks;
import io.solvent.engine.testing.RandomBooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The streaming loader gives, for every book, the hot state {@code MarginBook.of(BookReader.read(f), settlement)}
 * gives, and for every bad book, BookReader's error: same source, place and problem.
 */
class MarginBookReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BOOKS = Path.of("..", "assets", "books");

    static Stream<Arguments> shippedBooks() {
        return Stream.of("example.json", "population-300.json").flatMap(f -> Stream.of(
                Arguments.of(f, null), Arguments.of(f, "USDC")));
    }

    @ParameterizedTest(name = "{0}, settlement {1}")
    @MethodSource("shippedBooks")
    void shippedBooksLoadToTheSameHotState(String file, String settlement) {
        Path path = BOOKS.resolve(file);
        MarginBook expected = MarginBook.of(BookReader.read(path), settlement);
        MarginBookReader.Loaded loaded = MarginBookReader.read(path, settlement);
        MarginBooks.assertIdentical(expected, loaded.book());
        Book tree = BookReader.read(path);
        assertEquals(tree.assets(), loaded.universe().assets());
        assertEquals(tree.markets(), loaded.universe().markets());
        assertEquals(tree.prices(), loaded.universe().prices());
    }

    @Property(tries = 60)
    void randomBooksLoadToTheSameHotState(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int accounts,
                                          @ForAll boolean settle, @ForAll boolean pretty) {
        Book book = RandomBooks.generate(seed, accounts);
        byte[] bytes = write(book, pretty);
        String settlement = settle ? "USDC" : null;
        MarginBooks.assertIdentical(MarginBook.of(BookReader.read("r.json", new ByteArrayInputStream(bytes)),
                settlement), MarginBookReader.read("r.json", new ByteArrayInputStream(bytes), settlement).book());
    }

    @Test
    void aGeneratedPopulationLoadsToTheSameHotState() {
        PopulationGenerator g = new PopulationGenerator(PopulationParameters.ofSubAccounts(5_000, 7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookWriter.write(g.universe(), g.accounts(), out, false);
        byte[] bytes = out.toByteArray();
        MarginBook expected = MarginBook.of(BookReader.read("p.json", new ByteArrayInputStream(bytes)), "USDC");
        MarginBooks.assertIdentical(expected,
                MarginBookReader.read("p.json", new ByteArrayInputStream(bytes), "USDC").book());
        MarginBooks.assertIdentical(expected, fromIterator(g));
    }

    /** The builder fed straight from the generator's records: the path the benchmarks use. */
    private static MarginBook fromIterator(PopulationGenerator g) {
        io.solvent.engine.book.MarginBookBuilder b = new io.solvent.engine.book.MarginBookBuilder("USDC", 0);
        for (Iterator<io.solvent.engine.model.Account> it = g.accounts(); it.hasNext(); ) {
            b.add(it.next());
        }
        Book u = g.universe();
        return b.build(u.assets(), u.markets(), u.prices());
    }

    static Stream<Arguments> rejections() {
        return BookReaderTest.rejections();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsEachBadBookAsTheTreeReaderDoes(String name, Consumer<ObjectNode> change, String place, String problem)
            throws IOException {
        ObjectNode book = (ObjectNode) JSON.readTree(BookReaderTest.EXAMPLE);
        change.accept(book);
        InputException e = sameError(JSON.writeValueAsString(book));
        assertEquals(place, e.place());
    }

    static Stream<String> badTexts() {
        String ex = BookReaderTest.EXAMPLE;
        return Stream.of(
                ex.replace("\"ETH\": 2000}", "\"ETH\": NaN}"),
                ex.replace("\"ETH\": 2000}", "\"ETH\": 1e400}"),
                ex.replace("\"format\": 1,", "\"format\": 1"),
                ex + "{}",
                ex + "  7",
                "",
                "   \n",
                "[1, 2]",
                "\"book\"",
                "null",
                "{}",
                "{\"format\": 1}",
                "{\"format\": 1, \"assets\": []}",
                "{\"format\": 1, \"assets\": [], \"accounts\": {}}",
                "{\"format\": 1, \"assets\": [], \"accounts\": [], \"prices\": null}",
                ex.replace("{\"USDC\": 800}", "{\"USDC\": 800, \"USDC\": 900}"),
                // a semantic error early, a syntax error late: the syntax error wins
                ex.replace("\"mode\": \"cross\"", "\"mode\": \"portfolio\"").replace("\"USDC\": 1,", "\"USDC\": 1"),
                // accounts before assets, markets and format: the tree's order of checks still decides
                reordered(ex, "accounts", "{\"id\": \"x\", \"subaccounts\": []}", "{\"symbol\": 5}"),
                reordered(ex, "accounts", "{\"id\": \"x\", \"subaccounts\": [{\"id\": \"0\", \"mode\": \"cross\","
                        + " \"balances\": {\"BTC\": 1}}]}", "{\"symbol\": \"BTC-X\"}"),
                reordered(ex, "accounts", "{\"id\": \"x\", \"subaccounts\": [{\"id\": \"0\", \"mode\": \"cross\","
                        + " \"balances\": {\"BTC\": 1}}]}", null),
                ex.replace("\"format\": 1,", "\"format\": 1, \"extra\": true,").replace("\"cross\"", "\"portfolio\""),
                ex.replace("\"prices\"", "\"zzz\": [], \"prices\"").replace("\"cross\"", "\"portfolio\""),
                // two errors: an account error before a duplicate account id
                ex.replace("\"accounts\": [", "\"accounts\": [{\"id\": \"alice\", \"subaccounts\": [{\"id\": \"0\","
                        + " \"mode\": \"cross\"}]},").replace("\"size\": -3", "\"size\": \"x\""),
                ex.replace("\"accounts\": [", "\"accounts\": [{\"id\": \"alice\", \"subaccounts\": [{\"id\": \"0\","
                        + " \"mode\": \"cross\", \"balances\": {\"DOGE\": 1}}]},"),
                ex.replace("\"id\": \"alice\"", "\"id\": \"\""),
                ex.replace("\"id\": \"alice\"", "\"id\": 7"),
                ex.replace("{\"id\": \"alice\", \"subaccounts\": [", "{\"id\": \"alice\", \"subaccounts\": [], \"x\": ["));
    }

    /** The example with a top-level field moved to the front and an asset added (null: none). */
    private static String reordered(String ex, String field, String account, String asset) {
        try {
            ObjectNode book = (ObjectNode) JSON.readTree(ex);
            ObjectNode out = JSON.createObjectNode();
            out.set(field, book.get(field));
            ((com.fasterxml.jackson.databind.node.ArrayNode) out.get("accounts")).add(JSON.readTree(account));
            book.fieldNames().forEachRemaining(n -> {
                if (!n.equals(field)) {
                    out.set(n, book.get(n));
                }
            });
            if (asset != null) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) out.get("assets")).add(JSON.readTree(asset));
            }
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("badTexts")
    void rejectsBrokenAndOddDocumentsAsTheTreeReaderDoes(String text) {
        sameError(text);
    }

    @Test
    void namesAMissingFileAndADirectory(@TempDir Path dir) {
        for (Path p : List.of(dir.resolve("nope.json"), dir)) {
            InputException tree = assertThrows(InputException.class, () -> BookReader.read(p));
            InputException stream = assertThrows(InputException.class, () -> MarginBookReader.read(p, null));
            assertEquals(tree.getMessage(), stream.getMessage());
        }
    }

    @Test
    void unpricedAssetsFailAsMarginBookOfDoesAsBadInputAtPrices(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("b.json");
        Files.writeString(f, BookReaderTest.EXAMPLE.replace("\"prices\": {\"USDC\": 1, \"ETH\": 2000}",
                "\"prices\": {\"ETH\": 2000}"));
        List<String> messages = new ArrayList<>();
        for (String settlement : new String[] {null, "USDC", "SOL"}) {
            IllegalArgumentException tree = assertThrows(IllegalArgumentException.class,
                    () -> MarginBook.of(BookReader.read(f), settlement));
            InputException stream = assertThrows(InputException.class, () -> MarginBookReader.read(f, settlement));
            assertEquals("$.prices", stream.place());
            assertEquals(tree.getMessage() + "; expected a price for every asset held or traded", stream.problem());
            messages.add(tree.getMessage());
        }
        Files.writeString(f, BookReaderTest.EXAMPLE);
        IllegalArgumentException tree = assertThrows(IllegalArgumentException.class,
                () -> MarginBook.of(BookReader.read(f), "SOL"));
        InputException stream = assertThrows(InputException.class, () -> MarginBookReader.read(f, "SOL"));
        assertEquals(tree.getMessage() + "; expected a price for every asset held or traded", stream.problem());
        assertEquals("no price for [USDC]", messages.getFirst());
    }

    private static InputException sameError(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputException tree = assertThrows(InputException.class,
                () -> BookReader.read("book.json", new ByteArrayInputStream(bytes)));
        InputException stream = assertThrows(InputException.class,
                () -> MarginBookReader.read("book.json", new ByteArrayInputStream(bytes), "USDC"));
        assertEquals(tree.source(), stream.source());
        assertEquals(tree.place(), stream.place(), tree.getMessage());
        assertEquals(tree.problem(), stream.problem());
        return stream;
    }

    private static byte[] write(Book book, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookWriter.write(new Book(book.assets(), book.markets(), List.of(), book.prices()),
                book.accounts().iterator(), out, pretty);
        return out.toByteArray();
    }
}
