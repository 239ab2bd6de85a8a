package io.solvent.engine.oracle;

/** Told of each publication, synchronously, on the thread that drives the oracle. */
@FunctionalInterface
public interface OracleListener {

    /**
     * Called after the oracle published a new price; read it from {@code oracle} ({@link AssetOracle#price()},
     * {@link AssetOracle#publishedAtMs()}, ...). Venue-price updates that only move the mark are reported too when
     * the mark method is not the index (a margin engine values at the mark: {@link AssetOracle#valuationPrice()});
     * {@link AssetOracle#nowMs()} is then the delivery's time.
     *
     * @param oracle the asset's oracle, in its new state
     */
    void published(AssetOracle oracle);
}
