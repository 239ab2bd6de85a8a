package io.solvent.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens reports in a real headless Chromium with the network blocked: every chart laid out and drawn with its
 * points, nothing requested by the page (Chromium's own net log says so, and a control page that does reference an
 * image shows the log would), and a screenshot that is a picture, not a blank page. Skipped when Chromium is not
 * installed ({@code apt-get install chromium}; another binary with {@code -Dsolvent.chromium=PATH}).
 *
 * <p>{@code -Dsolvent.report.screenshot=PATH} also writes the screenshot of the fork's report there (the docs'
 * {@code docs/img/report.png} comes from {@code tools/report-picture}).
 */
class ReportChromiumTest {
    static final Path CHROMIUM = Path.of(System.getProperty("solvent.chromium", "/usr/bin/chromium"));
    private static final Pattern CHART = Pattern.compile("([a-z-]+)@(\\d+)x(\\d+)=([^;]*)");

    record Browser(String stdout, long millis) {
    }

    /** Runs Chromium headless, offline, on a fresh profile; returns what it printed on standard output. */
    static Browser chromium(Path profile, List<String> extra, Path page) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"));
        cmd.addAll(extra);
        cmd.add(page.toUri().toString());
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + cmd);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, p.exitValue(), "chromium failed: " + cmd);
        return new Browser(Files.readString(stdout, StandardCharsets.UTF_8), ms);
    }

    /** @return the URLs the page itself asked for (Chromium's own requests have no origin), from a net log */
    static List<String> pageRequests(Path netLog) throws IOException {
        String text = Files.readString(netLog).strip();
        if (!text.endsWith("}")) { // a log cut short at exit: close its event list
            text = text.replaceAll(",\\s*$", "") + "]}";
        }
        JsonNode log = new ObjectMapper().readTree(text);
        int startJob = log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        assertTrue(startJob >= 0, "the net log names its event types");
        List<String> urls = new ArrayList<>();
        for (JsonNode e : log.path("events")) {
            JsonNode params = e.path("params");
            if (e.path("type").asInt() == startJob && params.has("url")
                    && !"not an origin".equals(params.path("initiator").asText())) {
                urls.add(params.path("url").asText());
            }
        }
        return urls;
    }

    @Test
    void everyChartIsDrawnOfflineAndTheScreenshotIsAPicture(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + " (Debian: apt-get"
                + " install chromium): the browser check of the HTML report is skipped");
        Path html = tmp.resolve("changed.html");
        HtmlReport.write(ReportFixtures.changed(), html);
        Path fork = tmp.resolve("fork.html");
        HtmlReport.write(ReportFixtures.fork(), fork);

        // 1. the DOM as Chromium laid it out: the inline check script recorded what each chart drew
        Path netLog = tmp.resolve("net.json");
        Browser dom = chromium(tmp.resolve("p1"), List.of("--window-size=1280,2400", "--virtual-time-budget=5000",
                "--log-net-log=" + netLog, "--dump-dom"), html);
        Matcher m = Pattern.compile("data-rendered=\"([^\"]*)\"").matcher(dom.stdout());
        assertTrue(m.find(), "the page loaded and its check ran: " + dom.stdout().substring(0,
                Math.min(400, dom.stdout().length())));
        Map<String, String> charts = new LinkedHashMap<>();
        Matcher c = CHART.matcher(m.group(1));
        while (c.find()) {
            String id = c.group(1);
            assertTrue(Integer.parseInt(c.group(2)) > 500 && Integer.parseInt(c.group(3)) > 150,
                    id + " laid out at " + c.group(2) + "x" + c.group(3));
            charts.put(id, c.group(4));
        }
        assertEquals(List.of("chart-fund", "chart-bad-debt", "chart-liquidated", "chart-open-interest",
                "chart-at-risk", "chart-per-minute", "chart-prices"), List.copyOf(charts.keySet()), m.group(1));
        Map<String, int[]> series = new LinkedHashMap<>();
        for (var e : charts.entrySet()) {
            for (String s : e.getValue().split(",")) {
                String[] f = s.split(":");
                String[] wh = f[2].split("x");
                series.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
            }
        }
        // lines: points in the SVG DOM and a drawn extent; a step of a fund or a cumulative sum has a few points
        for (String s : new String[] {"fund_usd", "bad_debt_usd", "liquidated_notional_usd", "open_interest_usd",
            "at_risk", "liquidatable", "price_BTC", "price_ETH"}) {
            int[] v = series.get(s);
            assertNotNull(v, s + " drawn: " + series.keySet());
            assertTrue(v[0] >= 3 && v[1] > 400, s + ": " + v[0] + " points over " + v[1] + " px");
        }
        assertTrue(series.get("price_ETH")[0] > 100 && series.get("price_ETH")[2] > 50, "ETH's path, down 25%");
        assertTrue(series.get("fund_usd")[2] > 50, "the fund's fall spans the chart's height");
        assertTrue(series.get("liquidations")[0] >= 1 && series.get("liquidations")[2] > 50, "the gap's bar");
        assertTrue(series.get("bankruptcies")[0] >= 1, "bankruptcies' bar");

        // 2. nothing requested by the page, and the net log would show it if it were (a control page)
        assertEquals(List.of(), pageRequests(netLog), "the report asked for nothing");
        Path control = tmp.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><p>control</p><img src=\"http://example.invalid/x.png\">");
        Path controlLog = tmp.resolve("control-net.json");
        chromium(tmp.resolve("p2"), List.of("--virtual-time-budget=2000", "--log-net-log=" + controlLog,
                "--dump-dom"), control);
        assertTrue(pageRequests(controlLog).contains("http://example.invalid/x.png"),
                "the net log records a page's requests: " + pageRequests(controlLog));

        // 3. the screenshot: decoded, many colours, mostly page and not blank
        Path png = tmp.resolve("report.png");
        Browser shot = chromium(tmp.resolve("p3"), List.of("--window-size=1280,2400", "--virtual-time-budget=5000",
                "--screenshot=" + png), fork);
        assertTrue(Files.size(png) > 20_000, "a PNG was written: " + Files.size(png) + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(2400, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        long sampled = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(colours.size() > 200, "distinct colours: " + colours.size());
        assertTrue(ink > sampled / 50, "not blank: " + ink + " of " + sampled + " pixels drawn");
        String keep = System.getProperty("solvent.report.screenshot");
        if (keep != null && !keep.isBlank()) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("chromium: DOM check %d ms, screenshot %d ms; %d colours%n", dom.millis(), shot.millis(),
                colours.size());
        assertFalse(dom.stdout().contains("http://") || dom.stdout().contains("https://"), "no address in the DOM");
    }
}
