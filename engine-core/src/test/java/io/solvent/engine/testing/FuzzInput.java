package io.solvent.engine.testing;

import io.solvent.engine.input.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every reader's fuzz test shares: a file to hand the reader (readers take paths), rewritten for each input, and
 * the property that the input ends in a result or an {@link InputException} — any other exception escapes to the
 * fuzzer as a finding. One fuzz JVM runs one target, so one scratch folder a JVM serves all its inputs.
 */
public final class FuzzInput {
    private static Path dir;

    private FuzzInput() {
    }

    /**
     * @param name  the file's name (some readers read meaning into it, such as Binance's {@code BTCUSDT-1m-...csv})
     * @param bytes its content
     * @return the file, in a scratch folder deleted when the JVM exits
     */
    public static synchronized Path file(String name, byte[] bytes) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("solvent-fuzz");
                Path d = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
            }
            Path f = dir.resolve(name);
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a reader on one input: a result or an {@link InputException} (checked to be one line naming its file)
     * passes; anything else is thrown on, for the fuzzer to report.
     *
     * @param source what the reader's errors must name, or null to skip that check
     * @param read   the reader
     */
    public static void expectResultOrInputError(String source, Runnable read) {
        try {
            read.run();
        } catch (InputException e) {
            String m = e.getMessage();
            if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
                throw new AssertionError("an input error of more than one line: " + m, e);
            }
            if (source != null && !m.startsWith(source)) {
                throw new AssertionError("an input error that does not name " + source + ": " + m, e);
            }
        }
    }

    private static void delete(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder under the system's temporary folder: left for the system to clear
        }
    }
}
