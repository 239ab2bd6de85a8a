package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloCommandTest {
    static final Path FLASH = Path.of("..", "assets", "scenarios", "flash-crash.json");

    @Test
    void pathsCalibratedToARecordedWindowAreReproducibleFromTheSeed(@TempDir Path dir) throws Exception {
        // a recorded window of ETHUSD and BTCUSD minute ticks, moving together with a crash in the middle
        StringBuilder ticks = new StringBuilder("timestamp_ms,symbol,price\n");
        double eth = 4000;
        double btc = 117000;
        for (int k = 0; k < 120; k++) {
            double move = k == 60 ? 0.85 : 1 + 0.002 * Math.sin(k);
            eth *= move;
            btc *= Math.pow(move, 0.6);
            ticks.append(k * 60_000L).append(",ETHUSD,").append(eth).append('\n');
            ticks.append(k * 60_000L).append(",BTCUSD,").append(btc).append('\n');
        }
        Path window = dir.resolve("window.csv");
        Files.writeString(window, ticks);
        String[] common = {"stress", FLASH.toString(), "--monte-carlo", "6", "--calibrate", window.toString(),
            "--seed", "7", "--out"};
        CliRun a = CliRun.of(append(common, dir.resolve("a").toString()));
        CliRun b = CliRun.of(append(common, dir.resolve("b").toString()));
        assertEquals(0, a.status(), a.err());
        assertEquals(Files.readString(dir.resolve("a/montecarlo.json")), Files.readString(dir.resolve("b/montecarlo.json")));
        assertEquals(7, Files.readAllLines(dir.resolve("a/montecarlo.csv")).size(), "header and 6 paths");
        String json = Files.readString(dir.resolve("a/montecarlo.json"));
        assertTrue(json.contains("\"var95\"") && json.contains("\"es99\""), json);
        assertTrue(json.contains("\"ETHUSD\""), json);
        // six paths: the 95% and 99% tails each rest on the single largest loss, which the report and the command say
        assertTrue(json.contains("\"pathsInTail99\": 1") && json.contains("\"reliable99\": false"), json);
        assertTrue(a.err().contains("warning: with 6 paths the 99% VaR and expected shortfall rest on 1 path (the VaR is"
                + " the sample maximum); 900 paths or more put 10 in the tail"), a.err());
        assertTrue(a.err().contains("warning: with 6 paths the 95% VaR"), a.err());
        CliRun missing = CliRun.of("stress", FLASH.toString(), "--monte-carlo", "3", "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.status());
        CliRun huge = CliRun.of("stress", FLASH.toString(), "--monte-carlo", "2000000000", "--calibrate",
                window.toString(), "--out", dir.resolve("huge").toString());
        assertEquals(ExitCodes.BAD_INPUT, huge.status());
        assertTrue(huge.err().contains("--monte-carlo 2000000000 is more paths than one run takes (at most 100000"),
                huge.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("huge")), "nothing written");
    }

    private static String[] append(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
