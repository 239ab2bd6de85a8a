package io.solvent.app.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * solvent stress --cluster against a real Spark standalone cluster on loopback (cluster/standalone-check: a master and
 * two workers as separate processes, from the Spark jars the cluster module's build resolved): a grid and Monte Carlo
 * paths give the local run's files byte for byte. The cluster module comes before this one in the build, so a full
 * {@code mvn verify} has its jars; a build of this module alone skips it, saying so.
 */
class StressClusterIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aStandaloneClusterOnLoopbackWritesTheLocalRunsBytes() throws Exception {
        assumeTrue(Files.isDirectory(ROOT.resolve("cluster/target/spark-home/jars"))
                        && Files.isRegularFile(ROOT.resolve("cluster/target/solvent-cluster.jar")),
                "cluster/target has no Spark home or job jar: run mvn verify from the root (the cluster module makes"
                        + " them)");
        Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve("standalone-check.log");
        Process p = new ProcessBuilder(ROOT.resolve("cluster/standalone-check").toString()).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            p.destroy(); // the script's trap stops the master and the workers
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the check did not end within 6 minutes: " + said);
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("the cluster's files are the local run's, byte for byte"), said);
        assertTrue(said.contains("solvent: stress --monte-carlo: 8 of 8 runs done (100%)"), "progress came back: "
                + said);
    }
}
