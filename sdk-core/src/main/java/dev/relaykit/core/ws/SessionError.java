package dev.relaykit.core.ws;

import java.time.Instant;

/**
 * Something went wrong that the session survived (or reconnected from), as delivered to
 * {@link WsListener#onError}.
 *
 * @param kind what kind of problem
 * @param message a description for a person, never containing secrets
 * @param cause the underlying exception, or {@code null}
 * @param at when it happened
 */
public record SessionError(Kind kind, String message, Throwable cause, Instant at) {

    /** The kinds of problems a session reports. */
    public enum Kind {
        /** The connection failed or was dropped; the session reconnects if its policy allows. */
        TRANSPORT,
        /** A ping went unanswered for longer than the heartbeat timeout; the connection was dropped. */
        HEARTBEAT_TIMEOUT,
        /** No message arrived for longer than the watchdog allows; the connection was dropped. */
        SILENCE,
        /** A message could not be decoded (a listener threw {@link dev.relaykit.core.DecodeException}). */
        MALFORMED_MESSAGE,
        /** A message was larger than the session's limit and was discarded. */
        OVERSIZED_MESSAGE,
        /** A binary frame arrived where text was expected, or the reverse; it was discarded. */
        UNEXPECTED_FRAME_TYPE,
        /** A listener threw; the session carries on. */
        LISTENER
    }
}
