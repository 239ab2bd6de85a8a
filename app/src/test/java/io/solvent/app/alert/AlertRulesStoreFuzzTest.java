package io.solvent.app.alert;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

/** Any bytes as {@code alerts.json}: the rules, or the defaults with a one-line reason; never an exception. */
class AlertRulesStoreFuzzTest {
    @FuzzTest
    void load(byte[] input) {
        AlertRulesStore.Loaded loaded = new AlertRulesStore(FuzzInput.file(AlertRulesStore.FILE_NAME, input)).load();
        if (loaded.problem().indexOf('\n') >= 0 || loaded.problem().indexOf('\r') >= 0) {
            throw new AssertionError("a reason of more than one line: " + loaded.problem());
        }
    }
}
