package io.solvent.app.service;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

import java.nio.file.Path;

/** Any bytes as {@code guardrails.json}: guardrails that check an edit, or one clear input error. */
class GuardrailsFuzzTest {
    @FuzzTest
    void load(byte[] input) {
        Path file = FuzzInput.file(Guardrails.FILE, input);
        FuzzInput.expectResultOrInputError(file.toString(), () -> Guardrails.load(file.getParent())
                .check("liquidation.buffer", "0.02", "0.03", "guardrails.json"));
    }
}
