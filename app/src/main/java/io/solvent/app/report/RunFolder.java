package io.solvent.app.report;

import io.solvent.engine.input.InputException;
import io.solvent.engine.io.FolderCommit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run folder as {@code solvent replay} writes it — {@code summary.json}, {@code manifest.json},
 * {@code metrics.csv}, {@code events.csv} — and an optional {@code audit.jsonl} of the operator's parameter edits,
 * read for the report: the figures and parameters as written, the metrics reduced for charts ({@link Downsampler})
 * and the events tallied per minute, so memory stays bounded however long the run.
 *
 * @param dir      the folder, as the user named it
 * @param summary  summary.json
 * @param manifest manifest.json
 * @param metrics  metrics.csv, reduced
 * @param events   events.csv, tallied
 * @param audit    audit.jsonl's entries in file order; null when the folder has none
 */
public record RunFolder(Path dir, Summary summary, Manifest manifest, Metrics metrics, Events events,
                        List<AuditEntry> audit) {

    /** Columns the time series are reduced to: each keeps at most four points a column (see {@link Downsampler}). */
    public static final int COLUMNS = 600;
    /** The largest liquidations and bankruptcies kept, each. */
    public static final int LARGEST = 10;
    /** The parameter changes kept from events.csv (the count is always exact). */
    public static final int MAX_CHANGES = 500;
    /** The audit entries read; more is bad input. */
    public static final int MAX_AUDIT = 100_000;

    /**
     * summary.json.
     *
     * @param scenario          the scenario's name
     * @param ticks             feed events run
     * @param unmappedTicks     feed events of no asset of the book
     * @param steps             evaluation steps
     * @param liquidations      liquidation fills
     * @param liquidatedUsd     notional closed by liquidation, USD
     * @param bankruptcies      sub-accounts that went bankrupt
     * @param badDebtUsd        bad debt, USD
     * @param fundStartUsd      the insurance fund's opening balance, USD
     * @param fundEndUsd        its balance at the end, USD
     * @param fundMinimumUsd    its lowest balance, USD
     * @param deleveraging      the deleveraging policy
     * @param deleveragingCount deleveraging fills
     * @param deleveragedUsd    notional deleveraged, USD
     * @param deficitUsd        bad debt left as protocol deficit, USD
     * @param feesUsd           liquidator fees, USD
     * @param maxImbalance      the ledger's largest imbalance (a ratio)
     * @param checks            plausibility checks made
     * @param violations        plausibility violations found
     * @param stateHash         the run's state hash
     * @param text              the file as written
     */
    public record Summary(String scenario, long ticks, long unmappedTicks, long steps, long liquidations,
                          double liquidatedUsd, long bankruptcies, double badDebtUsd, double fundStartUsd,
                          double fundEndUsd, double fundMinimumUsd, String deleveraging, long deleveragingCount,
                          double deleveragedUsd, double deficitUsd, double feesUsd, double maxImbalance, long checks,
                          long violations, String stateHash, String text) {
    }

    /** An input file of the run and its SHA-256 (lower-case hex). */
    public record Input(String file, String sha256) {
    }

    /**
     * Where a fork branched off.
     *
     * @param from      the scenario it was forked from
     * @param atMs      the fork time, ms since the Unix epoch, UTC
     * @param overrides the changed parameters, dotted path to value, in the order given
     */
    public record Fork(String from, long atMs, Map<String, String> overrides) {
    }

    /**
     * manifest.json.
     *
     * @param engine     the engine that ran it, such as {@code solvent 0.1.0}
     * @param scenario   the scenario's name
     * @param inputs     the input files, the scenario first
     * @param population the generated population's settings as written ({@code key → value}), empty for a book file
     * @param parameters the effective parameters (a JSON object as written)
     * @param fork       the fork, or null for a run from the start
     * @param seed       the seed
     * @param text       the file as written
     */
    public record Manifest(String engine, String scenario, List<Input> inputs, Map<String, String> population,
                           com.fasterxml.jackson.databind.JsonNode parameters, Fork fork, long seed, String text) {
    }

    /**
     * A series reduced for a chart.
     *
     * @param name   the column it comes from
     * @param points its points, in time order
     */
    public record Series(String name, List<Downsampler.Point> points) {
    }

    /**
     * An asset's price over the run (metrics.csv's {@code price_ASSET}), USD per unit.
     *
     * @param asset  the asset
     * @param first  its first price (NaN when never priced)
     * @param low    its lowest
     * @param high   its highest
     * @param last   its last
     * @param series its prices, reduced
     */
    public record Price(String asset, double first, double low, double high, double last, Series series) {
        /** @return whether the price ever changed */
        public boolean moved() {
            return !Double.isNaN(first) && low != high;
        }

        /** @return whether it was priced and never changed */
        public boolean constant() {
            return !Double.isNaN(first) && low == high;
        }
    }

    /**
     * metrics.csv.
     *
     * @param rows         data rows read
     * @param fromMs       the first row's time, ms since the Unix epoch, UTC
     * @param toMs         the last row's time
     * @param fund         the insurance fund's balance, USD
     * @param atRisk       sub-accounts with a maintenance health factor below 1.1
     * @param liquidatable sub-accounts liquidatable
     * @param openInterest open interest, USD
     * @param liquidated   notional liquidated since the start, USD
     * @param badDebt      bad debt since the start, USD
     * @param prices       each asset's price, in the file's order
     */
    public record Metrics(long rows, long fromMs, long toMs, Series fund, Series atRisk, Series liquidatable,
                          Series openInterest, Series liquidated, Series badDebt, List<Price> prices) {
    }

    /**
     * An event of events.csv kept for the report.
     *
     * @param timeMs     when, ms since the Unix epoch, UTC
     * @param kind       its kind, as written ({@code liquidation}, ...)
     * @param account    the account, or empty
     * @param subaccount the sub-account, or empty
     * @param market     the market, or empty
     * @param size       units (NaN when empty)
     * @param priceUsd   fill price, USD per unit (NaN when empty)
     * @param amountUsd  its money, USD (NaN when empty)
     * @param feeUsd     fee, USD (NaN when empty)
     * @param detail     the detail
     */
    public record Event(long timeMs, String kind, String account, String subaccount, String market, double size,
                        double priceUsd, double amountUsd, double feeUsd, String detail) {
    }

    /**
     * One minute's events.
     *
     * @param minuteMs      the minute's start, ms since the Unix epoch, UTC
     * @param liquidations  liquidation fills
     * @param liquidatedUsd their notional, USD
     * @param bankruptcies  bankruptcies
     * @param badDebtUsd    their deficits, USD
     * @param deleveraging  deleveraging fills
     * @param collateral    collateral sales
     */
    public record Minute(long minuteMs, long liquidations, double liquidatedUsd, long bankruptcies, double badDebtUsd,
                         long deleveraging, long collateral) {
    }

    /**
     * events.csv, tallied.
     *
     * @param rows             events read
     * @param kinds            events per kind, in order of first appearance
     * @param minutes          the minutes with a liquidation, bankruptcy, deleveraging fill or collateral sale
     * @param largestLiquidations the largest liquidations by notional, largest first
     * @param largestBankruptcies the largest bankruptcies by deficit, largest first
     * @param changes          the parameter changes ({@code parameter_change} rows), first {@link #MAX_CHANGES}
     * @param changeCount      how many there were
     */
    public record Events(long rows, Map<String, Long> kinds, List<Minute> minutes, List<Event> largestLiquidations,
                         List<Event> largestBankruptcies, List<Event> changes, long changeCount) {
        /** @return the events of a kind */
        public long count(String kind) {
            return kinds.getOrDefault(kind, 0L);
        }
    }

    /**
     * A line of audit.jsonl: an operator's parameter edit.
     *
     * @param wallTime  when it was made, wall-clock ISO-8601 instant as written
     * @param user      who made it
     * @param run       the run it was made in
     * @param simTimeMs the simulated time it took effect at, ms since the Unix epoch, UTC
     * @param key       the parameter, dotted scenario path
     * @param oldValue  its value before, as written
     * @param newValue  its value after
     * @param why       the reason given (may be empty)
     * @param action    {@code apply}, {@code undo} or {@code fork}
     */
    public record AuditEntry(String wallTime, String user, String run, long simTimeMs, String key, String oldValue,
                             String newValue, String why, String action) {
    }

    private static final Set<String> ACTIONS = Set.of("apply", "undo", "fork");
    private static final List<String> METRIC_COLUMNS = List.of("fund_usd", "at_risk", "liquidatable",
            "open_interest_usd", "liquidated_notional_usd", "bad_debt_usd");
    private static final List<String> EVENT_COLUMNS = List.of("time_ms", "kind", "account", "subaccount", "market",
            "size", "price_usd", "amount_usd", "fee_usd", "detail");

    /**
     * Reads a run folder, first completing the move of a replay's files into place that a kill cut short (so it reads
     * all of one run's files, see {@link FolderCommit}).
     *
     * @param dir the folder {@code solvent replay --out} (or {@code --fork-out}) wrote
     * @return what the report shows
     * @throws InputException when the folder or one of its files is missing or malformed: {@code FILE: PLACE:
     *                        PROBLEM}
     */
    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "", Files.exists(dir) ? "is not a folder; expected the output"
                    + " folder of solvent replay" : "no such folder; expected the output folder of solvent replay",
                    null);
        }
        try {
            FolderCommit.recover(dir); // a replay killed while moving its files: complete it
        } catch (java.io.IOException e) {
            throw new InputException(dir.resolve(FolderCommit.RECORD).toString(), "",
                    "a replay's files were left half moved into place and cannot be completed: " + e.getMessage(), e);
        }
        Summary summary = summary(dir.resolve("summary.json"));
        Manifest manifest = manifest(dir.resolve("manifest.json"));
        Metrics metrics = metrics(dir.resolve("metrics.csv"));
        Events events = events(dir.resolve("events.csv"));
        Path auditFile = dir.resolve("audit.jsonl");
        List<AuditEntry> audit = Files.exists(auditFile) ? audit(auditFile) : null;
        return new RunFolder(dir, summary, manifest, metrics, events, audit);
    }

    private static String readText(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a folder; expected a file", null);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file; a run folder holds summary.json, manifest.json,"
                    + " metrics.csv and events.csv", e);
        } catch (CharacterCodingException e) {
            throw new InputException(source, "", "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static BufferedReader open(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(source, "", "is a folder; expected a file", null);
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file; a run folder holds summary.json, manifest.json,"
                    + " metrics.csv and events.csv", e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static Summary summary(Path file) {
        String text = readText(file);
        ReportJson r = ReportJson.parse(file.toString(), "", text).object();
        ReportJson liq = r.field("liquidations").object();
        ReportJson fund = r.field("insuranceFund").object();
        ReportJson adl = r.field("deleveraging").object();
        ReportJson plaus = r.field("plausibility").object();
        String hash = r.field("stateHash").text();
        if (!hash.matches("[0-9a-f]{64}")) {
            throw r.field("stateHash").fail("expected 64 lower-case hex digits (a SHA-256), found \"" + hash + "\"");
        }
        return new Summary(r.field("scenario").text(), r.field("ticks").integer(), r.field("unmappedTicks").integer(),
                r.field("steps").integer(), liq.field("count").integer(), liq.field("notionalUsd").number(),
                r.field("bankruptcies").integer(), r.field("badDebtUsd").number(), fund.field("startUsd").number(),
                fund.field("endUsd").number(), fund.field("minimumUsd").number(), adl.field("policy").text(),
                adl.field("count").integer(), adl.field("notionalUsd").number(), r.field("deficitUsd").number(),
                r.field("liquidatorFeesUsd").number(), r.field("maxLedgerImbalance").number(),
                plaus.field("checks").integer(), plaus.field("violations").integer(), hash, text);
    }

    static Manifest manifest(Path file) {
        String text = readText(file);
        ReportJson r = ReportJson.parse(file.toString(), "", text).object();
        List<Input> inputs = new ArrayList<>();
        ReportJson in = r.field("inputs").array();
        for (int i = 0; i < in.node().size(); i++) {
            ReportJson e = in.element(i).object();
            String sha = e.field("sha256").text();
            if (!sha.matches("[0-9a-f]{64}")) {
                throw e.field("sha256").fail("expected 64 lower-case hex digits, found \"" + sha + "\"");
            }
            inputs.add(new Input(e.field("file").text(), sha));
        }
        Map<String, String> population = new LinkedHashMap<>();
        if (r.has("population")) {
            ReportJson p = r.field("population").object();
            p.node().fields().forEachRemaining(f -> population.put(f.getKey(), f.getValue().isArray()
                    ? String.join(", ", iterable(f.getValue())) : f.getValue().asText()));
        }
        ReportJson parameters = r.field("parameters").object();
        Fork fork = null;
        if (r.has("fork")) {
            ReportJson f = r.field("fork").object();
            Map<String, String> overrides = new LinkedHashMap<>();
            ReportJson o = f.field("overrides").object();
            for (var it = o.node().fieldNames(); it.hasNext(); ) {
                String k = it.next();
                overrides.put(k, o.field(k).scalar());
            }
            fork = new Fork(f.field("from").text(), f.field("atMs").integer(), Collections.unmodifiableMap(overrides));
        }
        return new Manifest(r.field("engine").text(), r.field("scenario").text(), List.copyOf(inputs),
                Collections.unmodifiableMap(population), parameters.node(), fork, r.field("seed").integer(), text);
    }

    private static List<String> iterable(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Metrics metrics(Path file) {
        String source = file.toString();
        long rows = 0;
        long from = Long.MIN_VALUE;
        long to = Long.MIN_VALUE;
        // first pass: the time range, which the reduction's columns divide
        try (BufferedReader r = open(file)) {
            CsvRecords csv = new CsvRecords(r, source);
            List<String> header = csv.next();
            if (header == null) {
                throw new InputException(source, "", "is empty; expected the header time_ms,price_...", null);
            }
            List<String> rec;
            while ((rec = csv.next()) != null) {
                long t = time(source, csv.line(), rec.getFirst());
                if (t < to) {
                    throw new InputException(source, "line " + csv.line(), "time_ms " + t + " is before the row"
                            + " above (" + to + "); rows are in time order", null);
                }
                if (from == Long.MIN_VALUE) {
                    from = t;
                }
                to = t;
                rows++;
            }
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
        if (rows == 0) {
            throw new InputException(source, "", "has no rows; a run writes at least one", null);
        }
        try (BufferedReader r = open(file)) {
            CsvRecords csv = new CsvRecords(r, source);
            List<String> header = List.copyOf(csv.next());
            if (!header.getFirst().equals("time_ms")) {
                throw new InputException(source, "line 1", "expected the header to start with time_ms, found \""
                        + header.getFirst() + "\"", null);
            }
            int[] at = new int[METRIC_COLUMNS.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = header.indexOf(METRIC_COLUMNS.get(i));
                if (at[i] < 0) {
                    throw new InputException(source, "line 1", "no column " + METRIC_COLUMNS.get(i), null);
                }
            }
            List<Integer> priceAt = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("price_")) {
                    priceAt.add(i);
                }
            }
            Downsampler[] series = new Downsampler[at.length];
            for (int i = 0; i < series.length; i++) {
                series[i] = new Downsampler(from, to, COLUMNS);
            }
            int assets = priceAt.size();
            Downsampler[] prices = new Downsampler[assets];
            double[] first = new double[assets];
            double[] low = new double[assets];
            double[] high = new double[assets];
            double[] last = new double[assets];
            for (int a = 0; a < assets; a++) {
                prices[a] = new Downsampler(from, to, COLUMNS);
                first[a] = low[a] = high[a] = last[a] = Double.NaN;
            }
            List<String> rec;
            while ((rec = csv.next()) != null) {
                if (rec.size() != header.size()) {
                    throw new InputException(source, "line " + csv.line(), "expected " + header.size()
                            + " columns as in the header, found " + rec.size(), null);
                }
                long t = time(source, csv.line(), rec.getFirst());
                for (int i = 0; i < at.length; i++) {
                    series[i].add(t, number(source, csv.line(), header.get(at[i]), rec.get(at[i]), false));
                }
                for (int a = 0; a < assets; a++) {
                    int c = priceAt.get(a);
                    double p = number(source, csv.line(), header.get(c), rec.get(c), true);
                    if (!Double.isNaN(p)) {
                        if (Double.isNaN(first[a])) {
                            first[a] = low[a] = high[a] = p;
                        }
                        low[a] = Math.min(low[a], p);
                        high[a] = Math.max(high[a], p);
                        last[a] = p;
                    }
                    prices[a].add(t, p);
                }
            }
            List<Price> ps = new ArrayList<>();
            for (int a = 0; a < assets; a++) {
                String name = header.get(priceAt.get(a));
                String asset = name.substring("price_".length());
                ps.add(new Price(asset, first[a], low[a], high[a], last[a], new Series(name, prices[a].points())));
            }
            Series[] s = new Series[at.length];
            for (int i = 0; i < at.length; i++) {
                s[i] = new Series(METRIC_COLUMNS.get(i), series[i].points());
            }
            return new Metrics(rows, from, to, s[0], s[1], s[2], s[3], s[4], s[5], List.copyOf(ps));
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static Events events(Path file) {
        String source = file.toString();
        try (BufferedReader r = open(file)) {
            CsvRecords csv = new CsvRecords(r, source);
            List<String> header = csv.next();
            if (header == null) {
                throw new InputException(source, "", "is empty; expected the header " + String.join(",",
                        EVENT_COLUMNS), null);
            }
            if (!header.equals(EVENT_COLUMNS)) {
                throw new InputException(source, "line 1", "expected the header " + String.join(",", EVENT_COLUMNS)
                        + ", found \"" + String.join(",", header) + "\"", null);
            }
            Map<String, Long> kinds = new LinkedHashMap<>();
            TreeMap<Long, double[]> minutes = new TreeMap<>();
            Comparator<Event> byAmount = Comparator.comparingDouble(Event::amountUsd)
                    .thenComparing(Comparator.comparingLong(Event::timeMs).reversed());
            PriorityQueue<Event> liq = new PriorityQueue<>(byAmount);
            PriorityQueue<Event> bankrupt = new PriorityQueue<>(byAmount);
            List<Event> changes = new ArrayList<>();
            long changeCount = 0;
            long rows = 0;
            List<String> rec;
            while ((rec = csv.next()) != null) {
                int line = csv.line();
                if (rec.size() != EVENT_COLUMNS.size()) {
                    throw new InputException(source, "line " + line, "expected " + EVENT_COLUMNS.size()
                            + " columns as in the header, found " + rec.size(), null);
                }
                String kind = rec.get(1);
                if (!isKind(kind)) {
                    throw new InputException(source, "line " + line, "column kind: expected an event kind such as"
                            + " liquidation, found \"" + kind + "\"", null);
                }
                Event e = new Event(time(source, line, rec.get(0)), kind, rec.get(2), rec.get(3), rec.get(4),
                        number(source, line, "size", rec.get(5), true),
                        number(source, line, "price_usd", rec.get(6), true),
                        number(source, line, "amount_usd", rec.get(7), true),
                        number(source, line, "fee_usd", rec.get(8), true), rec.get(9));
                rows++;
                kinds.merge(kind, 1L, Long::sum);
                long minute = Math.floorDiv(e.timeMs(), 60_000L) * 60_000L;
                double amount = Double.isNaN(e.amountUsd()) ? 0 : e.amountUsd();
                switch (kind) {
                    case "liquidation" -> {
                        double[] m = minutes.computeIfAbsent(minute, k -> new double[6]);
                        m[0]++;
                        m[1] += amount;
                        keep(liq, e, byAmount);
                    }
                    case "bankruptcy" -> {
                        double[] m = minutes.computeIfAbsent(minute, k -> new double[6]);
                        m[2]++;
                        m[3] += amount;
                        keep(bankrupt, e, byAmount);
                    }
                    case "deleveraging" -> minutes.computeIfAbsent(minute, k -> new double[6])[4]++;
                    case "collateral_sale" -> minutes.computeIfAbsent(minute, k -> new double[6])[5]++;
                    case "parameter_change" -> {
                        changeCount++;
                        if (changes.size() < MAX_CHANGES) {
                            changes.add(e);
                        }
                    }
                    default -> {
                    }
                }
            }
            List<Minute> ms = new ArrayList<>();
            minutes.forEach((t, m) -> ms.add(new Minute(t, (long) m[0], m[1], (long) m[2], m[3], (long) m[4],
                    (long) m[5])));
            return new Events(rows, Collections.unmodifiableMap(kinds), List.copyOf(ms), largestFirst(liq, byAmount),
                    largestFirst(bankrupt, byAmount), List.copyOf(changes), changeCount);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isKind(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 'a' || c > 'z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static void keep(PriorityQueue<Event> top, Event e, Comparator<Event> order) {
        if (Double.isNaN(e.amountUsd())) {
            return;
        }
        if (top.size() < LARGEST) {
            top.add(e);
        } else if (order.compare(e, top.peek()) > 0) {
            top.poll();
            top.add(e);
        }
    }

    private static List<Event> largestFirst(PriorityQueue<Event> top, Comparator<Event> order) {
        List<Event> out = new ArrayList<>(top);
        out.sort(order.reversed());
        return List.copyOf(out);
    }

    static List<AuditEntry> audit(Path file) {
        String source = file.toString();
        List<AuditEntry> out = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String text;
            int line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                if (out.size() >= MAX_AUDIT) {
                    throw new InputException(source, "line " + line, "more than " + MAX_AUDIT + " entries", null);
                }
                ReportJson e = ReportJson.parse(source, "line " + line, text).object();
                String wall = e.field("wallTime").text();
                try {
                    Instant.parse(wall);
                } catch (DateTimeParseException ex) {
                    throw e.field("wallTime").fail("expected an ISO-8601 UTC instant such as 2025-10-10T21:03:00Z,"
                            + " found \"" + wall + "\"");
                }
                String action = e.field("action").text();
                if (!ACTIONS.contains(action)) {
                    throw e.field("action").fail("expected apply, undo or fork, found \"" + action + "\"");
                }
                out.add(new AuditEntry(wall, e.field("user").text(), e.field("run").text(),
                        e.field("simTimeMs").integer(), e.field("key").text(), e.field("old").scalar(),
                        e.field("new").scalar(), e.has("why") ? e.field("why").text() : "", action));
            }
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private static long time(String source, int line, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InputException(source, "line " + line, "column time_ms: expected ms since the Unix epoch,"
                    + " found \"" + text + "\"", e);
        }
    }

    private static double number(String source, int line, String column, String text, boolean emptyAllowed) {
        if (text.isEmpty() && emptyAllowed) {
            return Double.NaN;
        }
        try {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'E' && c != 'e') {
                    throw new NumberFormatException(); // no hex, no "Infinity", no "1d"
                }
            }
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(source, "line " + line, "column " + column + ": expected a number, found \""
                    + text + "\"", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RunFolder[%s, %d metrics rows, %d events]", dir, metrics.rows(),
                events.rows());
    }
}
