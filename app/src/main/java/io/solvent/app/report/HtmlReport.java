package io.solvent.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.solvent.app.viewmodel.Format;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report of a run as one self-contained HTML file: the key figures, charts over simulated time, the busiest
 * minutes and largest events, the parameters and their changes, the audit trail of the operator's edits, and the
 * manifest with every input's SHA-256 and the command that reproduces the run bit for bit. CSS is inline and every
 * chart is inline SVG drawn here; the file references no script, font, image or address outside itself (a few
 * lines of inline script only record, for a browser check, what each chart drew). The same folder always gives the
 * same bytes.
 *
 * <p>Size: each chart line keeps at most four points per column of {@link RunFolder#COLUMNS} (2,400), tables are
 * capped ({@link #MAX_MINUTES} minutes, {@link RunFolder#LARGEST} largest events, {@link RunFolder#MAX_CHANGES}
 * changes), so a report stays in the hundreds of kilobytes however many rows the run wrote.
 */
public final class HtmlReport {
    /** Minutes listed in the activity table: the busiest, in time order. */
    public static final int MAX_MINUTES = 60;
    private static final int HALF_W = 620;
    private static final int HALF_H = 250;
    private static final int FULL_W = 1260;
    private static final int FULL_H = 320;
    private static final int MAX_MARKERS = 40;
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2",
        "#edc948", "#ff9da7", "#9c755f", "#7f7f7f"};
    private static final String[] DASHES = {null, "6 3", "2 2"};
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+,@%^-]+");

    private HtmlReport() {
    }

    /**
     * Reads a run folder and writes its report, atomically (the target is the old file or the whole new one). The
     * parent folder of {@code out} is created when missing.
     *
     * @param runDir the folder {@code solvent replay --out DIR} (or {@code --fork-out}) wrote
     * @param out    the HTML file to write
     * @return what was read
     * @throws InputException when the folder or a file in it is missing or malformed ({@code FILE: PLACE:
     *                        PROBLEM}), or {@code out} cannot be written
     */
    public static RunFolder write(Path runDir, Path out) {
        RunFolder run = RunFolder.read(runDir);
        byte[] html = render(run).getBytes(StandardCharsets.UTF_8);
        if (Files.isDirectory(out)) {
            throw new InputException(out.toString(), "", "is a folder; expected the HTML file to write", null);
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.write(out, o -> o.write(html));
        } catch (IOException e) {
            throw new InputException(out.toString(), "", "cannot be written: " + e.getMessage(), e);
        }
        return run;
    }

    /**
     * @param run a run folder
     * @return its report, a whole HTML document
     */
    public static String render(RunFolder run) {
        return new HtmlReport.Page(run).html();
    }

    /** @return the run's label: its folder's name */
    static String label(RunFolder run) {
        Path name = run.dir().toAbsolutePath().normalize().getFileName();
        return name == null ? run.dir().toString() : name.toString();
    }

    /**
     * @param run a run folder
     * @return the command that reproduces it (from the folder of its scenario file), or null when the manifest names
     *         no input (a live session); when its parameters changed while it ran, the command reproduces it up to
     *         the first change only, as the report says
     */
    public static String reproduceCommand(RunFolder run) {
        RunFolder.Manifest m = run.manifest();
        if (m.inputs().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("solvent replay ").append(shell(m.inputs().getFirst().file()));
        RunFolder.Fork f = m.fork();
        if (f == null) {
            b.append(" --out ").append(shell(label(run)));
        } else {
            b.append(" --out original --fork-at ").append(Instant.ofEpochMilli(f.atMs()));
            f.overrides().forEach((k, v) -> b.append(" --set ").append(shell(k + "=" + v)));
            b.append(" --fork-out ").append(shell(label(run)));
        }
        return b.toString();
    }

    static String shell(String arg) {
        return SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /** @return an amount in full, such as {@code 77,980.05 USD} */
    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.2f USD", v).replace('-', '−');
    }

    /** The document being written. */
    private static final class Page {
        private final RunFolder run;
        private final StringBuilder b = new StringBuilder(1 << 16);
        private final Set<String> changedKeys = new LinkedHashSet<>();
        private final List<long[]> markerTimes = new ArrayList<>();
        private final List<String> markerLabels = new ArrayList<>();

        Page(RunFolder run) {
            this.run = run;
            RunFolder.Fork f = run.manifest().fork();
            if (f != null) {
                changedKeys.addAll(f.overrides().keySet());
                marker(f.atMs(), "fork");
            }
            for (RunFolder.Event e : run.events().changes()) {
                for (String[] c : changes(e.detail())) {
                    changedKeys.add(c[0]);
                }
                marker(e.timeMs(), "change");
            }
            if (run.audit() != null) {
                run.audit().forEach(a -> changedKeys.add(a.key()));
            }
        }

        private void marker(long t, String label) {
            if (markerTimes.size() < MAX_MARKERS) {
                markerTimes.add(new long[] {t});
                markerLabels.add(label);
            }
        }

        String html() {
            RunFolder.Summary s = run.summary();
            RunFolder.Manifest m = run.manifest();
            String label = label(run);
            b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"generator\" content=\"").append(esc(m.engine())).append(" report\">\n")
                    .append("<title>").append(esc(s.scenario())).append(" — ").append(esc(label))
                    .append(" — Solvent run report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n");
            b.append("<body>\n<main>\n");
            header(s, m, label);
            figures(s);
            charts();
            activity();
            parameters(m);
            changesSection(m);
            audit();
            manifest(s, m);
            footer();
            b.append("</main>\n<script>\n").append(CHECK_SCRIPT).append("</script>\n</body>\n</html>\n");
            return b.toString();
        }

        private void header(RunFolder.Summary s, RunFolder.Manifest m, String label) {
            RunFolder.Metrics mt = run.metrics();
            b.append("<header>\n<div class=\"kicker\">Solvent run report</div>\n<h1 id=\"scenario\">")
                    .append(esc(s.scenario())).append("</h1>\n<p class=\"sub\">Run <b id=\"run-label\">")
                    .append(esc(label)).append("</b> · simulated ").append(Format.time(mt.fromMs())).append(" → ")
                    .append(Format.time(mt.toMs())).append(" (").append(Format.duration(mt.toMs() - mt.fromMs()))
                    .append(") · ").append(esc(m.engine())).append(" · seed ").append(m.seed()).append("</p>\n");
            RunFolder.Fork f = m.fork();
            if (f != null) {
                b.append("<p class=\"banner\" id=\"fork-banner\">A fork of <b>").append(esc(f.from()))
                        .append("</b> at ").append(Format.time(f.atMs())).append(": every feed event up to then ran"
                        + " under the original parameters, the rest under ")
                        .append(esc(String.join(", ", f.overrides().entrySet().stream()
                                .map(e -> e.getKey() + " = " + e.getValue()).toList()))).append(".</p>\n");
            }
            b.append("</header>\n");
        }

        private void figures(RunFolder.Summary s) {
            b.append("<section id=\"figures\">\n<h2>Key figures</h2>\n<div class=\"figures\">\n");
            card(s.badDebtUsd() > 0 ? "alert" : "", "Bad debt", "fig-bad-debt", s.badDebtUsd(), usd(s.badDebtUsd()),
                    span("fig-bankruptcies", s.bankruptcies(), Format.count(s.bankruptcies())) + " bankruptcies");
            long perp = run.events().count("liquidation");
            long sales = run.events().count("collateral_sale");
            card("", "Liquidations", "fig-liquidations", s.liquidations(), Format.count(s.liquidations()),
                    span("fig-liquidated-notional", s.liquidatedUsd(), usd(s.liquidatedUsd())) + " notional"
                            + (sales > 0 ? " · " + Format.count(perp) + " position fills, " + Format.count(sales)
                            + " collateral sales" : ""));
            card(s.fundMinimumUsd() <= 0 && s.fundStartUsd() > 0 ? "warn" : "", "Insurance fund at the end",
                    "fig-fund-end", s.fundEndUsd(), usd(s.fundEndUsd()),
                    "start " + span("fig-fund-start", s.fundStartUsd(), usd(s.fundStartUsd())) + " · minimum "
                            + span("fig-fund-min", s.fundMinimumUsd(), usd(s.fundMinimumUsd())));
            card("", "Deleveraging (" + s.deleveraging() + ")", "fig-deleveraging-count", s.deleveragingCount(),
                    Format.count(s.deleveragingCount()) + " fills",
                    span("fig-deleveraging-notional", s.deleveragedUsd(), usd(s.deleveragedUsd())) + " notional");
            card(s.deficitUsd() > 0 ? "alert" : "", "Deficit", "fig-deficit", s.deficitUsd(), usd(s.deficitUsd()),
                    "bad debt nobody covered");
            card("", "Liquidator fees", "fig-fees", s.feesUsd(), usd(s.feesUsd()), "charged to the liquidated");
            card("", "Feed events", "fig-ticks", s.ticks(), Format.count(s.ticks()) + " ticks",
                    span("fig-steps", s.steps(), Format.count(s.steps())) + " evaluation steps · "
                            + span("fig-unmapped", s.unmappedTicks(), Format.count(s.unmappedTicks())) + " unmapped");
            card(s.violations() > 0 ? "alert" : "", "Plausibility", "fig-violations", s.violations(),
                    Format.count(s.violations()) + " violations",
                    span("fig-checks", s.checks(), Format.count(s.checks())) + " checks · ledger imbalance "
                            + span("fig-imbalance", s.maxImbalance(),
                            String.format(Locale.ROOT, "%.1e", s.maxImbalance())));
            b.append("<div class=\"card wide\"><div class=\"label\">stateHash</div><div class=\"value hash\""
                    + " id=\"fig-state-hash\">").append(s.stateHash()).append("</div><div class=\"note\">SHA-256 of"
                    + " the final state; the same scenario gives the same hash on any machine</div></div>\n");
            b.append("</div>\n</section>\n");
        }

        private void card(String cls, String label, String id, double value, String shown, String note) {
            b.append("<div class=\"card").append(cls.isEmpty() ? "" : " " + cls).append("\"><div class=\"label\">")
                    .append(esc(label)).append("</div><div class=\"value\" id=\"").append(id)
                    .append("\" data-value=\"").append(number(value)).append("\">").append(esc(shown))
                    .append("</div><div class=\"note\">").append(note).append("</div></div>\n");
        }

        private void card(String cls, String label, String id, long value, String shown, String note) {
            b.append("<div class=\"card").append(cls.isEmpty() ? "" : " " + cls).append("\"><div class=\"label\">")
                    .append(esc(label)).append("</div><div class=\"value\" id=\"").append(id)
                    .append("\" data-value=\"").append(value).append("\">").append(esc(shown))
                    .append("</div><div class=\"note\">").append(note).append("</div></div>\n");
        }

        private String span(String id, double value, String shown) {
            return "<span id=\"" + id + "\" data-value=\"" + number(value) + "\">" + esc(shown) + "</span>";
        }

        private String span(String id, long value, String shown) {
            return "<span id=\"" + id + "\" data-value=\"" + value + "\">" + esc(shown) + "</span>";
        }

        private void charts() {
            RunFolder.Metrics mt = run.metrics();
            long from = mt.fromMs();
            long to = mt.toMs();
            b.append("<section id=\"charts\">\n<h2>Over simulated time</h2>\n<div class=\"grid\">\n");
            figure("Insurance fund balance", "The insurance funds' total balance.", chart(new SvgChart("chart-fund",
                    "Insurance fund balance, USD", "USD", HALF_W, HALF_H, from, to).yLabels(SvgChart.YLabel.number("$"))
                    .line("fund_usd", "insurance fund", PALETTE[0], mt.fund().points())));
            figure("Bad debt, cumulative", "Deficits of bankrupt sub-accounts since the start.",
                    chart(new SvgChart("chart-bad-debt", "Bad debt since the start, USD", "USD", HALF_W, HALF_H, from,
                            to).yLabels(SvgChart.YLabel.number("$")).line("bad_debt_usd", "bad debt", PALETTE[2],
                            mt.badDebt().points())));
            figure("Liquidated notional, cumulative", "Notional closed by liquidation since the start.",
                    chart(new SvgChart("chart-liquidated", "Liquidated notional since the start, USD", "USD", HALF_W,
                            HALF_H, from, to).yLabels(SvgChart.YLabel.number("$")).line("liquidated_notional_usd",
                            "liquidated notional", PALETTE[1], mt.liquidated().points())));
            figure("Open interest", "Σ notional of all open positions.", chart(new SvgChart("chart-open-interest",
                    "Open interest, USD", "USD", HALF_W, HALF_H, from, to).yLabels(SvgChart.YLabel.number("$"))
                    .line("open_interest_usd", "open interest", PALETTE[5], mt.openInterest().points())));
            figure("Sub-accounts at risk", "At risk: maintenance health factor below 1.1; liquidatable: below 1.",
                    chart(new SvgChart("chart-at-risk", "Sub-accounts at risk and liquidatable", "sub-accounts",
                            HALF_W, HALF_H, from, to).yLabels(SvgChart.YLabel.number(""))
                            .line("at_risk", "at risk (HF < 1.1)", PALETTE[4], mt.atRisk().points())
                            .line("liquidatable", "liquidatable (HF < 1)", PALETTE[2], "5 3",
                                    mt.liquidatable().points(), v -> v)));
            perMinuteChart(from, to);
            b.append("</div>\n");
            pricesChart(from, to);
            b.append("</section>\n");
        }

        private void perMinuteChart(long from, long to) {
            List<RunFolder.Minute> minutes = run.events().minutes();
            long lo = from;
            long hi = to;
            if (!minutes.isEmpty()) {
                lo = Math.min(lo, minutes.getFirst().minuteMs());
                hi = Math.max(hi, minutes.getLast().minuteMs() + 60_000);
            }
            int plotW = HALF_W - SvgChart.LEFT - SvgChart.RIGHT;
            long spanMin = Math.max(1, (hi - lo) / 60_000);
            long bin = 1;
            for (long m : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440, 2880, 10080}) {
                bin = m;
                if (spanMin / m <= plotW / 4) {
                    break;
                }
            }
            long binMs = bin * 60_000;
            Map<Long, double[]> bins = new LinkedHashMap<>();
            for (RunFolder.Minute m : minutes) {
                long k = Math.floorDiv(m.minuteMs(), binMs) * binMs;
                double[] v = bins.computeIfAbsent(k, x -> new double[2]);
                v[0] += m.liquidations();
                v[1] += m.bankruptcies();
            }
            List<Downsampler.Point> liq = new ArrayList<>();
            List<Downsampler.Point> bank = new ArrayList<>();
            bins.forEach((k, v) -> {
                liq.add(new Downsampler.Point(k, v[0]));
                bank.add(new Downsampler.Point(k, v[1]));
            });
            String per = bin == 1 ? "minute" : bin + " minutes";
            figure("Liquidations and bankruptcies per " + per, "Counted from events.csv, by the "
                    + (bin == 1 ? "minute" : bin + "-minute interval") + " (UTC) they happened in.",
                    chart(new SvgChart("chart-per-minute", "Liquidations and bankruptcies per "
                    + per, "events per " + per, HALF_W, HALF_H, lo, hi).yLabels(SvgChart.YLabel.number(""))
                    .bars("liquidations", "liquidation fills", PALETTE[1], binMs, liq)
                    .bars("bankruptcies", "bankruptcies", PALETTE[2], binMs, bank)));
        }

        private void pricesChart(long from, long to) {
            List<RunFolder.Price> moved = run.metrics().prices().stream().filter(RunFolder.Price::moved).toList();
            List<RunFolder.Price> still = run.metrics().prices().stream().filter(RunFolder.Price::constant).toList();
            SvgChart c = new SvgChart("chart-prices", "Prices as accounts see them, % change from the first",
                    "% from the first price", FULL_W, FULL_H, from, to).free()
                    .yLabels(SvgChart.YLabel.percent());
            int i = 0;
            for (RunFolder.Price p : moved) {
                double first = p.first();
                c.line(p.series().name(), p.asset(), PALETTE[i % PALETTE.length],
                        DASHES[(i / PALETTE.length) % DASHES.length], p.series().points(),
                        v -> 100 * (v / first - 1));
                i++;
            }
            b.append("<figure class=\"full\"><figcaption>Prices, % change from the first price</figcaption>\n");
            b.append("<p class=\"caption\">Each asset's price as accounts are valued at it, relative to its first"
                    + " price in metrics.csv.</p>\n");
            b.append(chart(c));
            b.append("<table class=\"numbers\" id=\"prices-table\"><thead><tr><th>asset</th><th>first</th>"
                    + "<th>lowest</th><th>highest</th><th>last</th><th>last vs first</th><th>low vs first</th></tr>"
                    + "</thead><tbody>\n");
            for (RunFolder.Price p : run.metrics().prices()) {
                if (p.constant() && still.size() > 3) {
                    continue;
                }
                priceRow(p);
            }
            b.append("</tbody></table>\n");
            if (still.size() > 3) {
                b.append("<p class=\"caption\">Constant over the run (USD per unit): ").append(esc(String.join(", ",
                        still.stream().map(p -> p.asset() + " " + Format.price(p.first()).substring(1)).toList())))
                        .append(".</p>\n");
            }
            b.append("</figure>\n");
        }

        private void priceRow(RunFolder.Price p) {
            b.append("<tr><td>").append(esc(p.asset())).append("</td><td>").append(priceUsd(p.first()))
                    .append("</td><td>").append(priceUsd(p.low())).append("</td><td>").append(priceUsd(p.high()))
                    .append("</td><td>").append(priceUsd(p.last())).append("</td><td>")
                    .append(change(p.last() / p.first() - 1)).append("</td><td>")
                    .append(change(p.low() / p.first() - 1)).append("</td></tr>\n");
        }

        private static String priceUsd(double v) {
            return Double.isNaN(v) ? "—" : Format.price(v).substring(1) + " USD";
        }

        private static String change(double r) {
            return Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%+.2f%%", 100 * r).replace('-', '−');
        }

        private String chart(SvgChart c) {
            for (int i = 0; i < markerTimes.size(); i++) {
                c.marker(markerTimes.get(i)[0], markerLabels.get(i));
            }
            return c.render();
        }

        private void figure(String title, String caption, String svg) {
            b.append("<figure><figcaption>").append(esc(title)).append("</figcaption>\n<p class=\"caption\">")
                    .append(esc(caption)).append("</p>\n").append(svg).append("</figure>\n");
        }

        private void activity() {
            RunFolder.Events ev = run.events();
            b.append("<section id=\"activity\">\n<h2>Liquidations and bankruptcies</h2>\n<p>events.csv holds ")
                    .append(Format.count(ev.rows())).append(" events");
            if (!ev.kinds().isEmpty()) {
                b.append(": ").append(esc(String.join(", ", ev.kinds().entrySet().stream()
                        .map(e -> Format.count(e.getValue()) + " " + e.getKey().replace('_', ' ')).toList())));
            }
            b.append(".</p>\n");
            List<RunFolder.Minute> minutes = ev.minutes();
            if (minutes.isEmpty()) {
                b.append("<p class=\"empty\" id=\"minutes-none\">No liquidation, bankruptcy, deleveraging fill or"
                        + " collateral sale happened in this run.</p>\n");
            } else {
                List<RunFolder.Minute> shown = minutes;
                if (minutes.size() > MAX_MINUTES) {
                    shown = minutes.stream().sorted(Comparator.comparingLong((RunFolder.Minute m) ->
                                    -(m.liquidations() + m.bankruptcies() + m.deleveraging() + m.collateral()))
                                    .thenComparingLong(RunFolder.Minute::minuteMs)).limit(MAX_MINUTES)
                            .sorted(Comparator.comparingLong(RunFolder.Minute::minuteMs)).toList();
                    b.append("<h3>The ").append(MAX_MINUTES).append(" busiest of ").append(minutes.size())
                            .append(" minutes with events</h3>\n");
                } else {
                    b.append("<h3>Per minute (the ").append(minutes.size()).append(" minutes with events)</h3>\n");
                }
                b.append("<table class=\"numbers\" id=\"minutes-table\"><thead><tr><th>minute (UTC)</th>"
                        + "<th>liquidations</th><th>liquidated notional</th><th>bankruptcies</th><th>bad debt</th>"
                        + "<th>deleveraging fills</th><th>collateral sales</th></tr></thead><tbody>\n");
                long[] tot = new long[4];
                double[] usd = new double[2];
                for (RunFolder.Minute m : minutes) {
                    tot[0] += m.liquidations();
                    tot[1] += m.bankruptcies();
                    tot[2] += m.deleveraging();
                    tot[3] += m.collateral();
                    usd[0] += m.liquidatedUsd();
                    usd[1] += m.badDebtUsd();
                }
                for (RunFolder.Minute m : shown) {
                    b.append("<tr><td>").append(Format.time(m.minuteMs()).replace(":00 UTC", ""))
                            .append("</td><td>").append(count(m.liquidations())).append("</td><td>")
                            .append(usd(m.liquidatedUsd())).append("</td><td>").append(count(m.bankruptcies()))
                            .append("</td><td>").append(usd(m.badDebtUsd())).append("</td><td>")
                            .append(count(m.deleveraging())).append("</td><td>").append(count(m.collateral()))
                            .append("</td></tr>\n");
                }
                b.append("</tbody><tfoot><tr><td>all ").append(minutes.size())
                        .append(" minutes</td><td id=\"minutes-liquidations\">")
                        .append(count(tot[0])).append("</td><td>").append(usd(usd[0])).append("</td><td>")
                        .append(count(tot[1])).append("</td><td>").append(usd(usd[1])).append("</td><td>")
                        .append(count(tot[2])).append("</td><td>").append(count(tot[3]))
                        .append("</td></tr></tfoot></table>\n");
            }
            if (!ev.largestLiquidations().isEmpty()) {
                b.append("<h3>Largest liquidations</h3>\n<table class=\"numbers\" id=\"largest-liquidations\">"
                        + "<thead><tr><th>time (UTC)</th><th>account</th><th>market</th><th>size</th>"
                        + "<th>price</th><th>notional</th><th>fee</th></tr></thead><tbody>\n");
                for (RunFolder.Event e : ev.largestLiquidations()) {
                    b.append("<tr><td>").append(Format.time(e.timeMs()).replace(" UTC", "")).append("</td><td>")
                            .append(esc(account(e))).append("</td><td>").append(esc(e.market())).append("</td><td>")
                            .append(Double.isNaN(e.size()) ? "—" : String.format(Locale.ROOT, "%.6g", e.size())
                                    .replace('-', '−'))
                            .append("</td><td>").append(priceUsd(e.priceUsd())).append("</td><td>")
                            .append(usd(e.amountUsd())).append("</td><td>")
                            .append(Double.isNaN(e.feeUsd()) ? "—" : usd(e.feeUsd())).append("</td></tr>\n");
                }
                b.append("</tbody></table>\n");
            }
            if (!ev.largestBankruptcies().isEmpty()) {
                b.append("<h3>Largest bankruptcies</h3>\n<table class=\"numbers\" id=\"largest-bankruptcies\">"
                        + "<thead><tr><th>time (UTC)</th><th>account</th><th>deficit</th><th>detail</th></tr>"
                        + "</thead><tbody>\n");
                for (RunFolder.Event e : ev.largestBankruptcies()) {
                    b.append("<tr><td>").append(Format.time(e.timeMs()).replace(" UTC", "")).append("</td><td>")
                            .append(esc(account(e))).append("</td><td>").append(usd(e.amountUsd()))
                            .append("</td><td class=\"text\">").append(esc(e.detail())).append("</td></tr>\n");
                }
                b.append("</tbody></table>\n");
            }
            b.append("</section>\n");
        }

        private static String account(RunFolder.Event e) {
            return e.subaccount().isEmpty() ? e.account() : e.account() + " / " + e.subaccount();
        }

        private void parameters(RunFolder.Manifest m) {
            b.append("<section id=\"parameters\">\n<h2>Parameters</h2>\n<p>The effective parameters as manifest.json"
                    + " records them").append(m.fork() != null ? " (the fork's, its overrides applied)" : "")
                    .append(changedKeys.isEmpty() ? "" : "; <span class=\"changed-key\">marked</span> where a fork,"
                            + " a change during the run or an audited edit touched them").append(".</p>\n");
            JsonNode p = m.parameters();
            Map<String, String> general = new LinkedHashMap<>();
            Map<String, Map<String, String>> groups = new LinkedHashMap<>();
            for (var it = p.fields(); it.hasNext(); ) {
                var e = it.next();
                String k = e.getKey();
                if (k.equals("markets") || k.equals("assets")) {
                    continue;
                }
                if (e.getValue().isObject()) {
                    Map<String, String> g = new LinkedHashMap<>();
                    flatten(k, e.getValue(), g);
                    groups.put(k, g);
                } else {
                    flatten(k, e.getValue(), general);
                }
            }
            b.append("<div class=\"params\">\n");
            paramTable("general", general);
            groups.forEach(this::paramTable);
            b.append("</div>\n");
            definitions("markets", "Markets", p.path("markets"));
            definitions("assets", "Assets", p.path("assets"));
            b.append("</section>\n");
        }

        private void paramTable(String group, Map<String, String> values) {
            b.append("<table class=\"kv\" id=\"params-").append(esc(group)).append("\"><thead><tr><th colspan=\"2\">")
                    .append(esc(group)).append("</th></tr></thead><tbody>\n");
            values.forEach((k, v) -> {
                boolean changed = changedKeys.contains(k);
                b.append("<tr").append(changed ? " class=\"changed\"" : "").append(" data-key=\"").append(esc(k))
                        .append("\"><td>").append(esc(k.startsWith(group + ".") ? k.substring(group.length() + 1) : k))
                        .append("</td><td>").append(esc(v)).append("</td></tr>\n");
            });
            b.append("</tbody></table>\n");
        }

        private void definitions(String key, String title, JsonNode defs) {
            if (!defs.isObject() || defs.isEmpty()) {
                return;
            }
            List<String> columns = new ArrayList<>();
            defs.forEach(d -> d.fieldNames().forEachRemaining(f -> {
                if (!columns.contains(f) && !f.equals("tiers")) {
                    columns.add(f);
                }
            }));
            boolean tiers = false;
            for (JsonNode d : defs) {
                tiers |= d.has("tiers");
            }
            b.append("<h3>").append(title).append("</h3>\n<table class=\"numbers defs\" id=\"params-").append(key)
                    .append("\"><thead><tr><th>").append(key.equals("markets") ? "market" : "asset").append("</th>");
            columns.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
            if (tiers) {
                b.append("<th class=\"text\">tiers: up to notional USD → initial / maintenance margin fraction</th>");
            }
            b.append("</tr></thead><tbody>\n");
            for (var it = defs.fields(); it.hasNext(); ) {
                var e = it.next();
                String prefix = key + "." + e.getKey() + ".";
                boolean changed = changedKeys.stream().anyMatch(c -> c.startsWith(prefix));
                b.append("<tr").append(changed ? " class=\"changed\"" : "").append(" data-key=\"")
                        .append(esc(key + "." + e.getKey())).append("\"><td>").append(esc(e.getKey())).append("</td>");
                for (String c : columns) {
                    JsonNode v = e.getValue().path(c);
                    b.append("<td>").append(v.isMissingNode() ? "" : esc(v.asText())).append("</td>");
                }
                if (tiers) {
                    List<String> ts = new ArrayList<>();
                    for (JsonNode t : e.getValue().path("tiers")) {
                        JsonNode up = t.path("upTo");
                        ts.add((up.isNumber() ? "≤ " + String.format(Locale.ROOT, "%,.0f", up.doubleValue())
                                : "above") + " → " + t.path("initialMarginFraction").asText() + " / "
                                + t.path("maintenanceMarginFraction").asText());
                    }
                    b.append("<td class=\"text\">").append(esc(String.join("; ", ts))).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table>\n");
        }

        private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
            if (n.isObject()) {
                n.fields().forEachRemaining(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
            } else if (n.isArray()) {
                boolean scalars = true;
                for (JsonNode x : n) {
                    scalars &= x.isValueNode();
                }
                if (scalars) {
                    List<String> vs = new ArrayList<>();
                    n.forEach(x -> vs.add(x.asText()));
                    out.put(prefix, vs.isEmpty() ? "(none)" : String.join(", ", vs));
                } else {
                    for (int i = 0; i < n.size(); i++) {
                        flatten(prefix + "[" + i + "]", n.get(i), out);
                    }
                }
            } else {
                out.put(prefix, n.asText());
            }
        }

        private void changesSection(RunFolder.Manifest m) {
            b.append("<section id=\"changes\">\n<h2>Parameter changes</h2>\n");
            RunFolder.Fork f = m.fork();
            RunFolder.Events ev = run.events();
            if (f == null && ev.changeCount() == 0) {
                b.append("<p class=\"empty\" id=\"changes-none\">No parameter changed: the run went from start to"
                        + " end under the parameters above.</p>\n");
            }
            if (f != null) {
                b.append("<h3>Fork</h3>\n<p>Forked from <b>").append(esc(f.from())).append("</b> at ")
                        .append(Format.time(f.atMs())).append(" (").append(f.atMs())
                        .append(" ms since the epoch) with these overrides:</p>\n"
                                + "<table class=\"kv\" id=\"fork-overrides\">"
                                + "<thead><tr><th>parameter</th><th>value in the fork</th></tr></thead><tbody>\n");
                f.overrides().forEach((k, v) -> b.append("<tr class=\"changed\"><td>").append(esc(k))
                        .append("</td><td>").append(esc(v)).append("</td></tr>\n"));
                b.append("</tbody></table>\n");
            }
            if (ev.changeCount() > 0) {
                b.append("<h3>During the run</h3>\n<p>").append(Format.count(ev.changeCount()))
                        .append(ev.changeCount() == 1 ? " change" : " changes")
                        .append(" of the parameters while the run went on (parameter_change in events.csv)")
                        .append(ev.changeCount() > ev.changes().size() ? "; the first " + ev.changes().size()
                                + " are listed" : "").append(":</p>\n<table class=\"kv\" id=\"parameter-changes\">"
                                + "<thead><tr><th>simulated time (UTC)</th><th>parameter</th><th>from</th><th>to</th>"
                                + "</tr></thead><tbody>\n");
                for (RunFolder.Event e : ev.changes()) {
                    for (String[] c : changes(e.detail())) {
                        b.append("<tr><td>").append(Format.time(e.timeMs()).replace(" UTC", "")).append("</td><td>")
                                .append(esc(c[0])).append("</td><td>").append(esc(c[1])).append("</td><td>")
                                .append(esc(c[2])).append("</td></tr>\n");
                    }
                }
                b.append("</tbody></table>\n");
            }
            b.append("</section>\n");
        }

        /** @return a parameter_change detail's changes, each {key, from, to} */
        private static List<String[]> changes(String detail) {
            List<String[]> out = new ArrayList<>();
            for (String part : detail.split("; ")) {
                int colon = part.indexOf(": ");
                int arrow = part.lastIndexOf(" → ");
                if (colon > 0 && arrow > colon) {
                    out.add(new String[] {part.substring(0, colon), part.substring(colon + 2, arrow),
                        part.substring(arrow + 3)});
                } else if (!part.isBlank()) {
                    out.add(new String[] {part, "", ""});
                }
            }
            return out;
        }

        private void audit() {
            b.append("<section id=\"audit\">\n<h2>Audit trail</h2>\n");
            List<RunFolder.AuditEntry> a = run.audit();
            if (a == null || a.isEmpty()) {
                b.append("<p class=\"empty\" id=\"audit-none\">No parameter edits were recorded").append(a == null
                        ? " (the run folder holds no audit.jsonl)." : " (audit.jsonl is empty).").append("</p>\n");
            } else {
                b.append("<p>").append(Format.count(a.size())).append(a.size() == 1 ? " edit" : " edits")
                        .append(" recorded in audit.jsonl, in the order made.</p>\n"
                                + "<table class=\"kv\" id=\"audit-table\">"
                                + "<thead><tr><th>wall time</th><th>user</th><th>run</th><th>simulated time (UTC)</th>"
                                + "<th>action</th><th>parameter</th><th>old</th><th>new</th><th>why</th></tr></thead>"
                                + "<tbody>\n");
                for (RunFolder.AuditEntry e : a) {
                    b.append("<tr><td>").append(esc(e.wallTime())).append("</td><td>").append(esc(e.user()))
                            .append("</td><td>").append(esc(e.run())).append("</td><td>")
                            .append(Format.time(e.simTimeMs()).replace(" UTC", ""))
                            .append("</td><td><span class=\"action ")
                            .append(e.action()).append("\">").append(e.action()).append("</span></td><td>")
                            .append(esc(e.key())).append("</td><td>").append(esc(e.oldValue())).append("</td><td>")
                            .append(esc(e.newValue())).append("</td><td class=\"text\">").append(esc(e.why()))
                            .append("</td></tr>\n");
                }
                b.append("</tbody></table>\n");
            }
            b.append("</section>\n");
        }

        private void manifest(RunFolder.Summary s, RunFolder.Manifest m) {
            b.append("<section id=\"manifest\">\n<h2>Manifest and reproduction</h2>\n<table class=\"kv\">"
                    + "<tbody>\n<tr><td>engine</td><td>").append(esc(m.engine()))
                    .append("</td></tr>\n<tr><td>scenario</td><td>")
                    .append(esc(m.scenario())).append("</td></tr>\n<tr><td>seed</td><td>").append(m.seed())
                    .append("</td></tr>\n");
            if (!m.population().isEmpty()) {
                b.append("<tr><td>population</td><td>").append(esc(String.join(", ", m.population().entrySet()
                        .stream().map(e -> e.getKey() + " " + e.getValue()).toList()))).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
            if (m.inputs().isEmpty()) {
                b.append("<p class=\"empty\" id=\"inputs-none\">The manifest names no input file (a live session):"
                        + " this run is not reproduced by solvent replay from files.</p>\n");
            } else {
                b.append("<h3>Inputs</h3>\n<table class=\"kv\" id=\"inputs\"><thead><tr><th>file</th><th>SHA-256</th>"
                        + "</tr></thead><tbody>\n");
                for (RunFolder.Input in : m.inputs()) {
                    b.append("<tr><td>").append(esc(in.file())).append("</td><td class=\"hash\">").append(in.sha256())
                            .append("</td></tr>\n");
                }
                b.append("</tbody></table>\n<h3>Reproduce</h3>\n<p>With the inputs above where the scenario names"
                        + " them (check them with <code>sha256sum -c</code> on these lines):</p>\n"
                        + "<pre id=\"sha256sums\">");
                for (RunFolder.Input in : m.inputs()) {
                    b.append(in.sha256()).append("  ").append(esc(in.file())).append('\n');
                }
                b.append("</pre>\n<p>run, with ").append(esc(m.engine())).append(":</p>\n<pre id=\"reproduce\">")
                        .append(esc(reproduceCommand(run))).append("</pre>\n<p>");
                RunFolder.Events ev = run.events();
                if (ev.changeCount() > 0) {
                    b.append("<span class=\"limits\" id=\"reproduce-limits\">The parameters changed ")
                            .append(ev.changeCount() == 1 ? "once" : ev.changeCount() == 2 ? "twice"
                                    : ev.changeCount() + " times")
                            .append(" while this run went on (see Parameter changes), which solvent replay does not"
                                    + " do: the command reproduces the run bit for bit up to the first change, at ")
                            .append(Format.time(ev.changes().getFirst().timeMs())).append(", not after it.</span>"
                                    + " This run, with its changes, ended with <code id=\"run-hash\">stateHash ")
                            .append(s.stateHash()).append("</code>.</p>\n");
                } else {
                    if (m.fork() != null) {
                        b.append("Its second summary line (the fork's, into <code>").append(esc(label(run)))
                                .append("</code>) must end with");
                    } else {
                        b.append("It must print");
                    }
                    b.append(" <code id=\"expected-hash\">stateHash ").append(s.stateHash()).append("</code>, and"
                            + " write summary.json, events.csv and metrics.csv byte for byte as this run's.</p>\n");
                }
            }
            b.append("<details><summary>manifest.json as written</summary><pre class=\"raw\">").append(esc(m.text()))
                    .append("</pre></details>\n<details><summary>summary.json as written</summary><pre class=\"raw\">")
                    .append(esc(s.text())).append("</pre></details>\n</section>\n");
        }

        private void footer() {
            RunFolder.Metrics mt = run.metrics();
            b.append("<footer>Written by <code>solvent report</code> from ").append(esc(label(run)))
                    .append("/: summary.json, manifest.json, metrics.csv (").append(Format.count(mt.rows()))
                    .append(" rows), events.csv (").append(Format.count(run.events().rows())).append(" events)")
                    .append(run.audit() != null ? ", audit.jsonl (" + run.audit().size() + " entries)" : "")
                    .append(". Charts show each series' first, lowest, highest and last value in each of ")
                    .append(RunFolder.COLUMNS).append(" time columns (at most ").append(Format.count(4L
                            * RunFolder.COLUMNS)).append(" points a line), so no spike is lost. All times UTC."
                            + "</footer>\n");
        }

        private static String esc(String s) {
            return Html.escape(s);
        }

        private static String number(double v) {
            return Double.toString(v);
        }
    }

    static String count(double n) {
        return String.format(Locale.ROOT, "%,.0f", n).replace('-', '−');
    }

    /**
     * Records what each chart drew as the browser laid it out, for the headless check: on {@code <body>},
     * {@code data-rendered="chart-id@WxH=series:points:WxH,...;..."}. The charts show without it.
     */
    private static final String CHECK_SCRIPT = """
            (function () {
              var out = [];
              document.querySelectorAll('svg.chart').forEach(function (svg) {
                var r = svg.getBoundingClientRect(), s = [];
                svg.querySelectorAll('.series').forEach(function (e) {
                  var n = e.points ? e.points.numberOfItems : (e.getAttribute('d').match(/Z/g) || []).length;
                  var bb = e.getBBox();
                  s.push(e.getAttribute('data-series') + ':' + n + ':' + Math.round(bb.width) + 'x'
                         + Math.round(bb.height));
                });
                out.push(svg.id + '@' + Math.round(r.width) + 'x' + Math.round(r.height) + '=' + s.join(','));
              });
              document.body.setAttribute('data-rendered', out.join(';'));
            })();
            """;

    private static final String CSS = """
            :root { --ink: #1d2329; --muted: #5b6670; --line: #d5dbe1; --soft: #f3f5f7; --accent: #2c5d8f;
                    --alert: #b3261e; --warn: #a05a00; --changed: #fff4cc; }
            * { box-sizing: border-box; }
            html { background: #fff; color: var(--ink); }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                   "Liberation Sans", "DejaVu Sans", sans-serif; }
            main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 40px; }
            header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 8px; }
            .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent);
                      font-weight: 600; }
            h1 { font-size: 24px; margin: 2px 0 4px; }
            h2 { font-size: 18px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            p { margin: 6px 0; }
            .sub { color: var(--muted); margin: 0; }
            .banner { background: var(--changed); border-left: 4px solid #d9a400; padding: 6px 10px; margin-top: 8px; }
            .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
            .card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px;
                    padding: 8px 12px; background: #fff; break-inside: avoid; }
            .card.alert { border-left-color: var(--alert); }
            .card.alert .value { color: var(--alert); }
            .card.warn { border-left-color: var(--warn); }
            .card.wide { grid-column: 1 / -1; }
            .card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
            .card .value { font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .card .note { font-size: 12.5px; color: var(--muted); }
            .value.hash { font-size: 15px; font-weight: 500; white-space: normal; word-break: break-all; }
            .hash, code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
                               "DejaVu Sans Mono", monospace; }
            .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 14px 22px; }
            figure { margin: 0; break-inside: avoid; }
            figure.full { margin-top: 14px; }
            figcaption { font-weight: 650; font-size: 14.5px; }
            .caption { color: var(--muted); font-size: 12.5px; margin: 0 0 2px; }
            svg.chart { width: 100%; height: auto; display: block; font-size: 11.5px; }
            svg.chart .plot { fill: #fbfcfd; stroke: #aab4be; }
            svg.chart .grid { stroke: #e6eaee; }
            svg.chart .tick { fill: #4a545e; }
            svg.chart .unit { fill: #4a545e; font-size: 12px; }
            svg.chart .legend { fill: var(--ink); font-size: 12px; }
            svg.chart .legend-key { stroke-width: 2.5; }
            svg.chart polyline.series { stroke-width: 1.6; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
            svg.chart .marker { stroke: #d9a400; stroke-width: 1.2; stroke-dasharray: 4 3; }
            svg.chart .marker-label { fill: #8a6a00; font-size: 11px; }
            table { border-collapse: collapse; margin: 6px 0 10px; font-size: 13px; }
            th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left;
                     vertical-align: top; }
            th { color: var(--muted); font-weight: 600; font-size: 12px; }
            table.numbers td, table.numbers th { text-align: right; font-variant-numeric: tabular-nums;
                                                 padding-left: 14px; }
            table.numbers td:first-child, table.numbers th:first-child, table.numbers .text { text-align: left;
                                                                                            padding-left: 0; }
            tfoot td { font-weight: 650; border-top: 2px solid var(--line); }
            .params { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0 22px; align-items: start; }
            .params table { width: 100%; }
            table.kv td:first-child { color: var(--muted); }
            tr.changed td { background: var(--changed); }
            .changed-key { background: var(--changed); padding: 0 4px; }
            td.hash { word-break: break-all; font-size: 12.5px; }
            pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px;
                  white-space: pre-wrap; word-break: break-all; font-size: 12.5px; }
            pre.raw { max-height: 420px; overflow: auto; }
            .action { padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; }
            .action.apply { background: #e3f1e5; color: #1e6b2d; }
            .action.undo { background: #fbe6e4; color: #8c2119; }
            .action.fork { background: #e4ecf6; color: #234f7d; }
            .empty { color: var(--muted); font-style: italic; }
            .limits { background: var(--changed); padding: 0 3px; }
            details { margin: 6px 0; }
            summary { cursor: pointer; color: var(--accent); }
            footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted);
                     font-size: 12px; }
            @media (max-width: 900px) { .figures { grid-template-columns: repeat(2, 1fr); }
                                        .grid, .params { grid-template-columns: 1fr; } }
            @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; }
                           .grid { gap: 8px 14px; } details { display: none; } }
            """;
}
