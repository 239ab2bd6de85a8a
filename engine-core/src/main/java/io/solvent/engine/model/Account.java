package io.solvent.engine.model;

import java.util.List;

/**
 * An owner with one or more sub-accounts. Sub-accounts never share collateral; an account's totals are sums over
 * its sub-accounts.
 *
 * @param id          unique account id
 * @param subaccounts the account's sub-accounts, ids unique within the account, in file order
 */
public record Account(String id, List<SubAccount> subaccounts) {

    public Account {
        FieldChecks.nonEmpty("id", id);
        subaccounts = List.copyOf(subaccounts);
        if (subaccounts.isEmpty()) {
            throw new ModelValidationException("subaccounts", "expected at least one sub-account");
        }
        FieldChecks.unique("subaccounts", subaccounts, SubAccount::id, "sub-account id");
    }
}
