package io.solvent.app.service;

import java.util.Objects;

/**
 * One line of the audit log: a parameter edit the operator applied, forked with, or undid.
 *
 * @param wallTime  when, ISO-8601 UTC wall time
 * @param user      who (the operating system's user name)
 * @param scenario  the scenario's name
 * @param run       the run's label the edit went to (the fork's label for a fork)
 * @param simTimeMs the run's simulated time at the edit, ms since the Unix epoch, UTC
 * @param key       the parameter's dotted key
 * @param old       its value before
 * @param value     its value after (the JSON field {@code new})
 * @param why       the operator's reason, as typed
 * @param action    {@code apply} (in place), {@code fork}, or {@code undo}
 */
public record AuditEntry(String wallTime, String user, String scenario, String run, long simTimeMs, String key,
                         String old, @com.fasterxml.jackson.annotation.JsonProperty("new") String value, String why,
                         String action) {
    public AuditEntry {
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(key, "key");
        user = user == null ? "" : user;
        scenario = scenario == null ? "" : scenario;
        run = run == null ? "" : run;
        old = old == null ? "" : old;
        value = value == null ? "" : value;
        why = why == null ? "" : why;
        Objects.requireNonNull(action, "action");
    }
}
