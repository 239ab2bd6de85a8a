package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest {
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    @Test
    void replaysTheShippedScenarioTwiceToTheSameStateHash(@TempDir Path dir) throws Exception {
        CliRun first = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString());
        CliRun second = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, first.status(), first.err());
        assertEquals(0, second.status(), second.err());
        for (String f : new String[] {"summary.json", "events.csv", "metrics.csv", "manifest.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(f)), f);
        }
        assertEquals(Files.readString(dir.resolve("a/summary.json")), Files.readString(dir.resolve("b/summary.json")));
        assertEquals(Files.readString(dir.resolve("a/events.csv")), Files.readString(dir.resolve("b/events.csv")));
        assertTrue(first.err().contains("stateHash "), first.err());
    }

    @Test
    void anOutputFolderThatIsAFileIsBadInputInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "mine");
        CliRun run = CliRun.of("replay", GAP.toString(), "--out", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().contains("--out " + file + ": is a file; expected a folder"), run.err());
        CliRun below = CliRun.of("stress", GAP.toString(), "--set", "liquidation.buffer=0.02", "--out",
                file.resolve("sub").toString());
        assertEquals(ExitCodes.BAD_INPUT, below.status());
        assertTrue(below.err().contains(file + " is a file; expected a folder"), below.err());
        assertEquals("mine", Files.readString(file), "the file is left as it was");
    }

    @Test
    void anUnknownFeedFormatIsNamedWithItsPlace(@TempDir Path dir) throws Exception {
        Path book = Path.of("..", "assets", "books", "population-300.json").toAbsolutePath().normalize();
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"format\": 1, \"book\": \"" + book.toString().replace("\\", "/")
                + "\", \"feeds\": [{\"file\": \"x.csv\", \"format\": \"weird\"}]}");
        CliRun run = CliRun.of("replay", s.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().contains("$.feeds[0].format: unknown format 'weird'; expected one of"), run.err());
    }

    @Test
    void aForkIsNotWrittenOverTheOriginalsFolder(@TempDir Path dir) {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("replay", GAP.toString(), "--out", out.toString(), "--fork-at", "1735690000000",
                "--set", "deleveraging=deficit", "--fork-out", dir.resolve(".").resolve("run").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().contains("is --out's folder; the fork would overwrite the original run's files"),
                run.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aBadScenarioIsBadInputAndWritesNothing(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, "{\"format\": 1, \"book\": \"missing.json\", \"feeds\": []}");
        CliRun run = CliRun.of("replay", scenario.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().startsWith("solvent: "), run.err());
        assertTrue(run.err().contains("missing.json: no such file"), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        CliRun noOut = CliRun.of("replay", GAP.toString());
        assertEquals(ExitCodes.BAD_INPUT, noOut.status());
    }

    @Test
    void aForkGoesOnUnderItsOverridesIntoItsOwnFolder(@TempDir Path dir) throws Exception {
        // no bankruptcy happens before the gap at 00:20, so forking into "deficit" a second before it ends exactly
        // where running "deficit" from the start does, rows included
        CliRun run = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--fork-at",
                "2025-01-01T00:19:59Z", "--set", "deleveraging=deficit", "--set", "oracle.heartbeatMs=60000",
                "--fork-out", dir.resolve("b").toString(), "--no-progress");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        CliRun plain = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("plain").toString());
        for (String f : new String[] {"summary.json", "events.csv", "metrics.csv"}) {
            assertEquals(Files.readString(dir.resolve("plain").resolve(f)), Files.readString(dir.resolve("a").resolve(f)),
                    "the original is the plain run: " + f);
        }
        io.solvent.engine.scenario.Scenario deficit = io.solvent.engine.io.ScenarioReader.read(GAP,
                java.util.Map.of("deleveraging", "deficit"));
        io.solvent.engine.sim.ReplayRunner.Result direct;
        try (io.solvent.engine.io.ReplayOutput o = new io.solvent.engine.io.ReplayOutput(dir.resolve("direct"),
                deficit.book().assets().stream().map(io.solvent.engine.model.Asset::symbol).toList())) {
            direct = io.solvent.engine.sim.ReplayRunner.run(deficit, o);
            o.finish(deficit, direct, "test");
        }
        assertEquals(Files.readString(dir.resolve("direct/events.csv")), Files.readString(dir.resolve("b/events.csv")),
                "the fork's events.csv holds the shared history and its own");
        assertEquals(Files.readString(dir.resolve("direct/metrics.csv")), Files.readString(dir.resolve("b/metrics.csv")));
        String forkSummary = Files.readString(dir.resolve("b/summary.json"));
        assertTrue(forkSummary.contains(direct.stateHash()), forkSummary);
        String manifest = Files.readString(dir.resolve("b/manifest.json"));
        assertTrue(manifest.contains("\"atMs\" : 1735690799000") || manifest.contains("\"atMs\": 1735690799000"),
                manifest);
        assertTrue(manifest.contains("\"deleveraging\": \"deficit\"") || manifest.contains("\"deleveraging\" : \"deficit\""),
                manifest);
        assertTrue(manifest.contains("oracle.heartbeatMs"), manifest);
        String[] lines = run.err().strip().split("\n");
        assertEquals(3, lines.length, run.err());
        assertTrue(lines[1].contains("forked at 2025-01-01T00:19:59Z with deleveraging=deficit"), lines[1]);
        assertTrue(lines[2].startsWith("solvent: fork − original: bad debt "), lines[2]);
        assertFalse(run.err().contains("\r"), "--no-progress: no progress line");
    }

    @Test
    void aForkChangesAMarketsTiersAndTheManifestRecordsThem(@TempDir Path dir) throws Exception {
        // set in the order in which neither is valid alone: the maintenance fraction above the initial one first
        CliRun run = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--fork-at",
                "2025-01-01T00:19:59Z", "--set", "markets.ETH-PERP.tiers[0].maintenanceMarginFraction=0.05",
                "--set", "markets.ETH-PERP.tiers[0].initialMarginFraction=0.1", "--fork-out",
                dir.resolve("b").toString(), "--no-progress");
        assertEquals(0, run.status(), run.err());
        String manifest = Files.readString(dir.resolve("b/manifest.json"));
        assertTrue(manifest.contains("markets.ETH-PERP.tiers[0].maintenanceMarginFraction"), manifest);
        assertTrue(manifest.replace(" ", "").contains("\"maintenanceMarginFraction\":0.05"), manifest);
        assertFalse(Files.readString(dir.resolve("a/summary.json")).equals(Files.readString(dir.resolve("b/summary.json"))),
                "a stricter ETH-PERP changes the crash's outcome");
        assertTrue(run.err().contains("forked at 2025-01-01T00:19:59Z with markets.ETH-PERP.tiers[0]"), run.err());
    }

    @Test
    void aForkRefusesWhatItCannotChange(@TempDir Path dir) {
        for (String key : new String[] {"insuranceFund.openingBalanceUsd=1", "liquidity.depthPerPercentUsd=1e6",
            "liquidity.markets.ETH-PERP.depthPerPercentUsd=1e6", "seed=3", "book=x.json"}) {
            CliRun run = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--fork-at",
                    "1735690799000", "--set", key, "--fork-out", dir.resolve("b").toString());
            assertEquals(ExitCodes.BAD_INPUT, run.status(), key);
            String k = key.substring(0, key.indexOf('='));
            assertTrue(run.err().contains("--set " + k + ": ") && (run.err().contains("an input of the scenario")
                    || run.err().contains("the insurance fund's balance is state")), run.err());
        }
        CliRun badTime = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--fork-at",
                "yesterday", "--set", "deleveraging=deficit", "--fork-out", dir.resolve("b").toString());
        assertEquals(ExitCodes.BAD_INPUT, badTime.status());
        assertTrue(badTime.err().contains("--fork-at expects an ISO-8601"), badTime.err());
        CliRun badValue = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--fork-at",
                "1735690799000", "--set", "liquidation.buffer=-1", "--fork-out", dir.resolve("b").toString());
        assertEquals(ExitCodes.BAD_INPUT, badValue.status());
        assertTrue(badValue.err().contains("--set liquidation.buffer: expected"), badValue.err());
        CliRun noFork = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--set",
                "deleveraging=deficit");
        assertEquals(ExitCodes.BAD_INPUT, noFork.status());
        assertFalse(Files.exists(dir.resolve("a")), "nothing written");
    }

    @Test
    void badDepthInTheScenarioIsBadInput(@TempDir Path dir) throws Exception {
        String text = Files.readString(GAP).replace("\"../books/population-300.json\"",
                "\"" + GAP.toAbsolutePath().getParent().resolve("../books/population-300.json").normalize()
                        .toString().replace("\\", "/") + "\"");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, text.replace("\"impactHalfLifeMs\": 60000",
                "\"impactHalfLifeMs\": 60000, \"markets\": {\"ETH-PERPETUAL\": {\"depthPerPercentUsd\": 1e6}}"));
        CliRun run = CliRun.of("replay", unknown.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status(), run.err());
        assertTrue(run.err().contains("$.liquidity.markets['ETH-PERPETUAL']: unknown market"), run.err());
        Path missing = dir.resolve("missing.json");
        Files.writeString(missing, text.replace("\"impactHalfLifeMs\": 60000",
                "\"impactHalfLifeMs\": 60000, \"markets\": {\"BTC-PERP\": {\"depthFile\": \"btc-depth.csv\"}}"));
        CliRun noFile = CliRun.of("replay", missing.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, noFile.status(), noFile.err());
        assertTrue(noFile.err().contains("btc-depth.csv: no such file"), noFile.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void progressGoesToStandardErrorOnlyAndChangesNoOutput(@TempDir Path dir) throws Exception {
        CliRun shown = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("a").toString(), "--progress");
        CliRun hidden = CliRun.of("replay", GAP.toString(), "--out", dir.resolve("b").toString(), "--no-progress");
        assertEquals(0, shown.status(), shown.err());
        assertEquals("", shown.out());
        assertEquals("", hidden.out());
        assertFalse(hidden.err().contains("\r"), hidden.err());
        assertEquals(1, hidden.err().strip().lines().count(), "only the summary: " + hidden.err());
        // the run may end before the first quarter second; whatever was drawn ends erased before the summary
        String last = shown.err().substring(shown.err().lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("solvent: gap down"), last);
        for (String f : new String[] {"summary.json", "events.csv", "metrics.csv"}) {
            assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)));
        }
    }
}
