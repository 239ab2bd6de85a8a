package io.solvent.app.alert;

import io.solvent.app.viewmodel.Level;

/** How urgent an alert is: what colour it takes and which notification shows it. */
public enum AlertSeverity {
    /** Worth knowing. */
    INFO,
    /** Look soon. */
    WARNING,
    /** Act now. */
    CRITICAL;

    /** @return the console's level of the same colour */
    public Level level() {
        return switch (this) {
            case INFO -> Level.OK;
            case WARNING -> Level.WARN;
            case CRITICAL -> Level.ALARM;
        };
    }
}
