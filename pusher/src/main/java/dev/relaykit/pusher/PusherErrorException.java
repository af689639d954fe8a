package dev.relaykit.pusher;

/**
 * A {@code pusher:error} event: the server's message and its code, which may be {@code null} (Pusher's
 * "Invalid signature" answer has none). The connection stays open.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.onError(e -> {
 *     if (e instanceof PusherErrorException p && p.code() != null && p.code() == 4301) System.err.println("slow down");
 * });
 * }</pre>
 */
public class PusherErrorException extends PusherException {
    private static final long serialVersionUID = 1L;
    private final Integer code;
    private final String serverMessage;

    /**
     * @param code the error code, or {@code null}
     * @param serverMessage the server's message, or {@code null}
     */
    public PusherErrorException(Integer code, String serverMessage) {
        super("pusher:error" + (code != null ? " " + code : "") + ": " + serverMessage, null);
        this.code = code;
        this.serverMessage = serverMessage;
    }

    /** @return the error code, or {@code null} when the server gave none */
    public Integer code() {
        return code;
    }

    /** @return the server's message, or {@code null} */
    public String serverMessage() {
        return serverMessage;
    }
}
