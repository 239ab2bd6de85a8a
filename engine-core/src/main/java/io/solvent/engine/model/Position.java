package io.solvent.engine.model;

/**
 * A perpetual position.
 *
 * @param market     symbol of the market traded
 * @param size       signed size in units of the market's underlying asset (+ long, - short)
 * @param entryPrice average entry price in USD per unit of the underlying, {@code > 0}
 */
public record Position(String market, double size, double entryPrice) {

    public Position {
        FieldChecks.nonEmpty("market", market);
        FieldChecks.finite("size", size);
        FieldChecks.positive("entryPrice", entryPrice);
    }
}
