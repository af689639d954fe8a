package dev.relaykit.pusher;

/**
 * The server refused a subscription: a {@code pusher:subscription_error} (with the type and HTTP-like
 * status it gave), or a {@code pusher:error} about this channel's signature (Pusher's own service sends
 * {@code "Invalid signature: ..."} with code {@code null} and keeps the connection).
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.subscribe("private-orders").exceptionally(e -> {
 *     if (e.getCause() instanceof SubscriptionException s) System.err.println(s.channel() + ": " + s.status());
 *     return null;
 * });
 * }</pre>
 */
public class SubscriptionException extends PusherException {
    private static final long serialVersionUID = 1L;
    private final String channel;
    private final String type;
    private final Integer status;

    /**
     * @param channel the channel
     * @param type the error type the server named ({@code "AuthError"}), or {@code null}
     * @param status the status the server gave, or {@code null}
     * @param message what the server said
     */
    public SubscriptionException(String channel, String type, Integer status, String message) {
        super("subscription to " + channel + " refused" + (status != null ? " (status " + status + ")" : "")
                + (message != null ? ": " + message : ""), null);
        this.channel = channel;
        this.type = type;
        this.status = status;
    }

    /** @return the channel */
    public String channel() {
        return channel;
    }

    /** @return the error type the server named, or {@code null} */
    public String type() {
        return type;
    }

    /** @return the status the server gave, or {@code null} */
    public Integer status() {
        return status;
    }
}
