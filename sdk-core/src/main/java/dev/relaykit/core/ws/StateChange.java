package dev.relaykit.core.ws;

import java.time.Duration;
import java.time.Instant;

/**
 * One transition of a session's {@link ConnectionState}, as delivered to
 * {@link WsListener#onStateChange}.
 *
 * @param from the state before
 * @param to the state now
 * @param cause why the transition happened (the failure that dropped the connection, the peer's
 *     close), or {@code null} for an ordinary step such as CONNECTING to OPEN
 * @param attempt for CONNECTING and RECONNECTING: the consecutive reconnect attempt this is part of
 *     (1 for the first reconnect); 0 for the first connection and for other states
 * @param nextDelay for RECONNECTING: how long the session waits before connecting again; otherwise
 *     {@link Duration#ZERO}
 * @param at when it happened
 * @param endpoint the endpoint the session is on (connecting to, open on, or last tried): scheme,
 *     host and port only, never path or query (they can carry tokens); see {@link WsSession#currentEndpoint()}
 */
public record StateChange(ConnectionState from, ConnectionState to, Throwable cause, int attempt,
                          Duration nextDelay, Instant at, String endpoint) {

    /**
     * A state change without an endpoint ({@code endpoint} is {@code null}), as before failover.
     *
     * @param from the state before
     * @param to the state now
     * @param cause why, or {@code null}
     * @param attempt the reconnect attempt, or 0
     * @param nextDelay the delay before the next attempt, or zero
     * @param at when it happened
     */
    public StateChange(ConnectionState from, ConnectionState to, Throwable cause, int attempt,
                       Duration nextDelay, Instant at) {
        this(from, to, cause, attempt, nextDelay, at, null);
    }

    /** @return {@code true} when this is an OPEN that follows a lost connection (subscriptions were replayed) */
    public boolean isReconnect() {
        return to == ConnectionState.OPEN && attempt > 0;
    }
}
