package dev.relaykit.pusher;

/**
 * A channel authorization or user authentication could not be had: the HTTP endpoint was unreachable
 * ({@link #httpStatus()} 0, the cause says why), refused ({@code 403} and the like), or answered
 * something that is not an auth answer; or a pluggable authorizer failed.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.subscribe("private-orders").exceptionally(e -> {
 *     if (e.getCause() instanceof AuthorizationException a && a.httpStatus() == 403) System.err.println("not allowed");
 *     return null;
 * });
 * }</pre>
 */
public class AuthorizationException extends PusherException {
    private static final long serialVersionUID = 1L;
    private final String channel;
    private final int httpStatus;

    /**
     * @param channel the channel being authorized, or {@code null} for user sign-in
     * @param httpStatus the endpoint's HTTP status, or 0 when there was no HTTP answer
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null}
     */
    public AuthorizationException(String channel, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.channel = channel;
        this.httpStatus = httpStatus;
    }

    /** @return the channel, or {@code null} when this was a user sign-in */
    public String channel() {
        return channel;
    }

    /** @return the auth endpoint's HTTP status, or 0 when it gave none (unreachable, or not an HTTP authorizer) */
    public int httpStatus() {
        return httpStatus;
    }
}
