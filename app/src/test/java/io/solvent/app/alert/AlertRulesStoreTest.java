package io.solvent.app.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules file: a round trip, the config directory, and an unreadable file that is reported and kept. */
class AlertRulesStoreTest {
    @TempDir
    Path dir;

    @Test
    void rulesSurviveARoundTrip() throws Exception {
        AlertRulesStore store = new AlertRulesStore(dir.resolve("alerts.json"));
        assertEquals(AlertRules.DEFAULTS, store.load().rules(), "no file: the defaults");
        assertEquals("", store.load().problem());
        AlertRules edited = AlertRules.DEFAULTS.with(AlertRules.DEFAULTS.rules().get(1).withThreshold(1.07)
                .withCount(25).withSound(true).withSeverity(AlertSeverity.CRITICAL))
                .with(AlertRules.DEFAULTS.rules().get(6).withEnabled(false));
        assertEquals("", store.save(edited));
        AlertRulesStore.Loaded back = new AlertRulesStore(dir.resolve("alerts.json")).load();
        assertEquals("", back.problem());
        assertEquals(edited, back.rules());
        String json = Files.readString(dir.resolve("alerts.json"));
        assertTrue(json.contains("\"kind\" : \"HEALTH_FACTOR\""), json);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("alerts.json")), files.toList(), "no temporary file left");
        }
    }

    @Test
    void theFileSitsBesideTheSettings() {
        AlertRulesStore store = AlertRulesStore.inConfigDirectory(Map.of("SOLVENT_CONFIG_DIR", dir.toString()));
        assertEquals(dir.resolve("alerts.json"), store.file());
    }

    @Test
    void aMalformedFileIsNamedWithItsPlaceAndKeptUntilSavedAside() throws Exception {
        Path f = dir.resolve("alerts.json");
        String bad = """
                {
                  "format": 1,
                  "rules": [
                    {"id": "bd", "kind": "BAD_DEBT", "threshold": 0, "count": 1, "severity": "CRITICAL",
                     "enabled": true, "sound": true, "rearm": 0.1, "rearmHoldMs": 0},
                    {"id": "hf", "kind": "HEALTH_FACTOR", "treshold": 1.05, "count": 1, "severity": "WARNING",
                     "enabled": true, "sound": false, "rearm": 0.02, "rearmHoldMs": 0}
                  ]
                }
                """;
        Files.writeString(f, bad);
        AlertRulesStore store = new AlertRulesStore(f);
        AlertRulesStore.Loaded loaded = store.load();
        assertEquals(AlertRules.DEFAULTS, loaded.rules(), "the defaults are used");
        String p = loaded.problem();
        assertTrue(p.startsWith(f.toString()), p);
        assertTrue(p.contains("line 7, column"), p);
        assertTrue(p.contains("($.rules[1].threshold): Missing creator property 'threshold' (index 2)"), p);
        assertTrue(!p.contains("`") && !p.contains("DeserializationFeature"), p);
        assertTrue(p.contains("default alert rules are used"), p);
        assertEquals(bad, Files.readString(f), "the bad file is left as it is");
        // a save keeps it aside, and says so
        String note = store.save(AlertRules.DEFAULTS);
        assertTrue(note.contains("alerts.json.unreadable"), note);
        assertEquals(bad, Files.readString(dir.resolve("alerts.json.unreadable")));
        assertEquals(AlertRules.DEFAULTS, store.load().rules());
        assertEquals("", store.load().problem());
    }

    @Test
    void aValueOutOfRangeOrABrokenDocumentIsNamedToo() throws Exception {
        Path f = dir.resolve("alerts.json");
        Files.writeString(f, """
                {"format": 1, "rules": [
                  {"id": "hf", "kind": "HEALTH_FACTOR", "threshold": -1, "count": 1, "severity": "WARNING",
                   "enabled": true, "sound": false, "rearm": 0.02, "rearmHoldMs": 0}]}
                """);
        String p = new AlertRulesStore(f).load().problem();
        assertTrue(p.contains("rule hf: expected a threshold > 0 ×, was -1.0"), p);
        assertTrue(p.contains("rules[0]"), p);

        Files.writeString(f, "{\"format\": 1, \"rules\": [\n  {\"id\": \"x\",, }\n]}");
        p = new AlertRulesStore(f).load().problem();
        assertTrue(p.contains("line 2, column"), p);

        Files.writeString(f, """
                {"format": 1, "rules": [
                  {"id": "x", "kind": "MARGIN_CALL", "threshold": 1, "count": 1, "severity": "WARNING",
                   "enabled": true, "sound": false, "rearm": 0.02, "rearmHoldMs": 0}]}
                """);
        p = new AlertRulesStore(f).load().problem();
        assertTrue(p.contains("MARGIN_CALL") && p.contains("rules[0].kind"), p);

        Files.writeString(f, "{\"format\": 2, \"rules\": []}");
        p = new AlertRulesStore(f).load().problem();
        assertTrue(p.contains("format 2 is not known"), p);
        assertFalse(p.isEmpty());
    }
}
