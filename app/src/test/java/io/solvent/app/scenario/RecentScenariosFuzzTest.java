package io.solvent.app.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

/** Any bytes as the list of recent scenarios: a list (empty when unreadable); never an exception. */
class RecentScenariosFuzzTest {
    @FuzzTest
    void load(byte[] input) {
        new RecentScenarios(FuzzInput.file("recent.json", input)).load();
    }
}
