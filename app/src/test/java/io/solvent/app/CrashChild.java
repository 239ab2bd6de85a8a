package io.solvent.app;

import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import io.solvent.app.workbench.Bookmark;
import io.solvent.app.workbench.RunAction;
import io.solvent.app.workbench.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child process {@link CrashSafetyIT} kills: saves a workspace, or appends to an audit log, generation after
 * generation, printing each generation's number once its write has returned.
 *
 * <p>{@code CrashChild workspace FILE FIRST LAST} and {@code CrashChild audit FILE FIRST LAST}: generations FIRST to
 * LAST (inclusive).
 */
public final class CrashChild {
    private CrashChild() {
    }

    /** The workspace of generation {@code k}: its time is {@code k}, and it has {@code k % 60} bookmarks. */
    static Workspace workspace(long k) {
        List<Bookmark> marks = new ArrayList<>();
        for (int i = 0; i < k % 60; i++) {
            marks.add(new Bookmark(1_735_690_000_000L + i * 1000L, "bookmark " + i + " of generation " + k));
        }
        return new Workspace(Workspace.FORMAT, "desk", "assets/scenarios/slow-crash.json", List.of(
                new RunAction.Fork("mm-up", "original", 1_735_690_996_000L,
                        Map.of("markets.ETH-PERP.tiers[0].maintenanceMarginFraction", "0.03"))),
                "mm-up", k, false, marks, "compare", Map.of("accounts.filter", "at risk"));
    }

    /** The audit entry of generation {@code k}: its simulated time is {@code k}. */
    static AuditEntry entry(long k) {
        return new AuditEntry("2026-12-07T10:00:00Z", "crash-test", "slow crash", "original", k,
                "liquidation.buffer", "0.02", "0.03", "generation " + k, "change");
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long first = Long.parseLong(args[2]);
        long last = Long.parseLong(args[3]);
        AuditLog log = new AuditLog(file);
        for (long k = first; k <= last; k++) {
            switch (args[0]) {
                case "workspace" -> workspace(k).save(file);
                case "audit" -> log.append(entry(k));
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.out.println(k);
            System.out.flush();
        }
    }
}
