package dev.relaykit.pusher;

/**
 * One change of the connection's state, as {@link PusherClient#onStateChange} listeners receive it.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.onStateChange(c -> System.out.println(c.previous() + " -> " + c.current()));
 * }</pre>
 *
 * @param previous the state before
 * @param current the state now
 * @param cause why (the lost connection's failure, a {@link ConnectionRefusedException}), or {@code null}
 */
public record PusherStateChange(PusherConnectionState previous, PusherConnectionState current, Throwable cause) {
}
