package io.solvent.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String value(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\" data-value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no figure " + id);
        return m.group(1);
    }

    @Test
    void theKeyFiguresAreSummaryJsonsAndTheManifestSaysHowToReproduceIt(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.plain();
        Path out = tmp.resolve("sub/report.html");
        HtmlReport.write(run, out);
        String html = Files.readString(out);
        JsonNode s = JSON.readTree(run.resolve("summary.json").toFile());
        double[][] pairs = {
            {s.path("badDebtUsd").doubleValue(), Double.parseDouble(value(html, "fig-bad-debt"))},
            {s.path("bankruptcies").doubleValue(), Double.parseDouble(value(html, "fig-bankruptcies"))},
            {s.path("liquidations").path("count").doubleValue(), Double.parseDouble(value(html, "fig-liquidations"))},
            {s.path("liquidations").path("notionalUsd").doubleValue(),
                Double.parseDouble(value(html, "fig-liquidated-notional"))},
            {s.path("insuranceFund").path("startUsd").doubleValue(), Double.parseDouble(value(html, "fig-fund-start"))},
            {s.path("insuranceFund").path("endUsd").doubleValue(), Double.parseDouble(value(html, "fig-fund-end"))},
            {s.path("insuranceFund").path("minimumUsd").doubleValue(), Double.parseDouble(value(html, "fig-fund-min"))},
            {s.path("deleveraging").path("count").doubleValue(),
                Double.parseDouble(value(html, "fig-deleveraging-count"))},
            {s.path("deleveraging").path("notionalUsd").doubleValue(),
                Double.parseDouble(value(html, "fig-deleveraging-notional"))},
            {s.path("deficitUsd").doubleValue(), Double.parseDouble(value(html, "fig-deficit"))},
            {s.path("liquidatorFeesUsd").doubleValue(), Double.parseDouble(value(html, "fig-fees"))},
            {s.path("ticks").doubleValue(), Double.parseDouble(value(html, "fig-ticks"))},
            {s.path("plausibility").path("violations").doubleValue(),
                Double.parseDouble(value(html, "fig-violations"))},
        };
        for (double[] p : pairs) {
            assertEquals(p[0], p[1], 0.0);
        }
        assertTrue(s.path("badDebtUsd").doubleValue() > 0, "the gap down leaves bad debt: a figure worth showing");
        // shown with their units, rounded to the cent
        assertTrue(html.contains(">" + HtmlReport.usd(s.path("badDebtUsd").doubleValue()) + "<"), "bad debt in USD");
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%,.2f USD", s.path("insuranceFund")
                .path("startUsd").doubleValue())), "the fund's start in USD");
        assertTrue(html.contains("id=\"fig-state-hash\">" + s.path("stateHash").asText() + "<"), "the stateHash");
        assertTrue(html.contains("<h1 id=\"scenario\">gap down: ETH −25% and BTC −15% in one tick"), "the title");
        assertTrue(html.contains("<b id=\"run-label\">original</b>"), "the run's label");

        // the manifest: every input and its hash, and the command that reproduces the run
        JsonNode m = JSON.readTree(run.resolve("manifest.json").toFile());
        assertEquals(2, m.path("inputs").size());
        for (JsonNode in : m.path("inputs")) {
            assertTrue(html.contains(in.path("sha256").asText() + "  " + in.path("file").asText()), in.toString());
        }
        assertTrue(html.contains("<pre id=\"reproduce\">solvent replay gap-down.json --out original</pre>"), html);
        assertTrue(html.contains("<code id=\"expected-hash\">stateHash " + s.path("stateHash").asText()), "hash");
        // the effective parameters
        assertTrue(html.contains("data-key=\"oracle.heartbeatMs\"><td>heartbeatMs</td><td>60000</td>"), "oracle");
        assertTrue(html.contains("data-key=\"markets.ETH-PERP\"><td>ETH-PERP</td>"), "markets");
        assertTrue(html.contains("id=\"changes-none\""), "no change in a plain run");
        assertTrue(html.toLowerCase(java.util.Locale.ROOT).contains("no parameter edits were recorded"), "no audit");
        // the events: the minute of the gap and the largest liquidation
        assertTrue(html.contains("<td>2025-01-01 00:20</td><td>45</td>"), "the gap's minute");
        assertTrue(html.contains("id=\"largest-liquidations\""), "the largest liquidations");
    }

    /** A replay killed between the renames of its four files: reading the folder completes the move first. */
    @Test
    void aRunFolderLeftHalfMovedIntoPlaceIsCompletedBeforeItIsRead(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        StringBuilder record = new StringBuilder("solvent-commit 1\n");
        int n = 0;
        for (String f : List.of("events.csv", "metrics.csv", "summary.json", "manifest.json")) {
            String staged = "." + f + "." + gone.pid() + "." + ++n + ".tmp";
            Files.copy(ReportFixtures.plain().resolve(f), run.resolve(n <= 2 ? f : staged));
            record.append(staged).append('\t').append(f).append('\n');
        }
        Files.writeString(run.resolve("summary.json"), "{\"scenario\": \"another run\"}");
        Files.writeString(run.resolve(".solvent-commit"), record);
        RunFolder read = RunFolder.read(run);
        assertEquals(RunFolder.read(ReportFixtures.plain()).summary(), read.summary());
        try (var files = Files.list(run)) {
            assertEquals(4, files.count(), "the four files, no record, no temporary file");
        }
    }

    @Test
    void theReportIsOneFileThatLoadsNothingAndTheSameFolderGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.html");
        Path b = tmp.resolve("b.html");
        HtmlReport.write(ReportFixtures.changed(), a);
        HtmlReport.write(ReportFixtures.changed(), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "deterministic");
        String html = Files.readString(a);
        for (String external : new String[] {"src=", "href=", "url(", "@import", "http:", "https:", "//www",
            "<link", "<img", "<iframe", "<object", "<embed", "@font-face"}) {
            assertFalse(html.contains(external), "references something outside the file: " + external);
        }
        assertEquals(1, count(html, "<script>"), "one inline script, the render check");
        assertFalse(html.contains("<script src"), "no external script");
        // every chart is inline SVG with its series drawn
        for (String id : new String[] {"chart-fund", "chart-bad-debt", "chart-liquidated", "chart-open-interest",
            "chart-at-risk", "chart-per-minute", "chart-prices"}) {
            int at = html.indexOf("<svg id=\"" + id + "\"");
            assertTrue(at >= 0, id);
            String svg = html.substring(at, html.indexOf("</svg>", at));
            assertTrue(svg.contains("class=\"series"), id);
            assertTrue(svg.contains("simulated time, UTC (2025-01-01)"), id + ": the time axis says UTC");
            assertTrue(svg.contains(">00:20<"), id + ": UTC tick labels");
            assertTrue(svg.contains("class=\"legend\""), id + ": a legend");
            assertTrue(svg.contains("class=\"unit\""), id + ": the y axis' unit");
        }
        assertTrue(html.contains("data-series=\"price_ETH\""), "ETH's price moved");
        assertFalse(html.contains("data-series=\"price_USDC\""), "USDC's did not: listed, not drawn");
        assertTrue(html.contains("Constant over the run (USD per unit): USDC 1.0000"), html);
    }

    @Test
    void parameterChangesAndTheAuditTrailAreListedAndMarkedOnTheCharts(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("changed.html");
        RunFolder run = HtmlReport.write(ReportFixtures.changed(), out);
        String html = Files.readString(out);
        assertEquals(2, run.events().changeCount(), "two changes while the run went on");
        String changes = section(html, "changes");
        assertTrue(changes.contains("<td>2025-01-01 00:10:00</td><td>liquidation.buffer</td><td>0.02</td><td>0.05</td>")
                || changes.contains("<td>2025-01-01 00:09:59</td><td>liquidation.buffer</td><td>0.02</td><td>0.05</td>"),
                changes);
        assertTrue(changes.contains("<td>oracle.heartbeatMs</td><td>60000</td><td>30000</td>"), changes);
        assertTrue(changes.contains("<td>liquidation.buffer</td><td>0.05</td><td>0.02</td>"), changes);
        assertTrue(html.contains("<tr class=\"changed\" data-key=\"liquidation.buffer\">"), "marked in the table");
        assertTrue(section(html, "charts").contains("class=\"marker-label\""), "marked on the charts");
        assertEquals(7 * 2, count(section(html, "charts"), ">change</text>"), "two markers on each of 7 charts");

        String audit = section(html, "audit");
        assertEquals(3, run.audit().size());
        assertTrue(audit.contains("<td>alice</td>"), audit);
        assertTrue(audit.contains("<td>bob</td>"), audit);
        assertTrue(audit.contains("a wider buffer before the &lt;gap&gt; &amp; its cascade"), "escaped: " + audit);
        assertTrue(audit.contains("<span class=\"action undo\">undo</span>"), audit);
        assertTrue(audit.contains("<td>oracle.heartbeatMs</td><td>60000</td><td>30000</td>"), audit);
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("no parameter edits were recorded"));
        // solvent replay cannot make those changes: the report does not promise the run's hash from its command
        String manifest = section(html, "manifest");
        assertTrue(manifest.contains("id=\"reproduce-limits\">The parameters changed twice while this run went on"),
                manifest);
        assertTrue(manifest.contains("up to the first change, at 2025-01-01 00:10:00 UTC"), manifest);
        assertFalse(manifest.contains("id=\"expected-hash\""), "no hash promised");
    }

    @Test
    void aForksOverridesAndItsReproductionAreShown(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("fork.html");
        HtmlReport.write(ReportFixtures.fork(), out);
        String html = Files.readString(out);
        JsonNode s = JSON.readTree(ReportFixtures.fork().resolve("summary.json").toFile());
        assertTrue(html.contains("id=\"fork-banner\""), "a fork says so at the top");
        String changes = section(html, "changes");
        assertTrue(changes.contains("<tr class=\"changed\"><td>deleveraging</td><td>deficit</td></tr>"), changes);
        assertTrue(changes.contains("<td>markets.ETH-PERP.tiers[0].maintenanceMarginFraction</td><td>0.03</td>"),
                changes);
        assertTrue(changes.contains("2025-01-01 00:19:59 UTC (1735690799000 ms since the epoch)"), changes);
        assertTrue(html.contains("<tr class=\"changed\" data-key=\"markets.ETH-PERP\">"), "the market is marked");
        assertTrue(html.contains("<tr class=\"changed\" data-key=\"deleveraging\">"), "the policy is marked");
        assertTrue(html.contains("<pre id=\"reproduce\">solvent replay gap-down.json --out original --fork-at"
                + " 2025-01-01T00:19:59Z --set deleveraging=deficit --set"
                + " &#39;markets.ETH-PERP.tiers[0].maintenanceMarginFraction=0.03&#39; --fork-out what-if</pre>"), html);
        assertTrue(html.contains("stateHash " + s.path("stateHash").asText()), "the fork's hash");
        assertEquals(s.path("deficitUsd").doubleValue(), Double.parseDouble(value(html, "fig-deficit")), 0.0);
        assertEquals(7, count(section(html, "charts"), ">fork</text>"), "the fork marked on every chart");
    }

    /** The command the fork's report prints, run where the inputs are, gives the fork's files and hash again. */
    @Test
    void theCommandInTheReportReproducesTheForkBitForBit(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("fork.html");
        HtmlReport.write(ReportFixtures.fork(), out);
        Matcher m = Pattern.compile("<pre id=\"reproduce\">([^<]*)</pre>").matcher(Files.readString(out));
        assertTrue(m.find());
        List<String> args = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(m.group(1).replace("&#39;", "'"));
        while (word.find()) {
            args.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        assertEquals("solvent", args.removeFirst());
        args.replaceAll(a -> a.equals("gap-down.json") ? ReportFixtures.GAP.toString()
                : a.equals("original") || a.equals("what-if") ? tmp.resolve(a).toString() : a);
        args.add("--no-progress");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = io.solvent.app.cli.SolventCommand.run(args.toArray(String[]::new),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true,
                        java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(java.nio.charset.StandardCharsets.UTF_8));
        String hash = JSON.readTree(ReportFixtures.fork().resolve("summary.json").toFile()).path("stateHash").asText();
        String[] lines = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
        assertTrue(lines[1].endsWith("stateHash " + hash), "the fork's line prints the hash: " + lines[1]);
        for (String f : new String[] {"summary.json", "events.csv", "metrics.csv"}) {
            assertArrayEquals(Files.readAllBytes(ReportFixtures.fork().resolve(f)),
                    Files.readAllBytes(tmp.resolve("what-if").resolve(f)), f);
        }
    }

    @Test
    void aLongRunIsReducedToABoundedReportThatKeepsItsSpikes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("long");
        Files.createDirectories(dir);
        Path plain = ReportFixtures.plain();
        for (String f : new String[] {"summary.json", "manifest.json", "events.csv"}) {
            Files.copy(plain.resolve(f), dir.resolve(f));
        }
        int rows = 200_000;
        long t0 = 1_735_689_600_000L;
        StringBuilder b = new StringBuilder("time_ms,price_USDC,price_BTC,fund_usd,at_risk,liquidatable,"
                + "open_interest_usd,liquidated_notional_usd,bad_debt_usd\n");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < rows; i++) {
            double fund = i == 123_457 ? 0.0 : 5000 + 1000 * Math.sin(i / 5000.0) + r.nextDouble(); // one dip to 0
            b.append(t0 + i * 1000L).append(",1.0,").append(100_000 + r.nextGaussian() * 500).append(',').append(fund)
                    .append(',').append(r.nextInt(50)).append(",0,").append(2.0e7 + i).append(',').append(i * 10.0)
                    .append(",0.0\n");
        }
        Files.writeString(dir.resolve("metrics.csv"), b);
        long start = System.nanoTime();
        Path out = tmp.resolve("long.html");
        RunFolder run = HtmlReport.write(dir, out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(rows, run.metrics().rows());
        long size = Files.size(out);
        assertTrue(size < 400_000, "bounded: " + size + " bytes for " + rows + " rows");
        Matcher m = Pattern.compile("data-series=\"([^\"]+)\" data-points=\"(\\d+)\"").matcher(Files.readString(out));
        List<String> series = new ArrayList<>();
        while (m.find()) {
            series.add(m.group(1));
            assertTrue(Integer.parseInt(m.group(2)) <= 4 * RunFolder.COLUMNS, m.group(1) + ": " + m.group(2));
        }
        assertTrue(series.contains("price_BTC") && series.contains("fund_usd"), series.toString());
        assertEquals(0.0, run.metrics().fund().points().stream().mapToDouble(Downsampler.Point::value).min()
                .orElseThrow(), 0.0, "the one-second dip of the fund to 0 survives the reduction");
        System.out.printf("report of %,d metrics rows: %,d bytes in %d ms%n", rows, size, ms);
    }

    static String section(String html, String id) {
        int at = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(at >= 0, id);
        return html.substring(at, html.indexOf("</section>", at));
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void downsamplingKeepsEachColumnsExtremesAndAtMostFourPoints() {
        Downsampler d = new Downsampler(0, 99_999, 10);
        java.util.Random r = new java.util.Random(3);
        double[] lo = new double[10];
        double[] hi = new double[10];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (long t = 0; t < 100_000; t++) {
            double v = r.nextGaussian();
            d.add(t, v);
            int c = d.column(t);
            lo[c] = Math.min(lo[c], v);
            hi[c] = Math.max(hi[c], v);
        }
        List<Downsampler.Point> p = d.points();
        assertTrue(p.size() <= 40, "at most four a column: " + p.size());
        for (int c = 0; c < 10; c++) {
            int col = c;
            List<Double> in = p.stream().filter(x -> d.column(x.timeMs()) == col).map(Downsampler.Point::value).toList();
            assertTrue(in.contains(lo[c]) && in.contains(hi[c]), "column " + c);
        }
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i).timeMs() > p.get(i - 1).timeMs(), "in time order");
        }
        Downsampler flat = new Downsampler(0, 999, 100);
        for (long t = 0; t < 1000; t++) {
            flat.add(t, 7.0);
        }
        assertEquals(2, flat.points().size(), "a flat series is its two ends");
        assertNotNull(flat.points().getFirst());
    }
}
