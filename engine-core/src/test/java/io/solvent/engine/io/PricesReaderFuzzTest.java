package io.solvent.engine.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

/** Any bytes as a prices file ({@code solvent margin --prices}): prices or one clear input error. */
class PricesReaderFuzzTest {
    @FuzzTest
    void readPrices(byte[] input) {
        var file = FuzzInput.file("prices.json", input);
        FuzzInput.expectResultOrInputError(file.toString(), () -> PricesReader.read(file));
    }
}
