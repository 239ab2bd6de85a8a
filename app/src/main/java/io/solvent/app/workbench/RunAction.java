package io.solvent.app.workbench;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing the operator did to the runs, in the order done: enough to do it again on a fresh engine (a workspace
 * reopened). Parameters are kept as overrides of the scenario's own ({@code Parameters#with(Map)}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({@JsonSubTypes.Type(value = RunAction.Fork.class, name = "fork"),
        @JsonSubTypes.Type(value = RunAction.Change.class, name = "change")})
public sealed interface RunAction {

    /** @return the simulated time it was done at, ms since the Unix epoch, UTC */
    long atMs();

    /**
     * A fork: run {@code parent} at {@code atMs} continued as {@code label} under other parameters.
     *
     * @param label     the fork's label
     * @param parent    the run it was forked from
     * @param atMs      the moment, ms since the Unix epoch, UTC (every feed event stamped at or before it processed)
     * @param overrides the fork's parameters that differ from the scenario's, by dotted key
     */
    record Fork(String label, String parent, long atMs, Map<String, String> overrides) implements RunAction {
        public Fork {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(parent, "parent");
            overrides = Map.copyOf(new TreeMap<>(overrides));
        }
    }

    /**
     * A change in place: run {@code run}'s parameters changed at {@code atMs}.
     *
     * @param run       the run's label
     * @param atMs      the moment, ms since the Unix epoch, UTC
     * @param overrides its parameters from then on that differ from the scenario's, by dotted key
     */
    record Change(String run, long atMs, Map<String, String> overrides) implements RunAction {
        public Change {
            Objects.requireNonNull(run, "run");
            overrides = Map.copyOf(new TreeMap<>(overrides));
        }
    }
}
