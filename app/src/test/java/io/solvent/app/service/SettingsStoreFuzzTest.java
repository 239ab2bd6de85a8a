package io.solvent.app.service;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

/** Any bytes as {@code settings.json}: the settings, or the defaults with the file kept aside; never an exception. */
class SettingsStoreFuzzTest {
    @FuzzTest
    void load(byte[] input) {
        if (new SettingsStore(FuzzInput.file("settings.json", input)).load() == null) {
            throw new AssertionError("no settings");
        }
    }
}
