package io.solvent.engine.sim.view;

/**
 * One asset as the console shows it: the price accounts are valued at beside the feed's and the oracle's, and how
 * fresh it is — so that a stale or a widened price is never shown as a plain number.
 *
 * @param symbol           the asset's symbol
 * @param priceUsd         the price accounts are valued at now (the oracle's, displaced by market impact when cascade
 *                         feedback is on), USD per unit
 * @param oraclePriceUsd   the price the oracle model last sent (a mark when the scenario margins at the mark; the
 *                         combination of several sources when it has several), USD per unit; NaN before any
 * @param feedPriceUsd     the latest price observed on the asset's preferred feed, before the oracle's latency,
 *                         deviation threshold and heartbeat, USD per unit; NaN before any or for an asset with no feed
 * @param halfSpreadUsd    the half-spread exposures are valued with (a too-wide confidence under {@code widen}), USD
 *                         per unit; 0 when valued at the price
 * @param freshness        whether the asset's price is fresh: {@code NO_FEED} (no feed symbol: its price is the
 *                         book's), {@code NO_PRICE}, {@code FRESH}, or {@code STALE} (every source older than its
 *                         staleness limit)
 * @param observedAtMs     feed time of the newest published price of its sources, ms since the Unix epoch, UTC;
 *                         {@link Long#MIN_VALUE} before any
 * @param ageMs            simulated time since then, ms; {@code -1} before any
 * @param paused           whether liquidations on it are paused (a stale price under the {@code pause} policy)
 * @param marginMultiplier the dynamic margin multiplier on its markets' requirements (1 when off)
 */
public record AssetView(String symbol, double priceUsd, double oraclePriceUsd, double feedPriceUsd,
                        double halfSpreadUsd, Freshness freshness, long observedAtMs, long ageMs, boolean paused,
                        double marginMultiplier) {

    /** How fresh an asset's price is. */
    public enum Freshness {
        /** The scenario maps no feed symbol to it: its price is the book's opening price. */
        NO_FEED,
        /** No source has published yet. */
        NO_PRICE,
        /** At least one source is within its staleness limit. */
        FRESH,
        /** Every source is older than its staleness limit. */
        STALE
    }
}
