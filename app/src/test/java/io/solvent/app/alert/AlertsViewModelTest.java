package io.solvent.app.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model without the FX toolkit: edits apply and are saved, alerts are listed and acknowledged. */
class AlertsViewModelTest {
    @TempDir
    Path dir;

    private AlertsViewModel vm() {
        return new AlertsViewModel(new AlertRulesStore(dir.resolve("alerts.json")), Runnable::run, Runnable::run,
                () -> 42L);
    }

    private static AlertRuleRow row(AlertsViewModel vm, String id) {
        return vm.rules().stream().filter(r -> r.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void editsChangeWhatRaisesAndAreSaved() throws Exception {
        AlertsViewModel vm = vm();
        List<List<AlertEvent>> told = new ArrayList<>();
        vm.addListener(told::add);
        Views v = new Views();
        v.badDebtUsd = 500;
        v.fundUsd = 1e9; // no coverage alert: nothing is at risk
        vm.update(v.build());
        // the default bad-debt rule (> $0) raised
        assertEquals(1, vm.unacknowledgedProperty().get());
        assertEquals("bad-debt", vm.alerts().getFirst().event().rule().id());
        assertEquals(1, told.size());
        vm.acknowledgeAll();
        // raise the threshold: cleared; disable, then enable with a lower one: raised again
        assertEquals("", vm.setThreshold(row(vm, "bad-debt"), 1_000));
        vm.update(v.at(Views.T0 + 1).build());
        assertEquals(0, vm.unacknowledgedProperty().get());
        row(vm, "bad-debt").enabledProperty().set(false);
        vm.update(v.at(Views.T0 + 2).build());
        assertEquals(0, vm.unacknowledgedProperty().get());
        assertEquals("", vm.setThreshold(row(vm, "bad-debt"), 100));
        row(vm, "bad-debt").enabledProperty().set(true);
        row(vm, "bad-debt").soundProperty().set(false);
        assertEquals("", vm.setSeverity(row(vm, "bad-debt"), AlertSeverity.INFO));
        vm.update(v.at(Views.T0 + 3).build());
        assertEquals(AlertSeverity.INFO, vm.alerts().getFirst().event().severity(), "raised with the new severity");
        assertEquals(1, vm.unacknowledgedProperty().get());
        assertFalse(vm.alerts().getFirst().event().rule().sound(), "raised under the rule as edited");
        assertEquals(100, vm.alerts().getFirst().event().rule().threshold());
        // saved, and read back by a new session
        assertTrue(Files.exists(dir.resolve("alerts.json")));
        AlertRule saved = new AlertRulesStore(dir.resolve("alerts.json")).load().rules().rules().stream()
                .filter(r -> r.id().equals("bad-debt")).findFirst().orElseThrow();
        assertEquals(100, saved.threshold());
        assertFalse(saved.sound());
        assertTrue(saved.enabled());
        assertEquals(AlertSeverity.INFO, saved.severity());
        assertEquals(100, row(vm(), "bad-debt").rule().threshold());
    }

    @Test
    void anInvalidEditIsRefusedWithAReason() {
        AlertsViewModel vm = vm();
        AlertRuleRow hf = row(vm, "hf-liquidatable");
        String refused = vm.setThreshold(hf, -2);
        assertTrue(refused.contains("expected a threshold > 0 ×"), refused);
        assertEquals(refused, vm.problemProperty().get());
        assertEquals(1.0, hf.rule().threshold());
        assertFalse(vm.setCount(row(vm, "at-risk"), 3).isEmpty(), "only health factor rules count");
        assertEquals("", vm.setCount(hf, 3));
        assertEquals(3, hf.rule().count());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void acknowledgeOneOrAll() {
        AlertsViewModel vm = vm();
        Views v = new Views();
        v.badDebtUsd = 500;
        v.atRisk = 1_000;
        vm.update(v.build());
        assertEquals(2, vm.unacknowledgedProperty().get());
        assertEquals("2 unacknowledged · 2 in history", vm.summaryProperty().get());
        AlertEntry newest = vm.alerts().getFirst();
        assertEquals("bad-debt", newest.event().rule().id(), "newest first (raised in rule order)");
        vm.acknowledge(newest);
        assertEquals(1, vm.unacknowledgedProperty().get());
        assertEquals(AlertEntry.Status.ACKNOWLEDGED, vm.alerts().getFirst().status());
        vm.acknowledgeAll();
        assertEquals(0, vm.unacknowledgedProperty().get());
        assertTrue(vm.alerts().stream().noneMatch(AlertEntry::active));
    }

    @Test
    void aBadFileIsShownAndTheDefaultsUsed() throws Exception {
        Files.writeString(dir.resolve("alerts.json"), "{ not json");
        AlertsViewModel vm = vm();
        assertTrue(vm.problemProperty().get().contains("alerts.json"), vm.problemProperty().get());
        assertEquals(AlertRules.DEFAULTS.rules().size(), vm.rules().size());
        vm.setThreshold(row(vm, "at-risk"), 50);
        assertTrue(vm.problemProperty().get().contains("alerts.json.unreadable"), vm.problemProperty().get());
        assertTrue(Files.exists(dir.resolve("alerts.json.unreadable")));
    }
}
