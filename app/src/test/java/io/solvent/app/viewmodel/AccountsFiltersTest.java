package io.solvent.app.viewmodel;

import io.solvent.app.service.PulseWork;
import io.solvent.engine.sim.view.AccountQuery;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The accounts table's choices travel with a workspace. */
class AccountsFiltersTest {
    @Test
    void theTablesSortFilterAndMarketAreSavedAndRestored() {
        AccountsViewModel a = new AccountsViewModel(c -> { }, new PulseWork());
        a.sortProperty().set(AccountQuery.Column.MAINTENANCE_HEALTH);
        a.ascendingProperty().set(false);
        a.showProperty().set(AccountQuery.Show.AT_RISK);
        a.idFilterProperty().set("acct-12");
        Map<String, String> saved = a.filters();
        AccountsViewModel b = new AccountsViewModel(c -> { }, new PulseWork());
        b.restoreFilters(saved);
        assertEquals(saved, b.filters());
        assertEquals(AccountQuery.Show.AT_RISK, b.showProperty().get());
        b.restoreFilters(Map.of("accounts.sort", "NO_SUCH_COLUMN"));
        assertEquals(AccountQuery.Column.MAINTENANCE_HEALTH, b.sortProperty().get(), "a bad value changes nothing");
    }
}
