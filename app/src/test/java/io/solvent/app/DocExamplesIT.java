package io.solvent.app;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example of the README and the docs is what the command prints today. A {@code sh} block is run as one bash
 * session, from a scratch folder where {@code assets} is the project's and {@code ../shared} the shared data beside
 * it, with {@code ./solvent} (or {@code solvent}) the launcher; each {@code $ } line is a command (a trailing
 * {@code \} continues it), the lines after it until the next are what it prints (standard output and error).
 * Compared without whitespace, an ellipsis ({@code ...} or {@code …}) standing for anything: the docs abridge long
 * documents and hashes. A command shown with no output must succeed. A block that reads the shared data is skipped
 * when the data is absent; a command that pipes into {@code jq} is skipped where jq is not installed.
 */
class DocExamplesIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHARED = ROOT.resolveSibling("shared");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

    record Example(String command, List<String> expected) {
    }

    record Block(String source, int line, List<Example> examples) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleOfTheDocsIsWhatTheCommandPrints() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path d : docs) {
            blocks.addAll(blocks(d));
        }
        assertTrue(blocks.stream().mapToInt(b -> b.examples().size()).sum() >= 10, "examples found: " + blocks);
        return blocks.stream().map(b -> DynamicTest.dynamicTest(b.source() + ":" + b.line(), () -> run(b)));
    }

    /** @return the sh blocks of a document that hold at least one {@code $ } command */
    static List<Block> blocks(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Block> out = new ArrayList<>();
        String name = ROOT.relativize(doc).toString();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (!m.matches() || !m.group(1).equals("sh")) {
                continue;
            }
            int start = i + 1;
            List<Example> examples = new ArrayList<>();
            int j = start;
            while (j < lines.size() && !lines.get(j).startsWith("```")) {
                String l = lines.get(j);
                if (l.startsWith("$ ")) {
                    StringBuilder command = new StringBuilder(l.substring(2));
                    while (command.toString().stripTrailing().endsWith("\\") && j + 1 < lines.size()) {
                        String c = command.toString().stripTrailing();
                        command.setLength(0);
                        command.append(c, 0, c.length() - 1).append(' ').append(lines.get(++j).strip());
                    }
                    List<String> expected = new ArrayList<>();
                    while (j + 1 < lines.size() && !lines.get(j + 1).startsWith("$ ")
                            && !lines.get(j + 1).startsWith("```")) {
                        expected.add(lines.get(++j));
                    }
                    examples.add(new Example(command.toString(), expected));
                }
                j++;
            }
            if (!examples.isEmpty()) {
                out.add(new Block(name, start, examples));
            }
            i = j;
        }
        return out;
    }

    private static void run(Block b) throws Exception {
        boolean needsData = b.examples().stream().anyMatch(e -> e.command().contains("../shared"));
        assumeTrue(!needsData || Files.isDirectory(SHARED.resolve("data")), "shared data not present beside the"
                + " project: skipping " + b.source() + ":" + b.line());
        Path scratch = Path.of("target", "doc-examples").toAbsolutePath().resolve(
                b.source().replaceAll("[^A-Za-z0-9]", "_") + "-" + b.line());
        Path top = scratch.getParent();
        if (Files.exists(scratch)) {
            try (Stream<Path> old = Files.walk(scratch)) {
                for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(scratch);
        if (!Files.exists(scratch.resolve("assets"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(scratch.resolve("assets"), ROOT.resolve("assets"));
        }
        if (Files.isDirectory(SHARED) && !Files.exists(top.resolve("shared"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(top.resolve("shared"), SHARED);
        }
        boolean jq = new ProcessBuilder("bash", "-c", "command -v jq").start().waitFor() == 0;
        StringBuilder script = new StringBuilder("solvent() { \"" + ROOT.resolve("solvent") + "\" \"$@\"; }\n"
                + "echo '@@@cmd 0'\n");
        List<Example> checked = new ArrayList<>();
        for (Example e : b.examples()) {
            if (e.command().contains("| jq") && !jq) {
                continue;
            }
            int i = checked.size();
            checked.add(e);
            String command = e.command().replaceFirst("^\\./solvent\\b", "solvent");
            // the next marker before the status is restored, so that `echo $?` sees the command's own
            script.append("{ ").append(command).append("\n} 2>&1; __rc=$?; echo '@@@rc '$__rc; echo '@@@cmd ")
                    .append(i + 1).append("'; (exit $__rc)\n");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).directory(scratch.toFile())
                .redirectErrorStream(true);
        pb.environment().put("SOLVENT_LOG_DIR", scratch.resolve("logs").toString());
        Process p = pb.start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the block ran out of time");
        for (int i = 0; i < checked.size(); i++) {
            Example e = checked.get(i);
            String marker = "@@@cmd " + i + "\n";
            int from = all.indexOf(marker);
            assertTrue(from >= 0, "no output for " + e.command() + ":\n" + all);
            int to = all.indexOf("@@@rc ", from);
            String printed = all.substring(from + marker.length(), to);
            int rc = Integer.parseInt(all.substring(to + 6, all.indexOf('\n', to)).strip());
            String where = b.source() + ":" + b.line() + " `" + e.command() + "`";
            if (e.expected().stream().allMatch(String::isBlank)) {
                assertEquals(0, rc, where + " failed:\n" + printed);
                continue;
            }
            assertTrue(matches(e.expected(), printed), where + " printed:\n" + printed + "\nthe docs show:\n"
                    + String.join("\n", e.expected()));
        }
    }

    /** Whitespace-insensitive, an ellipsis standing for anything. */
    static boolean matches(List<String> expected, String printed) {
        StringBuilder regex = new StringBuilder();
        String text = String.join("", expected).replaceAll("\\s+", "");
        String[] parts = text.split("\\.\\.\\.|…", -1);
        for (int k = 0; k < parts.length; k++) {
            regex.append(k > 0 ? ".*?" : "").append(Pattern.quote(parts[k]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(printed.replaceAll("\\s+", "")).matches();
    }
}
