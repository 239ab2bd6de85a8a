package io.solvent.cluster;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.sim.ReplayRunner;
import io.solvent.engine.sim.ReplaySink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario's files travel as bytes and read back, elsewhere, as the same scenario. */
class ScenarioBundleTest {

    @Test
    void theScenarioAndItsBookTravelAndReadBackAsTheSameRun() throws Exception {
        ScenarioBundle bundle = ScenarioBundle.of(SparkTests.GAP);
        // gap-down.json names its book as ../books/population-300.json: both keep their places relative to each other
        assertEquals("scenarios/gap-down.json", bundle.scenario());
        assertTrue(bundle.files().containsKey("books/population-300.json"), bundle.files().keySet().toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(bundle);
        }
        ScenarioBundle copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ScenarioBundle) in.readObject();
        }
        Path there = copy.localScenario();
        assertNotEquals(SparkTests.GAP.toAbsolutePath().normalize(), there);
        assertEquals(Files.readString(SparkTests.GAP), Files.readString(there));
        assertSame(there.getFileSystem(), copy.localScenario().getFileSystem());
        assertEquals(there, copy.localScenario(), "written once per JVM");
        assertEquals(ReplayRunner.run(ScenarioReader.read(SparkTests.GAP), ReplaySink.NONE),
                ReplayRunner.run(ScenarioReader.read(there), ReplaySink.NONE));
    }
}
