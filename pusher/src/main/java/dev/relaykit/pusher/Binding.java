package dev.relaykit.pusher;

/**
 * A bound listener; {@link #unbind()} (or {@code close()}) removes it. Unbinding twice does nothing.
 *
 * <pre>{@code
 * PusherChannel channel = PusherClient.builder("app-key").cluster("eu").build().channel("prices");
 * Binding b = channel.bind("price", e -> System.out.println(e.data()));
 * b.unbind();
 * }</pre>
 */
public interface Binding extends AutoCloseable {
    /** Removes the listener. */
    void unbind();

    /** Same as {@link #unbind()}. */
    @Override
    default void close() {
        unbind();
    }
}
