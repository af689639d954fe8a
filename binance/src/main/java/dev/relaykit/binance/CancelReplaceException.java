package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.model.CancelReplaceResult;
import dev.relaykit.binance.model.CancelReplaceStatus;
import dev.relaykit.binance.model.Order;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;

/**
 * A cancel-replace that failed in whole or in part: Binance's -2022 ("Order cancel-replace failed.")
 * or -2021 ("Order cancel-replace partially failed."). {@link #result()} says what happened to each
 * half. Read it before retrying anything: with -2021 one half did go through (HTTP 409: the new order
 * may be live although the cancel failed, or the order was canceled and the new one refused).
 *
 * <pre>{@code
 * CancelReplace move = CancelReplace.of(CancelReplaceMode.ALLOW_FAILURE,
 *         NewOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("0.001"), new BigDecimal("49500")).build())
 *         .cancelOrderId(12345L).build();
 * try {
 *     binance.trading().cancelReplace(move);
 * } catch (CancelReplaceException e) {
 *     if (e.result().newOrderResult() == CancelReplaceStatus.SUCCESS) {
 *         Order live = e.result().newOrderResponse();   // the cancel failed but the new order is live
 *     }
 * }
 * }</pre>
 */
public class CancelReplaceException extends BinanceApiException {
    private static final long serialVersionUID = 1L;

    private final transient CancelReplaceResult result;

    /**
     * @param httpStatus the HTTP status (400 or 409)
     * @param binanceCode Binance's code (-2021 or -2022)
     * @param message Binance's message
     * @param result what happened to the cancel and to the new order
     */
    public CancelReplaceException(int httpStatus, int binanceCode, String message, CancelReplaceResult result) {
        super(httpStatus, binanceCode, message + " (cancel " + result.cancelResult() + describe(result.cancelError())
                + ", new order " + result.newOrderResult() + describe(result.newOrderError()) + ")");
        this.result = result;
    }

    /** @return what happened to the cancel and to the new order */
    public CancelReplaceResult result() {
        return result;
    }

    private static String describe(CancelReplaceResult.Failure f) {
        return f == null ? "" : ": " + f.code() + " " + f.msg();
    }

    /**
     * Reads Binance's cancel-replace error shape ({@code {"code":-2022,"msg":..,"data":{"cancelResult":..}}}).
     *
     * @return the exception, or {@code null} when the body is not a cancel-replace error
     */
    static CancelReplaceException from(int status, int code, String message, String body) {
        if (body == null || !body.contains("cancelResult")) {
            return null;
        }
        JsonNode data;
        try {
            data = Json.tree(body).path("data");
        } catch (RelayKitException notJson) {
            return null;
        }
        if (!data.has("cancelResult")) {
            return null;
        }
        return new CancelReplaceException(status, code, message, result(data));
    }

    /** Decodes the cancel-replace answer (success body, or the {@code data} of an error). */
    static CancelReplaceResult result(JsonNode node) {
        JsonNode cancel = node.path("cancelResponse");
        JsonNode placed = node.path("newOrderResponse");
        return new CancelReplaceResult(
                status(node.path("cancelResult")), status(node.path("newOrderResult")),
                isOrder(cancel) ? Json.read(cancel, Order.class) : null,
                isOrder(placed) ? Json.read(placed, Order.class) : null,
                failure(cancel), failure(placed));
    }

    private static CancelReplaceStatus status(JsonNode n) {
        return n.isMissingNode() ? null : Json.read(n, CancelReplaceStatus.class);
    }

    private static boolean isOrder(JsonNode n) {
        return n.isObject() && !n.has("code");
    }

    private static CancelReplaceResult.Failure failure(JsonNode n) {
        return n.isObject() && n.has("code") ? new CancelReplaceResult.Failure(n.path("code").asInt(), n.path("msg").asText())
                : null;
    }
}
