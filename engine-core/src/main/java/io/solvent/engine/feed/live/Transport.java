package io.solvent.engine.feed.live;

/** One connection at a time to a venue, run by {@link LiveFeedClient}'s reconnect loop. */
interface Transport {

    /** What a transport reports while a connection runs; called from the transport's threads. */
    interface Session {
        /** The connection is established and subscribed. */
        void opened();

        /** @param text one complete message as received */
        void message(String text);

        /** @param what a frame that is not a text message (counted, not recorded) */
        void unreadable(String what);
    }

    /**
     * Connects and delivers messages until the connection ends.
     *
     * @param session receives the connection's events
     * @throws Exception when connecting fails or the connection breaks; a normal return is a clean close by the peer
     */
    void run(Session session) throws Exception;

    /**
     * Ends the running connection, or the one about to start, from any thread; {@link #run} then returns or throws
     * promptly. Stays in force until {@link #reset()}.
     */
    void abort();

    /** Clears an earlier {@link #abort()} before the next {@link #run}. */
    void reset();

    /** @return where it connects, for messages */
    String endpoint();
}
