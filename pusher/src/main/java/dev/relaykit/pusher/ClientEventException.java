package dev.relaykit.pusher;

/**
 * A client event was refused before anything was sent: its name lacks the {@code client-} prefix, the
 * channel is public or encrypted (Pusher allows client events on private and presence channels only,
 * and no library encrypts them), the channel is not subscribed, or too many events wait for the
 * 10-per-second pace.
 *
 * <pre>{@code
 * PusherChannel publicChannel = PusherClient.builder("app-key").cluster("eu").build().channel("news");
 * try {
 *     publicChannel.trigger("client-typing", Map.of("user", "ann"));
 * } catch (ClientEventException e) {
 *     // "client events are allowed on private- and presence- channels only; news is public"
 * }
 * }</pre>
 */
public class ClientEventException extends PusherException {
    private static final long serialVersionUID = 1L;

    /** @param message why the event was refused */
    public ClientEventException(String message) {
        super(message, null);
    }
}
