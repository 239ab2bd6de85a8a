package io.solvent.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** solvent stress --cluster: spark-submit found, run with the job's class and jar, its output and status passed on. */
class ClusterSubmitTest {

    @Test
    void withoutSparkSubmitItSaysWhereItLookedInOneLine(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        int status = new ClusterSubmit(new PrintWriter(err, true), Map.of("PATH", dir.toString())::get)
                .run("spark://127.0.0.1:7077", List.of("s.json", "--out", "o"));
        assertEquals(ExitCodes.BAD_INPUT, status);
        assertEquals("solvent: stress --cluster: spark-submit not found: set SPARK_HOME to a Spark 4 installation"
                + " (SPARK_HOME/bin/spark-submit) or put spark-submit on the PATH", err.toString().strip());
        StringWriter home = new StringWriter();
        assertEquals(ExitCodes.BAD_INPUT, new ClusterSubmit(new PrintWriter(home, true),
                Map.of("SPARK_HOME", dir.toString())::get).run("local", List.of()), "a SPARK_HOME without bin/spark-submit");
    }

    @Test
    void spark_submitRunsTheJobWithTheMasterAndTheArgumentsAndItsStatusIsTheCommands(@TempDir Path dir)
            throws Exception {
        Path bin = Files.createDirectories(dir.resolve("spark/bin"));
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\necho \"submitted: $*\"\necho 'solvent: stress: 4 of 4 runs done' >&2\n"
                + "exit 3\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(dir.resolve("solvent-cluster.jar"), "not really a jar");
        StringWriter err = new StringWriter();
        int status = new ClusterSubmit(new PrintWriter(err, true), Map.of("SPARK_HOME", dir.resolve("spark").toString(),
                "SOLVENT_CLUSTER_JAR", jar.toString())::get).run("spark://127.0.0.1:7077", List.of("s.json", "--out", "o"));
        assertEquals(3, status, err.toString());
        assertTrue(err.toString().contains("submitted: --master spark://127.0.0.1:7077 --class "
                + "io.solvent.cluster.StressJob --conf spark.log.level=WARN " + jar + " s.json --out o"), err.toString());
        assertTrue(err.toString().contains("solvent: stress: 4 of 4 runs done"), "the job's progress comes through");
    }

    @Test
    void theJobJarIsFoundInTheBuildTreeOrNamed(@TempDir Path dir) throws Exception {
        ClusterSubmit named = new ClusterSubmit(new PrintWriter(new StringWriter()),
                Map.of("SOLVENT_CLUSTER_JAR", dir.resolve("none.jar").toString())::get);
        assertTrue(named.jobJar().isEmpty(), "a named jar that is not there is not found");
        // from app/target/classes (the tests' class path) up to the checkout: cluster/target/solvent-cluster.jar
        Path built = Path.of("..", "cluster", "target", ClusterSubmit.JOB_JAR).toAbsolutePath().normalize();
        ClusterSubmit found = new ClusterSubmit(new PrintWriter(new StringWriter()), Map.<String, String>of()::get);
        assertEquals(Files.isRegularFile(built) ? built : null, found.jobJar().map(Path::normalize).orElse(null));
    }

    @Test
    void theJobGetsTheSameAnalysisWithAbsoluteFiles(@TempDir Path dir) {
        StressCommand c = new StressCommand();
        c.scenario = Path.of("s.json");
        c.monteCarlo = 8;
        c.calibrate = List.of(Path.of("w.csv"));
        c.seed = 7;
        c.maxDrop = 0.95;
        c.out = dir;
        assertEquals(List.of(Path.of("s.json").toAbsolutePath().toString(), "--monte-carlo", "8", "--seed", "7",
                "--calibrate", Path.of("w.csv").toAbsolutePath().toString(), "--out", dir.toString()),
                c.clusterArguments());
        CliRun bad = CliRun.of("stress", "s.json", "--reverse", "--cluster");
        assertEquals(ExitCodes.BAD_INPUT, bad.status(), "--cluster needs its MASTER");
    }
}
