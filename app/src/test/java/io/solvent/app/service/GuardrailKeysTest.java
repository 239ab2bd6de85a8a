package io.solvent.app.service;

import io.solvent.engine.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found by GuardrailsFuzzTest: a guardrail's keys went to the regular-expression engine as written, so a broken one
 * (or one of nested repetition, which can take exponential time on each edit) came from a hand-edited file. Keys are
 * now read in the subset the guardrails use, names matched literally.
 */
class GuardrailKeysTest {
    @Test
    void theShippedKeysMatchAsBefore() {
        for (Guardrail g : Guardrails.DEFAULTS.rules()) {
            GuardrailKeys.compile(g.keys());
        }
        Guardrails d = Guardrails.DEFAULTS;
        assertTrue(d.rules().get(0).covers("markets.ETH-PERP.tiers[2].maintenanceMarginFraction"));
        assertFalse(d.rules().get(0).covers("markets.ETH-PERP.tiers[x].maintenanceMarginFraction"));
        assertTrue(d.rules().get(4).covers("assets.ETH.maintenanceWeight"));
        assertFalse(d.rules().get(4).covers("assets.ETH.sizeWeight"));
        assertTrue(new Guardrail("liquidation\\.buffer", 0, 1, 1, "").covers("liquidation.buffer"));
        assertFalse(new Guardrail("liquidation\\.buffer", 0, 1, 1, "").covers("liquidationXbuffer"));
    }

    @Test
    void otherSyntaxIsRefusedWithItsColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Guardrail("liquidat[ion\\.buffer", 0, 1, 1, ""));
        assertTrue(e.getMessage().startsWith("keys 'liquidat[ion\\.buffer': '[' at column 9 is not supported"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Guardrail("(a+)+b", 0, 1, 1, ""));
    }

    @Test
    void aGuardrailsFileWithABrokenPatternIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(Guardrails.FILE), "{\"rules\": [{\"keys\": \"liquidat[ion\", \"min\": 0,"
                + " \"max\": 1, \"maxStep\": 1, \"why\": \"\"}]}");
        InputException e = assertThrows(InputException.class, () -> Guardrails.load(dir));
        assertTrue(e.place().startsWith("line 1, column "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
