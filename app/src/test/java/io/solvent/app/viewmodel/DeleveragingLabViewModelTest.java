package io.solvent.app.viewmodel;

import io.solvent.engine.io.ScenarioReader;
import io.solvent.engine.scenario.Scenario;
import io.solvent.engine.sim.lab.DeleveragingLab;
import io.solvent.engine.sim.lab.LabResult;
import io.solvent.engine.sim.lab.NoShortfallException;
import io.solvent.engine.sim.lab.PolicyOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's view model, without the FX toolkit: a real result shown, a policy selected, failures in one line. */
class DeleveragingLabViewModelTest {
    static final Path GAP = Path.of("..", "assets", "scenarios", "gap-down.json");

    private static LabResult gapLab() {
        Scenario s = ScenarioReader.read(GAP);
        return DeleveragingLab.run(s, s.parameters(), Long.MIN_VALUE, () -> false, f -> { });
    }

    @Test
    void aResultFillsThePolicyRowsTheChartAndThePayersOfTheSelectedPolicy() {
        LabResult r = gapLab();
        DeleveragingLabViewModel vm = new DeleveragingLabViewModel();
        vm.show(r, 1234);
        assertEquals(r.outcomes(), vm.outcomes());
        assertEquals(DeleveragingLab.POLICIES, vm.policyLabels());
        assertEquals(4, vm.overshoot().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i + DeleveragingLabViewModel.BAR_OFFSET, vm.overshoot().x(i), 1e-12);
            assertEquals(i - DeleveragingLabViewModel.BAR_OFFSET, vm.paid().x(i), 1e-12);
            assertEquals(r.outcomes().get(i).overshootUsd(), vm.overshoot().y(i));
            assertEquals(r.outcomes().get(i).paidUsd(), vm.paid().y(i));
        }
        assertEquals(0, vm.overshoot().y(2), "socialize: no overshoot");
        PolicyOutcome first = r.outcomes().getFirst();
        assertEquals(first, vm.selectedProperty().get(), "the first policy is selected");
        assertEquals(first.payers(), vm.payers());
        assertTrue(vm.payersTitleProperty().get().startsWith("Payers under adl-ranked:binance: 2 payers, $63.66 paid"),
                vm.payersTitleProperty().get());
        assertTrue(vm.captionProperty().get().startsWith("Bankruptcy of acct-55/0 in ETH-PERP at 2025-01-01 00:20:02"
                + " UTC (mark $2,911.2): deficit $2,161.28, insurance fund paid $2,097.62, shortfall $63.66"),
                vm.captionProperty().get());
        assertEquals("done in 1.2 s: 4 policies compared on the same bankruptcy", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        PolicyOutcome deficit = r.outcomes().getLast();
        vm.selectedProperty().set(deficit);
        assertTrue(vm.payers().isEmpty());
        assertEquals("Payers under deficit: nobody paid: $63.66 left as protocol deficit",
                vm.payersTitleProperty().get());
        vm.selectedProperty().set(r.outcomes().get(2));
        assertEquals(152, vm.payers().size());
        assertTrue(vm.payersTitleProperty().get().endsWith("— by amount"), vm.payersTitleProperty().get());
        assertEquals(1, vm.revisionProperty().get());
    }

    @Test
    void failuresAndCancelAreOneLine() {
        DeleveragingLabViewModel vm = new DeleveragingLabViewModel();
        vm.failedWith(new NoShortfallException("no bankruptcy at or after 2030-01-01T00:00:00Z reaches deleveraging"
                + " in x: the insurance fund covered every one"));
        assertEquals("failed: no bankruptcy at or after 2030-01-01T00:00:00Z reaches deleveraging in x: the"
                + " insurance fund covered every one", vm.statusProperty().get());
        vm.failedWith(new CancellationException("the deleveraging lab was cancelled"));
        assertEquals("cancelled", vm.statusProperty().get());
        vm.failedWith(new IllegalStateException("two\nlines"));
        assertEquals("failed: two", vm.statusProperty().get());
    }
}
