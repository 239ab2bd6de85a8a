package io.solvent.app.workbench;

import io.solvent.app.cli.SolventCommand;
import io.solvent.app.report.HtmlReport;
import io.solvent.app.service.AuditEntry;
import io.solvent.app.service.AuditLog;
import io.solvent.engine.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTML report of a console run, made the way a colleague would reproduce it: the scenario replayed headless with
 * {@code solvent replay} into a run folder (a fork with {@code --fork-at} and its overrides), the audit trail of its
 * edits copied beside it, then {@code solvent report}'s page written from that folder. Runs off the FX thread.
 */
public final class RunReport {
    private RunReport() {
    }

    /**
     * @param scenario   the scenario file, or null for the embedded default (copied into the folder)
     * @param fork       the fork to report, or null for the original run
     * @param scenarioName the scenario's name, to pick its entries of the audit log
     * @param audit      the audit log
     * @param folder     the run folder to write (created; {@code run/}, and {@code fork/} for a fork, inside)
     * @param out        the HTML report
     * @return the run folder the report was made from
     * @throws IOException when a file cannot be written or the replay fails
     */
    public static Path write(Path scenario, RunAction.Fork fork, String scenarioName, AuditLog audit, Path folder,
                             Path out) throws IOException {
        Files.createDirectories(folder);
        Path sc = scenario;
        if (sc == null) {
            sc = folder.resolve("scenario.json");
            try (InputStream in = Objects.requireNonNull(RunReport.class.getResourceAsStream(
                    io.solvent.app.service.ConsoleSession.DEFAULT_RESOURCE), "the jar's default scenario")) {
                AtomicFiles.write(sc, in::transferTo);
            }
        }
        Path run = folder.resolve("run");
        Path forkDir = folder.resolve("fork");
        List<String> args = new ArrayList<>(List.of("replay", sc.toString(), "--out", run.toString(),
                "--no-progress"));
        if (fork != null) {
            args.addAll(List.of("--fork-at", String.valueOf(fork.atMs())));
            for (Map.Entry<String, String> e : fork.overrides().entrySet()) {
                args.addAll(List.of("--set", e.getKey() + "=" + e.getValue()));
            }
            args.addAll(List.of("--fork-out", forkDir.toString()));
        }
        Path reported = fork == null ? run : forkDir;
        // the previous export's audit copy goes first: a kill must not leave it beside this run's files
        Files.deleteIfExists(reported.resolve(AuditLog.FILE));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SolventCommand.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IOException("the replay for the report failed: " + err.toString(StandardCharsets.UTF_8)
                    .strip());
        }
        List<AuditEntry> mine = AuditLog.read(audit.file()).stream()
                .filter(a -> a.scenario().equals(scenarioName)).toList();
        AuditLog.write(reported.resolve(AuditLog.FILE), mine);
        HtmlReport.write(reported, out);
        return reported;
    }
}
