package io.solvent.app.workbench;

import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's run report: the fork replayed headless as solvent replay would, its audit entries beside it. */
class RunReportTest {
    private static final Path SLOW = Path.of("..", "assets", "scenarios", "slow-crash.json");

    @Test
    void aForkIsReportedFromItsOwnReplayWithTheScenariosAuditEntries(@TempDir Path dir) throws Exception {
        AuditLog audit = new AuditLog(dir.resolve("config").resolve(AuditLog.FILE));
        String key = "markets.ETH-PERP.tiers[0].maintenanceMarginFraction";
        audit.append(new AuditEntry("2026-12-07T10:00:00Z", "alice", "slow crash: ETH −50% and BTC −30% over 15"
                + " minutes on thin books, a $2,000 fund: bankruptcies 3 minutes into the crash", "eth-mm-3pct",
                1_735_690_996_000L, key, "0.02", "0.03", "cascade risk on ETH", "fork"));
        audit.append(new AuditEntry("2026-12-07T10:01:00Z", "bob", "another scenario", "x", 0, "liquidation.buffer",
                "0.02", "0.03", "not this one", "apply"));
        RunAction.Fork fork = new RunAction.Fork("eth-mm-3pct", "original", 1_735_690_996_000L, Map.of(key, "0.03"));
        Path html = dir.resolve("out").resolve("report.html");
        Path run = RunReport.write(SLOW, fork, "slow crash: ETH −50% and BTC −30% over 15 minutes on thin books, a"
                + " $2,000 fund: bankruptcies 3 minutes into the crash", audit, dir.resolve("run-folder"), html);
        assertTrue(run.endsWith("fork"), run.toString());
        String summary = Files.readString(run.resolve("summary.json"));
        assertTrue(summary.contains("55995.65821493476"), "the fork's bad debt, as solvent stress --fork-at: "
                + summary);
        String page = Files.readString(html);
        assertTrue(page.contains("cascade risk on ETH"), "the scenario's audit entry");
        assertFalse(page.contains("not this one"), "another scenario's entry is not this run's");
        assertTrue(page.contains("--fork-at") && page.contains(key), "the command that reproduces it");
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing to fetch");
    }
}
