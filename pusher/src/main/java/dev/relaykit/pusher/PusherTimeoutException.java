package dev.relaykit.pusher;

/**
 * Something the client waited for did not come in time: a subscription answer, the
 * {@code pusher:connection_established} of {@link PusherClient#connect()}, a sign-in answer.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.subscribe("news").exceptionally(e -> {
 *     if (e.getCause() instanceof PusherTimeoutException) System.err.println("no answer");
 *     return null;
 * });
 * }</pre>
 */
public class PusherTimeoutException extends PusherException {
    private static final long serialVersionUID = 1L;

    /** @param message what did not come, and the time allowed */
    public PusherTimeoutException(String message) {
        super(message, null);
    }
}
