package io.solvent.cluster;

import io.solvent.engine.io.StressOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job reads solvent stress's arguments, in either form of an option. */
class JobArgumentsTest {

    @Test
    void solventStressArgumentsInEitherForm() {
        JobArguments a = JobArguments.parse("s.json", "--set", "a=1,2", "--set=b=x", "--fork-at=0", "--out", "o",
                "--threads", "3", "--no-progress", "--tasks", "7");
        assertEquals(Path.of("s.json"), a.options().scenario());
        assertEquals(List.of("a=1,2", "b=x"), a.options().sets());
        assertEquals("0", a.options().forkAt());
        assertEquals(Path.of("o"), a.out());
        assertEquals(7, a.tasks());
        assertNull(a.options().monteCarlo());

        JobArguments mc = JobArguments.parse("--monte-carlo", "8", "--calibrate", "w1.csv", "w2.csv", "--seed", "-3",
                "s.json", "--out", "o");
        assertEquals(8, mc.options().monteCarlo());
        assertEquals(List.of(Path.of("w1.csv"), Path.of("w2.csv")), mc.options().calibrate());
        assertEquals(-3, mc.options().seed());
        assertEquals(Path.of("s.json"), mc.options().scenario(), "after the --calibrate files' end");
        assertEquals(0, mc.tasks(), "the job's default");

        JobArguments r = JobArguments.parse("s.json", "--reverse", "--max-drop", "0.5", "--shock-at", "12", "--out=o");
        assertTrue(r.options().reverse());
        assertEquals(0.5, r.options().maxDrop());
        assertEquals(12L, r.options().shockAt());
        assertEquals(StressOptions.DEFAULT_SEED, r.options().seed());
    }

    @Test
    void aWrongArgumentIsOneLine() {
        assertEquals("unknown option '--sett'", rejected("s.json", "--sett", "a=1", "--out", "o"));
        assertEquals("--seed expects a whole number, was 'x'", rejected("s.json", "--seed", "x", "--out", "o"));
        assertEquals("--tasks expects a whole number >= 1, was '0'", rejected("s.json", "--tasks", "0", "--out", "o"));
        assertEquals("--out expects a value", rejected("s.json", "--out"));
        assertEquals("missing --out DIR", rejected("s.json", "--reverse"));
        assertEquals("missing the scenario (SCENARIO.json)", rejected("--reverse", "--out", "o"));
    }

    private static String rejected(String... args) {
        return assertThrows(StressOptions.Rejected.class, () -> JobArguments.parse(args)).getMessage();
    }
}
