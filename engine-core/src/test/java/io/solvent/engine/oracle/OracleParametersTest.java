package io.solvent.engine.oracle;

import io.solvent.engine.model.ModelValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OracleParametersTest {

    private static String field(Runnable r) {
        return assertThrows(ModelValidationException.class, r::run).field();
    }

    @Test
    void eachInvalidFieldIsNamed() {
        MarkParameters idx = MarkParameters.index();
        assertEquals("latencyMs", field(() -> new OracleParameters(-1, 0, 0, 0, StalenessPolicy.PAUSE, 1,
                ConfidencePolicy.REJECT, idx)));
        assertEquals("deviationThreshold", field(() -> new OracleParameters(0, Double.NaN, 0, 0,
                StalenessPolicy.PAUSE, 1, ConfidencePolicy.REJECT, idx)));
        assertEquals("heartbeatMs", field(() -> new OracleParameters(0, 0, -5, 0, StalenessPolicy.PAUSE, 1,
                ConfidencePolicy.REJECT, idx)));
        assertEquals("staleAfterMs", field(() -> new OracleParameters(0, 0, 0, -1, StalenessPolicy.PAUSE, 1,
                ConfidencePolicy.REJECT, idx)));
        assertEquals("stalenessPolicy", field(() -> new OracleParameters(0, 0, 0, 0, null, 1,
                ConfidencePolicy.REJECT, idx)));
        assertEquals("maxConfidence", field(() -> new OracleParameters(0, 0, 0, 0, StalenessPolicy.PAUSE, -0.1,
                ConfidencePolicy.REJECT, idx)));
        assertEquals("confidencePolicy", field(() -> new OracleParameters(0, 0, 0, 0, StalenessPolicy.PAUSE, 1,
                null, idx)));
        assertEquals("mark", field(() -> new OracleParameters(0, 0, 0, 0, StalenessPolicy.PAUSE, 1,
                ConfidencePolicy.REJECT, null)));
        assertEquals("venueSources", field(() -> new MarkParameters(MarkMethod.MEDIAN, List.of(), 0)));
        assertEquals("venueSources[1]", field(() -> new MarkParameters(MarkMethod.MEDIAN, List.of("a", "a"), 0)));
        assertEquals("premiumEmaMs", field(() -> new MarkParameters(MarkMethod.MEDIAN, List.of("a"), -1)));
        assertEquals("method", field(() -> new MarkParameters(null, List.of(), 0)));
    }
}
