package dev.relaykit.core.ws;

import dev.relaykit.core.RelayKitException;

/**
 * {@link WsSession#send(String)} was refused because the session's bounded outgoing queue is full,
 * usually because the outgoing rate limit is holding messages back faster than they are added.
 * Nothing was queued; slow down or raise {@link WsSession.Builder#outgoingQueueCapacity(int)}.
 */
public class OutgoingQueueFullException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the capacity and what was refused
     */
    public OutgoingQueueFullException(String message) {
        super(message);
    }
}
