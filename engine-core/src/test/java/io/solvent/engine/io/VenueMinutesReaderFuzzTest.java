package io.solvent.engine.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

/** Any bytes as a venue's per-minute CSV ({@code solvent fidelity}): its minutes or one clear input error. */
class VenueMinutesReaderFuzzTest {
    @FuzzTest
    void readMinutes(byte[] input) {
        var file = FuzzInput.file("hl_liq_adl_per_minute.csv", input);
        FuzzInput.expectResultOrInputError(file.toString(), () -> VenueMinutesReader.read(file));
    }
}
