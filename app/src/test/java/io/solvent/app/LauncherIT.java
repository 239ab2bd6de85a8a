package io.solvent.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's first command: the {@code solvent} launcher finds JDK 25 and runs the packaged jar. */
class LauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String[] run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("solvent").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("SOLVENT_LOG_DIR", Path.of("target", "it-logs").toAbsolutePath().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new String[] {String.valueOf(p.exitValue()), out, err};
    }

    @Test
    void runsTheMarginCommandOnTheExampleBook() throws Exception {
        String[] r = run("margin", "assets/books/example.json", "--compact");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("{\"subaccounts\":[{\"account\":\"alice\""), r[1]);
        assertTrue(r[1].contains("\"liquidationPrice\":1321.5859030837"), r[1]);
    }

    @Test
    void badInputExitsTwo() throws Exception {
        String[] r = run("margin", "no-such-book.json");
        assertEquals("2", r[0]);
        assertEquals("solvent: no-such-book.json: no such file", r[2].strip());
    }
}
