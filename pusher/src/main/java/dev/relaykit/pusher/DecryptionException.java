package dev.relaykit.pusher;

/**
 * An event on a {@code private-encrypted-} channel did not decrypt, even after one fresh authorization
 * fetched a new shared secret: it was tampered with, or encrypted with another key. The event is
 * dropped (never delivered as plaintext it is not) and the channel stays subscribed.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.onError(e -> { if (e instanceof DecryptionException d) System.err.println(d.channel() + " " + d.event()); });
 * }</pre>
 */
public class DecryptionException extends PusherException {
    private static final long serialVersionUID = 1L;
    private final String channel;
    private final String event;

    /**
     * @param channel the encrypted channel
     * @param event the event name
     * @param message why
     */
    public DecryptionException(String channel, String event, String message) {
        super("event " + event + " on " + channel + " could not be decrypted: " + message, null);
        this.channel = channel;
        this.event = event;
    }

    /** @return the channel */
    public String channel() {
        return channel;
    }

    /** @return the event name */
    public String event() {
        return event;
    }
}
