package dev.relaykit.core;

/**
 * The service answered with an error of its own: Binance's {@code {"code":-1121,"msg":"Invalid symbol."}},
 * a Graph API error object, a Bot API {@code ok:false}.
 *
 * <p>{@link #code()} is the service's own error code as text (Binance's {@code "-1121"}, Meta's
 * {@code "131047"}), {@link #serviceMessage()} the service's own message, and {@link #httpStatus()}
 * the HTTP status ({@code 0} where the error did not come over HTTP, for example on a WebSocket).
 */
public class ApiException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String serviceMessage;

    /**
     * @param service the service's name, for the message ("binance")
     * @param httpStatus the HTTP status, or 0 when not over HTTP
     * @param code the service's error code, or {@code null} if it gave none
     * @param serviceMessage the service's error message, or {@code null} if it gave none
     */
    public ApiException(String service, int httpStatus, String code, String serviceMessage) {
        super(describe(service, httpStatus, code, serviceMessage));
        this.httpStatus = httpStatus;
        this.code = code;
        this.serviceMessage = serviceMessage;
    }

    private static String describe(String service, int httpStatus, String code, String msg) {
        StringBuilder sb = new StringBuilder(service).append(" error");
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (httpStatus > 0) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (msg != null) {
            sb.append(": ").append(msg);
        }
        return sb.toString();
    }

    /** @return the HTTP status, or 0 when the error did not come over HTTP */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the service's own error code, or {@code null} if it gave none */
    public String code() {
        return code;
    }

    /** @return the service's own error message, or {@code null} if it gave none */
    public String serviceMessage() {
        return serviceMessage;
    }
}
