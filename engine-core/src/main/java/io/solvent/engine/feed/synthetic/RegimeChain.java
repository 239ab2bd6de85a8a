package io.solvent.engine.feed.synthetic;

import io.solvent.engine.model.FieldChecks;

/**
 * A two-state Markov chain between {@link Regime#CALM} and {@link Regime#STRESSED}, stepped once per time step
 * before that step's returns are drawn: with one uniform u in [0, 1), a calm step becomes stressed iff
 * {@code u < calmToStressed}, a stressed step becomes calm iff {@code u < stressedToCalm}.
 *
 * <p>The expected stay in a regime is {@code 1 / probability} steps; in the long run the chain is stressed a
 * fraction {@code calmToStressed / (calmToStressed + stressedToCalm)} of the steps. A probability of 0 pins a
 * regime (initial STRESSED with {@code stressedToCalm = 0} is stressed throughout).
 *
 * @param calmToStressed probability per step of leaving the calm regime, 0..1
 * @param stressedToCalm probability per step of leaving the stressed regime, 0..1
 * @param initial        the regime of the first instant
 */
public record RegimeChain(double calmToStressed, double stressedToCalm, Regime initial) {

    public RegimeChain {
        FieldChecks.between("calmToStressed", calmToStressed, 0, 1);
        FieldChecks.between("stressedToCalm", stressedToCalm, 0, 1);
        FieldChecks.present("initial", initial);
    }

    /**
     * @param regime one regime, forever
     * @return a chain that never leaves it
     */
    public static RegimeChain fixed(Regime regime) {
        return new RegimeChain(0, 0, regime);
    }

    /**
     * @param current the regime of the previous step
     * @param u       a uniform number in [0, 1)
     * @return the regime of this step
     */
    public Regime step(Regime current, double u) {
        return switch (current) {
            case CALM -> u < calmToStressed ? Regime.STRESSED : Regime.CALM;
            case STRESSED -> u < stressedToCalm ? Regime.CALM : Regime.STRESSED;
        };
    }
}
