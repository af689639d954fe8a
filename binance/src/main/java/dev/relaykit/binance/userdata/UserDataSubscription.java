package dev.relaykit.binance.userdata;

/**
 * The user data subscription of a WebSocket API client. It survives reconnects: after each one it
 * subscribes again and reports the gap to {@link UserDataListener#onGap}. Close it to unsubscribe.
 */
public interface UserDataSubscription extends AutoCloseable {

    /** @return {@code true} while Binance has confirmed the subscription on the current connection */
    boolean isActive();

    /** @return Binance's {@code subscriptionId} on the current connection, or -1 when not subscribed */
    long subscriptionId();

    /** Unsubscribes ({@code userDataStream.unsubscribe}) and stops re-subscribing after reconnects. */
    @Override
    void close();
}
