package io.solvent.app.service;

import io.solvent.engine.input.InputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardrailsTest {
    private static final String MMF = "markets.BTC-PERP.tiers[0].maintenanceMarginFraction";

    @Test
    void aStepBeyondTheLargestChangeAndAValueOutsideTheRangeAreRefusedWithTheirBound() {
        Guardrails g = Guardrails.DEFAULTS;
        assertTrue(g.check(MMF, "0.0125", "0.0325", "here").isEmpty(), "2 points is the largest step allowed");
        String step = g.check(MMF, "0.0125", "0.05", "guardrails.json in here").orElseThrow();
        assertTrue(step.contains("largest change per edit, 0.02") && step.contains("guardrails.json in here"), step);
        String range = g.check(MMF, "0.49", "0.51", "here").orElseThrow();
        assertTrue(range.contains("outside the guardrail [0.001, 0.5]"), range);
        assertTrue(g.check("deleveraging", "adl-ranked", "deficit", "here").isEmpty(), "not a number: not covered");
        assertTrue(g.check("oracle.heartbeatMs", "1", "999999999", "here").isEmpty(), "no guardrail covers it");
    }

    @Test
    void eachBoundChangesWhatItClaims() {
        Guardrails narrow = new Guardrails(List.of(new Guardrail("liquidation\\.buffer", 0.01, 0.1, 0.005, "t")));
        Guardrails wide = new Guardrails(List.of(new Guardrail("liquidation\\.buffer", 0.0, 0.5, 0.05, "t")));
        assertTrue(narrow.check("liquidation.buffer", "0.02", "0.03", "s").isPresent(), "the step");
        assertTrue(wide.check("liquidation.buffer", "0.02", "0.03", "s").isEmpty());
        assertTrue(narrow.check("liquidation.buffer", "0.012", "0.005", "s").orElseThrow().contains("outside"));
        assertTrue(wide.check("liquidation.buffer", "0.012", "0.005", "s").isEmpty(), "the minimum");
        assertTrue(narrow.check("liquidation.buffer", "0.098", "0.101", "s").orElseThrow().contains("outside"));
        assertTrue(wide.check("liquidation.buffer", "0.098", "0.101", "s").isEmpty(), "the maximum");
    }

    @Property
    void withinTheRangeAStepAtMostTheLargestIsAlwaysAllowed(@ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(6) double from,
                                                            @ForAll @DoubleRange(min = -0.02, max = 0.02) @Scale(6) double step) {
        double to = Math.max(0.001, Math.min(0.5, from + step));
        assertTrue(Guardrails.DEFAULTS.check(MMF, String.valueOf(from), String.valueOf(to), "s").isEmpty());
    }

    @Test
    void keptInTheConfigurationDirectoryAndABadFileIsNamedWithItsPlace(@TempDir Path dir) throws Exception {
        assertEquals(Guardrails.DEFAULTS, Guardrails.load(dir), "none saved: the defaults");
        Guardrails mine = new Guardrails(List.of(new Guardrail("liquidation\\.buffer", 0, 0.2, 0.01, "desk rule")));
        mine.save(dir);
        assertEquals(mine, Guardrails.load(dir));
        Files.writeString(dir.resolve(Guardrails.FILE), "{\"rules\": [{\"keys\": \"x\", \"min\": 2, \"max\": 1,"
                + " \"maxStep\": 1}]}");
        InputException e = assertThrows(InputException.class, () -> Guardrails.load(dir));
        assertTrue(e.getMessage().contains(Guardrails.FILE) && e.getMessage().contains("line 1")
                && e.getMessage().contains("min <= max"), e.getMessage());
        Files.writeString(dir.resolve(Guardrails.FILE), "{\"rules\": [");
        assertTrue(assertThrows(InputException.class, () -> Guardrails.load(dir)).getMessage().contains("line 1"));
    }
}
