package io.solvent.app;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The console's default scenario at another population size, for tests. */
public final class ConsoleScenarios {
    private ConsoleScenarios() {
    }

    /**
     * @param accounts the population's accounts
     * @param dir      a scratch folder
     * @return the console default over that many accounts
     */
    public static Scenario defaultWith(int accounts, Path dir) throws IOException {
        try (InputStream in = ConsoleScenarios.class.getResourceAsStream(
                "/io/solvent/assets/scenarios/console-default.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"accounts\": 100000", "\"accounts\": " + accounts);
            Path f = dir.resolve("console-" + accounts + ".json");
            Files.writeString(f, json);
            return ScenarioReader.read(f);
        }
    }
}
