package dev.relaykit.pusher;

/**
 * The server closed the connection with a code from 4001-4099 ("do not reconnect unchanged"): the
 * app does not exist (4001), is disabled (4003), is over its connection quota (4004), the path or
 * protocol is wrong (4005-4008), or the connection is unauthorized (4009). The client stops
 * ({@link PusherConnectionState#FAILED}) instead of retrying what cannot work.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.connect().exceptionally(e -> {
 *     if (e instanceof ConnectionRefusedException r) System.err.println("refused: " + r.code() + " " + r.reason());
 *     return null;
 * });
 * }</pre>
 */
public class ConnectionRefusedException extends PusherException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String reason;

    /**
     * @param code the close code
     * @param reason the close reason
     */
    public ConnectionRefusedException(int code, String reason) {
        super("the Pusher server refused the connection and it is not retried: close code " + code + " ("
                + describe(code) + ")" + (reason == null || reason.isEmpty() ? "" : ", reason: " + reason), null);
        this.code = code;
        this.reason = reason;
    }

    private static String describe(int code) {
        return switch (code) {
            case 4001 -> "application does not exist";
            case 4003 -> "application disabled";
            case 4004 -> "application is over its connection quota";
            case 4005 -> "path not found";
            case 4006 -> "invalid version string format";
            case 4007 -> "unsupported protocol version";
            case 4008 -> "no protocol version supplied";
            case 4009 -> "connection is unauthorized";
            default -> "do not reconnect unchanged";
        };
    }

    /** @return the close code, 4001-4099 (or 4000 when the server asks for TLS on a TLS connection) */
    public int code() {
        return code;
    }

    /** @return the close reason the server sent, possibly empty */
    public String reason() {
        return reason;
    }
}
