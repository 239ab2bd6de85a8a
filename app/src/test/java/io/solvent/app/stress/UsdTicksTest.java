package io.solvent.app.stress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsdTicksTest {
    @Test
    void ticksAreDollarsNeverMetricPrefixes() {
        assertEquals("$0", StressPanel.tickUsd(0));
        assertEquals("$0.08", StressPanel.tickUsd(0.08));
        assertEquals("$250", StressPanel.tickUsd(250));
        assertEquals("$2.5k", StressPanel.tickUsd(2_500));
        assertEquals("$80k", StressPanel.tickUsd(80_000));
        assertEquals("$1.25M", StressPanel.tickUsd(1_250_000));
        assertEquals("−$3B", StressPanel.tickUsd(-3e9));
    }
}
