package io.solvent.engine.margin;

import io.solvent.engine.model.Account;
import io.solvent.engine.model.Book;
import io.solvent.engine.model.MarginMode;
import io.solvent.engine.model.SubAccount;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every sub-account of a book, in book order: what {@code solvent margin} prints.
 *
 * @param subaccounts one entry per sub-account, accounts in file order and their sub-accounts in file order
 */
public record MarginReport(List<Entry> subaccounts) {

    /**
     * @param account    the owning account's id
     * @param subaccount the sub-account's id
     * @param mode       cross or isolated
     * @param margin     its figures
     */
    public record Entry(String account, String subaccount, MarginMode mode, SubAccountMargin margin) {
    }

    public MarginReport {
        subaccounts = List.copyOf(subaccounts);
    }

    /**
     * @param book a validated book with a price for every used asset
     * @return every sub-account's figures at the book's prices
     * @throws IllegalArgumentException when a used asset has no price
     */
    public static MarginReport of(Book book) {
        if (!book.unpricedAssets().isEmpty()) {
            throw new IllegalArgumentException("no price for " + book.unpricedAssets());
        }
        MarginCalculator calculator = new MarginCalculator(Instruments.of(book));
        List<Entry> entries = new ArrayList<>();
        for (Account account : book.accounts()) {
            for (SubAccount sub : account.subaccounts()) {
                entries.add(new Entry(account.id(), sub.id(), sub.mode(), calculator.evaluate(sub, book.prices())));
            }
        }
        return new MarginReport(entries);
    }
}
