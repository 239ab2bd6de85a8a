package io.solvent.app.alert;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The alert rules, in the order they are listed; what {@code alerts.json} holds ({@link AlertRulesStore}).
 *
 * @param rules the rules, ids unique
 */
public record AlertRules(List<AlertRule> rules) {
    /**
     * The rules a new user starts with: one or two per kind, thresholds in line with the overview's colours (coverage
     * below 5% warns, below 1% is critical), an oracle older than 90 s (past a 60 s heartbeat), feed and oracle 2%
     * apart; each re-arms only after its value has stayed back past the band for 30 s (60 s for prices).
     */
    public static final AlertRules DEFAULTS = new AlertRules(List.of(
            new AlertRule("hf-liquidatable", AlertKind.HEALTH_FACTOR, 1.0, 1, AlertSeverity.CRITICAL, true, true,
                    0.02, 30_000),
            new AlertRule("hf-ten-near", AlertKind.HEALTH_FACTOR, 1.05, 10, AlertSeverity.WARNING, true, false,
                    0.02, 30_000),
            new AlertRule("at-risk", AlertKind.ACCOUNTS_AT_RISK, 100, 1, AlertSeverity.WARNING, true, false, 0.1,
                    30_000),
            new AlertRule("coverage-low", AlertKind.FUND_COVERAGE, 5, 1, AlertSeverity.WARNING, true, false, 0.1,
                    30_000),
            new AlertRule("coverage-critical", AlertKind.FUND_COVERAGE, 1, 1, AlertSeverity.CRITICAL, true, true,
                    0.1, 30_000),
            new AlertRule("bad-debt", AlertKind.BAD_DEBT, 0, 1, AlertSeverity.CRITICAL, true, true, 0.1, 30_000),
            new AlertRule("oracle-stale", AlertKind.ORACLE_STALE, 90_000, 1, AlertSeverity.WARNING, true, true, 0.1,
                    60_000),
            new AlertRule("divergence", AlertKind.SOURCE_DIVERGENCE, 2, 1, AlertSeverity.WARNING, true, false,
                    0.25, 60_000)));

    public AlertRules {
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (AlertRule r : rules) {
            Objects.requireNonNull(r, "rule");
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("expected unique rule ids, \"" + r.id() + "\" is there twice");
            }
        }
    }

    /**
     * @param rule a rule whose id is among these
     * @return a copy with it in place of the one of the same id
     */
    public AlertRules with(AlertRule rule) {
        List<AlertRule> next = new java.util.ArrayList<>(rules);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(rule.id())) {
                next.set(i, rule);
                return new AlertRules(next);
            }
        }
        throw new IllegalArgumentException("no rule " + rule.id());
    }
}
