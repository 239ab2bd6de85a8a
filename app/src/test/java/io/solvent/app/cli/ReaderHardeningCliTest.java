package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15 as the user meets it: inputs that crashed with exit 1, ran out of memory or were read as nothing now end
 * in exit 2 and one line naming the file and the place.
 */
class ReaderHardeningCliTest {
    private static void oneLineBadInput(CliRun run, String expected) {
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertTrue(!run.err().contains("internal error") && !run.err().contains("Exception"), run.err());
    }

    @Test
    void marginRefusesABookWithASizeOf1e308(@TempDir Path dir) throws IOException {
        String book = Files.readString(MarginCommandTest.EXAMPLE);
        for (String[] change : new String[][] {{"\"size\": 10", "\"size\": 1e308"},
                {"\"entryPrice\": 2000", "\"entryPrice\": 1e308"}, {"\"upTo\": 1000000", "\"upTo\": 1e308"}}) {
            assertTrue(book.contains(change[0]), change[0]);
            Path f = Files.writeString(dir.resolve("b.json"), book.replaceFirst(change[0], change[1]));
            oneLineBadInput(CliRun.of("margin", f.toString()), f + ": $.");
        }
    }

    @Test
    void marginRefusesPricesOf1e308(@TempDir Path dir) throws IOException {
        Path prices = Files.writeString(dir.resolve("p.json"), "{\"ETH\": 1e308}");
        oneLineBadInput(CliRun.of("margin", MarginCommandTest.EXAMPLE.toString(), "--prices", prices.toString()),
                prices + ": $.ETH: expected a price from 1.0E-12 to 1.0E9 USD per unit");
    }

    @Test
    void feedInspectReadsCrOnlyFilesAndRefusesEndlessLines(@TempDir Path dir) throws IOException {
        Path cr = Files.writeString(dir.resolve("cr.csv"), "timestamp_ms,symbol,price\r1735689600000,BTCUSDT,94000\r"
                + "1735689601000,BTCUSDT,94010\r");
        CliRun run = CliRun.of("feed", "inspect", cr.toString(), "--compact");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"events\":2") || run.out().contains("\"events\": 2"), run.out());
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        oneLineBadInput(CliRun.of("feed", "inspect", zero.toString()), "/dev/zero: line 1: is longer than");
    }

    @Test
    void aNewlineInAFileNameIsEscaped(@TempDir Path dir) {
        Path f = dir.resolve("bad\nname.json");
        oneLineBadInput(CliRun.of("margin", f.toString()), "bad\\nname.json: no such file");
    }

    @Test
    void populationSaysWhichParentIsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRun run = CliRun.of("population", "--accounts", "10", "--seed", "1", "--out",
                file.resolve("book.json").toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains(file + " is a file, not a folder"), run.err());
    }
}
