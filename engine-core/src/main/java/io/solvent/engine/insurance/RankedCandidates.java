package io.solvent.engine.insurance;

/**
 * The positions ranked ADL may close for one bankruptcy, supplied lazily in queue order — the opposite side of the
 * bankrupt position, by descending {@link AdlRanking} key, ties by ascending sub-account index — so that a bankruptcy
 * a few top-ranked positions cover need not rank the whole side. Single use.
 */
public interface RankedCandidates {
    /** @return whether another candidate is left */
    boolean hasNext();

    /** @return the ranking key of the next candidate (call before {@link #next()}) */
    double nextKey();

    /** @return the next candidate in queue order */
    DeleveragingCandidate next();
}
