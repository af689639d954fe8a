package dev.relaykit.core.ws;

/**
 * Receives what happens on a {@link WsSession}. Every method has an empty default; implement the
 * ones you need.
 *
 * <p>Callbacks run on the session's dispatcher, one at a time and in the order things happened,
 * never on the socket's reader thread. A callback that throws is reported to
 * {@link #onError} as {@link SessionError.Kind#LISTENER} (or {@link SessionError.Kind#MALFORMED_MESSAGE}
 * for a {@link dev.relaykit.core.DecodeException}) and the session carries on.
 */
public interface WsListener {

    /**
     * A text message arrived.
     *
     * @param session the session
     * @param text the message
     */
    default void onText(WsSession session, String text) {
    }

    /**
     * A binary message arrived.
     *
     * @param session the session
     * @param bytes the message (the listener owns this array)
     */
    default void onBinary(WsSession session, byte[] bytes) {
    }

    /**
     * The session changed state.
     *
     * @param session the session
     * @param change the transition, with its cause
     */
    default void onStateChange(WsSession session, StateChange change) {
    }

    /**
     * A problem the session survived, or is reconnecting from.
     *
     * @param session the session
     * @param error what went wrong
     */
    default void onError(WsSession session, SessionError error) {
    }
}
