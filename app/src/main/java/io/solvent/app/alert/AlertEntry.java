package io.solvent.app.alert;

import java.util.Objects;

/**
 * An alert in the monitor's history and where it stands.
 *
 * @param event       what was raised
 * @param status      active (not yet acknowledged), acknowledged, or retracted (the replay was moved back to before
 *                    it)
 * @param statusWallMs wall time of the acknowledgement or retraction, ms since the Unix epoch, UTC; the raise's while
 *                    active
 */
public record AlertEntry(AlertEvent event, Status status, long statusWallMs) {
    public AlertEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
    }

    /** Where an alert stands. */
    public enum Status {
        /** Raised, not yet acknowledged. */
        ACTIVE,
        /** Acknowledged by the operator. */
        ACKNOWLEDGED,
        /** Withdrawn without acknowledgement: the replay moved back to before the moment it was raised at. */
        RETRACTED
    }

    /** @return whether it waits for acknowledgement */
    public boolean active() {
        return status == Status.ACTIVE;
    }
}
