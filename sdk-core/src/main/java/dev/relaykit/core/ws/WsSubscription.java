package dev.relaykit.core.ws;

/**
 * A subscription registered on a {@link WsSession}: its subscribe frame is sent now (if the
 * session is open) and again after every reconnect, in registration order, until it is closed.
 *
 * <p>{@link #close()} removes it and sends its unsubscribe frame if the session is open. Closing
 * twice is harmless.
 */
public interface WsSubscription extends AutoCloseable {

    /** @return a session-unique id, in registration order */
    long id();

    /** @return {@code true} until {@link #close()} is called or the session ends */
    boolean isActive();

    /** Unsubscribes: stops replaying, and sends the unsubscribe frame if the session is open. */
    @Override
    void close();
}
