package dev.relaykit.socketio;

/**
 * One live Engine.IO (or 0.9) connection. It reports to its {@link Sink} on the client's serial executor, and
 * reports loss once. A new connection after a loss is a new transport.
 */
interface Transport {
    /** Starts connecting. */
    void start();

    /**
     * @param frame one text packet in wire form
     */
    void sendText(String frame);

    /**
     * @param frame one binary packet in wire form; it stays the caller's (it may be the bytes a user emitted), so a
     *     transport that sends it later keeps a copy
     */
    void sendBinary(byte[] frame);

    /** Closes without reporting a loss. */
    void close();

    /** Receives what a transport reads. */
    interface Sink {
        void onText(Transport t, String frame);

        void onBinary(Transport t, byte[] frame);

        /**
         * @param t the transport that was lost
         * @param reason what happened, for messages
         * @param cause the failure behind it (a {@code java.net.ConnectException} for a refused port), or null
         */
        void onLost(Transport t, String reason, Throwable cause);
    }
}
