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
 */
public record StateChange(ConnectionState from, ConnectionState to, Throwable cause, int attempt,
                          Duration nextDelay, Instant at) {

    /** @return {@code true} when this is an OPEN that follows a lost connection (subscriptions were replayed) */
    public boolean isReconnect() {
        return to == ConnectionState.OPEN && attempt > 0;
    }
}
