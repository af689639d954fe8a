package dev.relaykit.socketio;

import dev.relaykit.core.TransportException;
import java.time.Duration;

/**
 * No handshake within the client's {@linkplain SocketIoClient.Builder#connectTimeout connect timeout}: the Engine.IO
 * {@code OPEN} packet (0.9: the connect frame) did not arrive, or (first connection only) a namespace's
 * {@code CONNECT} was not answered. The message names the likely cause. On a first connection the namespace's
 * {@code connect()} future fails with it; later, a timed-out attempt is retried by the reconnection policy.
 */
public class ConnectTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final transient Duration timeout;

    /**
     * @param message what did not arrive, and the likely cause
     * @param timeout the timeout that ran out
     */
    public ConnectTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** @return the timeout that ran out */
    public Duration timeout() {
        return timeout;
    }
}
