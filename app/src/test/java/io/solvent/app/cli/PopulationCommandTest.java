package io.solvent.app.cli;

import io.solvent.engine.io.BookReader;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.Market;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationCommandTest {

    @Test
    void writesABookThatReadsBackAndTheSameSeedGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        CliRun run = CliRun.of("population", "--accounts", "300", "--seed", "42", "--out", a.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("300 accounts"), run.err());
        assertEquals(0, CliRun.of("population", "--accounts", "300", "--seed", "42", "--out", b.toString()).status());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Book book = BookReader.read(a);
        assertEquals(300, book.accounts().size());
        assertEquals(10, book.markets().size());
        assertTrue(book.unpricedAssets().isEmpty());
        // the margin command takes it as it is
        assertEquals(0, CliRun.of("margin", a.toString(), "--compact").status());
    }

    @Test
    void subAccountsMarketsProfileAndCompactOptions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("book.json");
        CliRun run = CliRun.of("population", "--subaccounts", "250", "--seed", "-3", "--out", file.toString(),
                "--markets", "BTC-PERP,ETH-PERP", "--profile", "usdc-only", "--compact");
        assertEquals(0, run.status(), run.err());
        assertEquals(1, Files.readString(file).strip().lines().count());
        Book book = BookReader.read(file);
        assertEquals(250, book.accounts().stream().mapToInt(x -> x.subaccounts().size()).sum());
        assertEquals(List.of("BTC-PERP", "ETH-PERP"), book.markets().stream().map(Market::symbol).toList());
        book.accounts().forEach(x -> x.subaccounts().forEach(s ->
                assertEquals(List.of("USDC"), List.copyOf(s.balances().keySet()))));
    }

    @Test
    void badArgumentsExitWithStatus2AndOneLine(@TempDir Path dir) {
        String out = dir.resolve("x.json").toString();
        String[][] cases = {
            {"population", "--accounts", "0", "--seed", "1", "--out", out},
            {"population", "--accounts", "ten", "--seed", "1", "--out", out},
            {"population", "--accounts", "5", "--subaccounts", "5", "--seed", "1", "--out", out},
            {"population", "--seed", "1", "--out", out},
            {"population", "--accounts", "5", "--out", out},
            {"population", "--accounts", "5", "--seed", "1", "--out", out, "--markets", "BTC-PERP,FOO-PERP"},
            {"population", "--accounts", "5", "--seed", "1", "--out", out, "--markets", "BTC-PERP,BTC-PERP"},
            {"population", "--accounts", "5", "--seed", "1", "--out", out, "--profile", "wild"},
            {"population", "--accounts", "5", "--seed", "1", "--out", dir.toString()},
            {"population", "--accounts", "5", "--seed", "1", "--out", dir.resolve("no/such/dir/x.json").toString()},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("solvent: "), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            assertTrue(run.err().lines().count() <= 2, run.err()); // the problem, then "Try ... --help"
        }
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void helpNamesTheDistributionsAndTheDoc() {
        CliRun run = CliRun.of("population", "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("docs/population.md"));
        assertTrue(run.out().contains("--subaccounts"));
        assertTrue(run.out().contains("median 941 USD"));
    }
}
