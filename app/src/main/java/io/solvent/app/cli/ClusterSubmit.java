package io.solvent.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code solvent stress ... --cluster MASTER}: hands the analysis to {@code spark-submit}, which runs the Spark job of
 * the solvent-cluster jar ({@value #JOB_CLASS}) with the same arguments, streams what it prints to standard error, and
 * exits with its status. Solvent itself carries no Spark: spark-submit comes from a Spark installation.
 */
final class ClusterSubmit {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSubmit.class);
    /** The Spark job's main class. */
    static final String JOB_CLASS = "io.solvent.cluster.StressJob";
    /** The job jar's file name, in cluster/target of a build and beside the installed app's jars. */
    static final String JOB_JAR = "solvent-cluster.jar";

    private final PrintWriter err;
    private final Function<String, String> env;

    ClusterSubmit(PrintWriter err) {
        this(err, System::getenv);
    }

    ClusterSubmit(PrintWriter err, Function<String, String> env) {
        this.err = err;
        this.env = env;
    }

    /**
     * @param master    the Spark master URL
     * @param arguments the job's arguments (the analysis, without --cluster)
     * @return the exit status: spark-submit's, or {@link ExitCodes#BAD_INPUT} when spark-submit or the job jar is
     *         missing
     */
    int run(String master, List<String> arguments) throws InterruptedException {
        Optional<Path> submit = sparkSubmit();
        if (submit.isEmpty()) {
            err.println("solvent: stress --cluster: spark-submit not found: set SPARK_HOME to a Spark 4 installation"
                    + " (SPARK_HOME/bin/spark-submit) or put spark-submit on the PATH");
            return ExitCodes.BAD_INPUT;
        }
        Optional<Path> jar = jobJar();
        if (jar.isEmpty()) {
            err.println("solvent: stress --cluster: the Spark job jar " + JOB_JAR + " is not beside solvent's jars nor"
                    + " in cluster/target of the build; build it (mvn -pl cluster -am package) or set"
                    + " SOLVENT_CLUSTER_JAR to it");
            return ExitCodes.BAD_INPUT;
        }
        List<String> command = new ArrayList<>(List.of(submit.get().toString(), "--master", master,
                "--class", JOB_CLASS, "--conf", "spark.log.level=WARN", jar.get().toString()));
        command.addAll(arguments);
        LOG.info("stress --cluster: {}", String.join(" ", command));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            err.println("solvent: stress --cluster: cannot run " + submit.get() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                err.println(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading spark-submit's output", e);
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                p.destroy();
            }
        }
        int status = p.waitFor();
        LOG.info("stress --cluster: spark-submit exited {}", status);
        return status;
    }

    /** @return SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else spark-submit on the PATH */
    Optional<Path> sparkSubmit() {
        String home = env.apply("SPARK_HOME");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "bin", "spark-submit");
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env.apply("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, "spark-submit");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @return the job jar: SOLVENT_CLUSTER_JAR when set; else {@value #JOB_JAR} beside solvent's jar (the installed
     *         app carries it in a {@code cluster} folder there); else cluster/target of the build tree solvent runs
     *         from
     */
    Optional<Path> jobJar() {
        String given = env.apply("SOLVENT_CLUSTER_JAR");
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        Path here;
        try {
            here = Path.of(ClusterSubmit.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        // app/target/solvent.jar or app/target/classes in a build; lib/app/solvent.jar installed
        Path dir = Files.isDirectory(here) ? here : here.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            for (Path candidate : List.of(d.resolve(JOB_JAR), d.resolve("cluster").resolve(JOB_JAR),
                    d.resolve("cluster").resolve("target").resolve(JOB_JAR))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("engine-core"))) {
                break; // the build tree's root: look no higher
            }
        }
        return Optional.empty();
    }
}
