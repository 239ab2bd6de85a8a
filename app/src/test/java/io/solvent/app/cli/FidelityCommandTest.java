package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FidelityCommandTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data");
    private static final Path SCENARIO = Path.of("..", "assets", "scenarios", "2025-10-10.json");

    @Test
    void writesTheReportAndItsChart(@TempDir Path out) throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("crash_2025-10-10")), "shared data not present at "
                + DATA.toAbsolutePath() + ": skipping");
        CliRun run = CliRun.of("fidelity", SCENARIO.toString(), "--data", DATA.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().startsWith("solvent: fidelity: 3 of 4 targets met (in 21:00-21:40 "), run.err());
        String md = Files.readString(out.resolve("fidelity.md"));
        assertTrue(md.contains("3 of the 4 targets are met."), md);
        assertTrue(md.contains("| 21:19 |") && md.contains("| 21:00 |") && !md.contains("{{"), md);
        String svg = Files.readString(out.resolve("img/fidelity-2025-10-10.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("Hyperliquid: ADL notional"), svg.substring(0, 200));
        try (var left = Files.list(out)) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void missingDataIsOneLineAndExitTwo(@TempDir Path empty) {
        CliRun run = CliRun.of("fidelity", SCENARIO.toString(), "--data", empty.toString(), "--out",
                empty.resolve("docs").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.status());
        assertTrue(run.err().matches("solvent: .*hl_liq_adl_per_minute\\.csv: no such file\\R"), run.err());
    }
}
