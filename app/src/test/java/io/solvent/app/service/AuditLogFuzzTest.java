package io.solvent.app.service;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.solvent.engine.testing.FuzzInput;

import java.io.IOException;

/** Any bytes as {@code audit.jsonl}: the entries that can be read (a line that cannot is skipped); never an exception. */
class AuditLogFuzzTest {
    @FuzzTest
    void read(byte[] input) throws IOException {
        AuditLog.read(FuzzInput.file(AuditLog.FILE, input));
    }
}
