package io.solvent.app.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solvent.engine.input.InputException;
import io.solvent.engine.io.AtomicFiles;
import io.solvent.engine.io.JsonErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guardrails on the operator's parameter edits, kept in the settings as {@code guardrails.json} beside
 * {@code settings.json}: for each parameter a range and a largest change per edit. An edit outside them is refused with
 * a message that says which bound and where it is set. The first guardrail that covers a key applies.
 *
 * @param rules the guardrails, in order
 */
public record Guardrails(List<Guardrail> rules) {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonErrors.boundedFactory(256 * 1024))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true).build();
    private static final long MAX_BYTES = 256 * 1024;
    /** The file's name in the configuration directory. */
    public static final String FILE = "guardrails.json";

    public Guardrails {
        rules = List.copyOf(rules);
    }

    /** Shipped defaults: margin fractions, fees, weights and the liquidation rules, each with a step per edit. */
    public static final Guardrails DEFAULTS = new Guardrails(List.of(
            new Guardrail("markets\\..*\\.tiers\\[\\d+]\\.maintenanceMarginFraction", 0.001, 0.5, 0.02,
                    "maintenance margin moves by at most 2 points per edit"),
            new Guardrail("markets\\..*\\.tiers\\[\\d+]\\.initialMarginFraction", 0.002, 1.0, 0.05,
                    "initial margin moves by at most 5 points per edit"),
            new Guardrail("markets\\..*\\.liquidationFee", 0, 0.05, 0.005, "a liquidation fee of at most 5%"),
            new Guardrail("markets\\..*\\.positivePnlWeight", 0, 1, 0.25, "unrealised profit counts at most fully"),
            new Guardrail("assets\\..*\\.(initial|maintenance)Weight", 0, 1, 0.1,
                    "collateral weights move by at most 0.1 per edit"),
            new Guardrail("assets\\..*\\.(initial|maintenance)LiabilityWeight", 1, 3, 0.1,
                    "liability weights move by at most 0.1 per edit"),
            new Guardrail("assets\\..*\\.sizeFactor", 0, 10, 1, "size factors move by at most 1 per edit"),
            new Guardrail("liquidation\\.buffer", 0, 0.5, 0.05, "a liquidation buffer of at most 50%"),
            new Guardrail("liquidation\\.maxFraction", 0, 1, 0.5, "the close fraction stays a fraction"),
            new Guardrail("liquidation\\.liquidatorShare", 0, 1, 0.25, "the liquidator's share stays a fraction"),
            new Guardrail("oracle\\.latencyMs", 0, 600_000, 60_000, "oracle latency of at most 10 minutes"),
            new Guardrail("oracle\\.staleAfterMs", 1_000, 3_600_000, 600_000, "staleness of at most an hour"),
            new Guardrail("liquidity\\.stressedDepthMultiplier", 0.01, 1, 0.5,
                    "stressed depth stays a share of normal depth")));

    /**
     * @param key    the dotted key
     * @param from   the value in force, as the parameter sheet shows it
     * @param to     the value asked for
     * @param source where the guardrails are set, for the message
     * @return why the edit is refused, or empty when it is within the guardrails (or not a number, or not covered)
     */
    public Optional<String> check(String key, String from, String to, String source) {
        Guardrail g = rules.stream().filter(r -> r.covers(key)).findFirst().orElse(null);
        if (g == null) {
            return Optional.empty();
        }
        double a;
        double b;
        try {
            b = Double.parseDouble(to.trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the parameter's own check refuses it, with its own message
        }
        if (b < g.min() || b > g.max()) {
            return Optional.of(key + ": " + fmt(b) + " is outside the guardrail [" + fmt(g.min()) + ", "
                    + fmt(g.max()) + "] (" + g.why() + "; " + source + ")");
        }
        try {
            a = Double.parseDouble(from.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        double step = Math.abs(b - a);
        if (step > g.maxStep() * (1 + 1e-12)) {
            return Optional.of(key + ": " + fmt(a) + " → " + fmt(b) + " changes it by " + fmt(step)
                    + ", more than the guardrail's largest change per edit, " + fmt(g.maxStep()) + " (" + g.why()
                    + "; " + source + "); edit in steps");
        }
        return Optional.empty();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.6g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * @param dir the configuration directory
     * @return the guardrails of {@code guardrails.json} there, or the defaults when there is none
     * @throws InputException naming the file and place when it cannot be read
     */
    public static Guardrails load(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return DEFAULTS;
        }
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new InputException(f.toString(), "", "larger than " + MAX_BYTES + " bytes", null);
            }
            Guardrails g = JSON.readValue(f.toFile(), Guardrails.class);
            if (g == null || g.rules() == null) {
                throw new InputException(f.toString(), "", "expected an object with a list of rules", null);
            }
            return g;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.of(f.toString(), e);
        } catch (IOException e) {
            throw new InputException(f.toString(), "", e.getMessage(), e);
        }
    }

    /**
     * Writes them atomically as {@code guardrails.json}.
     *
     * @param dir the configuration directory
     * @throws IOException when it cannot be written
     */
    public void save(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), out -> JSON.writeValue(out, this),
                AtomicFiles.Option.FORCE, AtomicFiles.Option.CREATE_PARENTS);
    }
}
