package io.solvent.engine.sim.lab;

/**
 * Which bankruptcy the lab studies: the first one settled at or after a time whose bad debt the insurance fund does
 * not cover in full (a shortfall of at least {@link #MIN_SHORTFALL_USD}), so that it reaches deleveraging;
 * optionally only a given sub-account's.
 *
 * @param atMs       the earliest time, ms since the Unix epoch, UTC ({@link Long#MIN_VALUE}: from the start)
 * @param account    only this account's bankruptcy, or null for any
 * @param subAccount with {@code account}: only this sub-account's, or null for any of the account's
 */
public record LabTarget(long atMs, String account, String subAccount) {

    /** The smallest shortfall that counts as reaching deleveraging, USD: one cent (smaller is rounding). */
    public static final double MIN_SHORTFALL_USD = 0.01;

    public LabTarget {
        if (account == null && subAccount != null) {
            throw new IllegalArgumentException("a sub-account needs its account");
        }
    }

    /** @param atMs the earliest time, ms since the Unix epoch, UTC @return the first at or after it, anyone's */
    public static LabTarget firstAtOrAfter(long atMs) {
        return new LabTarget(atMs, null, null);
    }

    boolean matches(long timeMs, String acc, String sub) {
        return timeMs >= atMs && (account == null || account.equals(acc))
                && (subAccount == null || subAccount.equals(sub));
    }

    /** @return the target in words, for messages */
    public String describe() {
        String who = account == null ? "" : " of " + account + (subAccount == null ? "" : "/" + subAccount);
        return (atMs == Long.MIN_VALUE ? "from the start" : "at or after " + java.time.Instant.ofEpochMilli(atMs))
                + who;
    }
}
