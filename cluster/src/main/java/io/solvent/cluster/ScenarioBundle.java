package io.solvent.cluster;

import io.solvent.engine.io.ScenarioReader;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scenario file and every file it reads (its book, recorded feeds, depth files), as bytes: what the job broadcasts
 * to the executors, which may not share the driver's disk. An executor writes them once into a temporary folder, at
 * the same places relative to each other, and reads the scenario from there ({@link #localScenario}).
 *
 * @param scenario the scenario file's path relative to the bundle's root, '/'-separated
 * @param files    each file's path relative to the root, '/'-separated, to its bytes
 * @param id       a SHA-256 of the paths and bytes, naming the executor's copy
 */
public record ScenarioBundle(String scenario, Map<String, byte[]> files, String id) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    /**
     * @param scenarioFile the scenario file
     * @return it and the files it reads
     * @throws io.solvent.engine.input.InputException when the scenario is bad
     */
    public static ScenarioBundle of(Path scenarioFile) {
        List<Path> read = ScenarioReader.read(scenarioFile).files();
        List<Path> files = new ArrayList<>();
        for (Path p : read) {
            Path abs = p.toAbsolutePath().normalize();
            if (!files.contains(abs)) {
                files.add(abs);
            }
        }
        Path root = files.getFirst().getParent();
        for (Path f : files) {
            while (!f.startsWith(root)) {
                root = root.getParent();
            }
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                String name = relative(root, f);
                byte[] b = Files.readAllBytes(f);
                bytes.put(name, b);
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(b);
            }
            return new ScenarioBundle(relative(root, scenarioFile.toAbsolutePath().normalize()), bytes,
                    HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario's files: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the bundle's size, bytes */
    public long bytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * @return the scenario file of this JVM's copy of the bundle, written on first use (and deleted when the JVM
     *         exits)
     */
    public Path localScenario() {
        return COPIES.computeIfAbsent(id, k -> write()).resolve(scenario);
    }

    private Path write() {
        try {
            Path dir = Files.createTempDirectory("solvent-scenario-");
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey()).normalize();
                if (!p.startsWith(dir)) {
                    throw new IllegalArgumentException("a bundled file lies outside the bundle: " + f.getKey());
                }
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
                written.add(p);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir, written)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario's files: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir, List<Path> written) {
        try {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind at exit is harmless
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
