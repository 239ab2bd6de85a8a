package io.solvent.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.solvent.engine.sim.lab.LabResult;
import io.solvent.engine.sim.lab.Payer;
import io.solvent.engine.sim.lab.PolicyOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes a deleveraging lab's result ({@link LabResult}) atomically: as JSON (the bankruptcy, then each policy's
 * figures and payers) or as CSV (one row per policy and payer, the policy's figures repeated on each; a policy that
 * charged nobody has one row with the payer columns empty). Money in USD, prices in USD per unit, sizes in units of
 * the underlying, times in ms since the Unix epoch (UTC) and ISO-8601.
 */
public final class LabReportWriter {
    /** The CSV header. */
    public static final String CSV_HEADER = "time_ms,time,bankrupt_account,bankrupt_subaccount,bankrupt_market,"
            + "deficit_usd,fund_paid_usd,policy,shortfall_usd,paid_usd,recorded_deficit_usd,accounts_hit,"
            + "largest_loss_usd,taken_usd,overshoot_usd,overshoot_pct,notional_closed_usd,from_principal_usd,"
            + "adl_price_usd,rank,account,subaccount,market,side,size_before,size_closed,payer_paid_usd,"
            + "unrealized_pnl_usd,equity_usd,payer_taken_usd,rank_key";

    private LabReportWriter() {
    }

    /**
     * @param file   {@code .json} or {@code .csv} (by its name, case-insensitive)
     * @param result the lab's result
     * @throws IllegalArgumentException for another extension
     * @throws UncheckedIOException     when it cannot be written
     */
    public static void write(Path file, LabResult result) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (name.endsWith(".json")) {
                AtomicFiles.writeJson(file, g -> json(g, result));
            } else if (name.endsWith(".csv")) {
                AtomicFiles.writeText(file, w -> w.write(csv(result)));
            } else {
                throw new IllegalArgumentException("expected an output file ending in .json or .csv, was " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param result the lab's result @return its CSV text, header first */
    public static String csv(LabResult result) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        String head = result.timeMs() + "," + Instant.ofEpochMilli(result.timeMs()) + "," + field(result.account())
                + "," + field(result.subAccount()) + "," + field(result.market()) + "," + num(result.deficitUsd())
                + "," + num(result.fundPaidUsd());
        for (PolicyOutcome o : result.outcomes()) {
            String row = head + "," + field(o.policy()) + "," + num(o.shortfallUsd()) + "," + num(o.paidUsd()) + ","
                    + num(o.deficitUsd()) + "," + o.accountsHit() + "," + num(o.largestLossUsd()) + ","
                    + num(o.takenUsd()) + "," + num(o.overshootUsd()) + "," + num(o.overshootPct()) + ","
                    + num(o.notionalClosedUsd()) + "," + num(o.fromPrincipalUsd()) + "," + num(o.adlPriceUsd());
            if (o.payers().isEmpty()) {
                out.append(row).append(",,,,,,,,,,,,\n");
            }
            for (Payer p : o.payers()) {
                out.append(row).append(',').append(p.rank() == 0 ? "" : Integer.toString(p.rank())).append(',')
                        .append(field(p.account())).append(',').append(field(p.subAccount())).append(',')
                        .append(field(p.market())).append(',').append(p.side()).append(',')
                        .append(num(p.sizeBefore())).append(',').append(num(p.sizeClosed())).append(',')
                        .append(num(p.paidUsd())).append(',').append(num(p.unrealizedPnlUsd())).append(',')
                        .append(num(p.equityUsd())).append(',').append(num(p.takenUsd())).append(',')
                        .append(num(p.rankKey())).append('\n');
            }
        }
        return out.toString();
    }

    private static void json(JsonGenerator g, LabResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("scenario", r.scenario());
        g.writeStringField("sourcePolicy", r.sourcePolicy());
        g.writeObjectFieldStart("bankruptcy");
        g.writeNumberField("timeMs", r.timeMs());
        g.writeStringField("time", Instant.ofEpochMilli(r.timeMs()).toString());
        g.writeNumberField("feedPosition", r.position());
        g.writeStringField("account", r.account());
        g.writeStringField("subaccount", r.subAccount());
        g.writeStringField("market", r.market());
        g.writeNumberField("markUsd", r.markUsd());
        g.writeNumberField("deficitUsd", r.deficitUsd());
        g.writeNumberField("fundPaidUsd", r.fundPaidUsd());
        g.writeNumberField("shortfallUsd", r.shortfallUsd());
        g.writeEndObject();
        g.writeArrayFieldStart("policies");
        for (PolicyOutcome o : r.outcomes()) {
            g.writeStartObject();
            g.writeStringField("policy", o.policy());
            g.writeNumberField("shortfallUsd", o.shortfallUsd());
            g.writeNumberField("paidUsd", o.paidUsd());
            g.writeNumberField("deficitUsd", o.deficitUsd());
            g.writeNumberField("accountsHit", o.accountsHit());
            g.writeNumberField("largestLossUsd", o.largestLossUsd());
            g.writeNumberField("takenUsd", o.takenUsd());
            g.writeNumberField("overshootUsd", o.overshootUsd());
            g.writeNumberField("overshootPct", o.overshootPct());
            g.writeNumberField("notionalClosedUsd", o.notionalClosedUsd());
            g.writeNumberField("fromPrincipalUsd", o.fromPrincipalUsd());
            nullable(g, "adlPriceUsd", o.adlPriceUsd());
            g.writeArrayFieldStart("payers");
            for (Payer p : o.payers()) {
                g.writeStartObject();
                if (p.rank() > 0) {
                    g.writeNumberField("rank", p.rank());
                }
                g.writeStringField("account", p.account());
                g.writeStringField("subaccount", p.subAccount());
                g.writeStringField("market", p.market());
                g.writeStringField("side", p.side());
                g.writeNumberField("sizeBefore", p.sizeBefore());
                g.writeNumberField("sizeClosed", p.sizeClosed());
                g.writeNumberField("paidUsd", p.paidUsd());
                g.writeNumberField("unrealizedPnlUsd", p.unrealizedPnlUsd());
                nullable(g, "equityUsd", p.equityUsd());
                g.writeNumberField("takenUsd", p.takenUsd());
                nullable(g, "rankKey", p.rankKey());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    private static String field(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 ? s
                : '"' + s.replace("\"", "\"\"") + '"';
    }
}
