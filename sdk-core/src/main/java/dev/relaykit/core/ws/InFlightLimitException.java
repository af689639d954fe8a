package dev.relaykit.core.ws;

import dev.relaykit.core.RelayKitException;

/**
 * A {@link WsRpc} refused a new request because as many requests as its limit allows
 * ({@link WsRpc.Builder#maxInFlight(int)}) are already waiting for answers. Nothing was registered
 * or sent: retry when some have been answered, or raise the limit.
 */
public class InFlightLimitException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the limit and what was refused
     */
    public InFlightLimitException(String message) {
        super(message);
    }
}
