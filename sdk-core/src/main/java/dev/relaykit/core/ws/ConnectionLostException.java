package dev.relaykit.core.ws;

/**
 * A request was (or may have been) sent, and the connection was lost or closed before its answer
 * arrived: <b>whether the server acted on it is unknown</b>. It was not resent, and never is: for an
 * order, check its status (or the account's event stream) before placing it again.
 *
 * <p>Raised by {@link WsRpc} for every request still waiting when its connection drops. A plain
 * {@link NotConnectedException} (not this subtype) means the request was not sent at all.
 *
 * <pre>{@code
 * try {   // for example an order over Binance's WebSocket API (module binance)
 *     binance.wsApi().placeOrder(NewOrder.limit("BTCUSDT", OrderSide.BUY,
 *             new BigDecimal("0.001"), new BigDecimal("50000")).build());
 * } catch (ConnectionLostException e) {
 *     // unknown: look the order up by its client order id before retrying
 * } catch (NotConnectedException e) {
 *     // not sent: safe to retry
 * }
 * }</pre>
 */
public class ConnectionLostException extends NotConnectedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which request, and that its outcome is unknown
     * @param cause the failure that ended the connection, or {@code null} (closed on purpose)
     */
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
