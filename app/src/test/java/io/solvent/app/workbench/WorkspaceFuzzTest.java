package io.solvent.app.workbench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

import java.nio.file.Path;

/** Any bytes as a workspace file: a workspace, or one clear input error. */
class WorkspaceFuzzTest {
    @FuzzTest
    void read(byte[] input) {
        Path file = FuzzInput.file("fuzz.workspace.json", input);
        FuzzInput.expectResultOrInputError(file.toString(), () -> Workspace.read(file));
    }
}
