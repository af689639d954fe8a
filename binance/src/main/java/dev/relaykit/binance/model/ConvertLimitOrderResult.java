package dev.relaykit.binance.model;

/**
 * The answer to placing or canceling a Convert limit order ({@code POST /sapi/v1/convert/limit/placeOrder},
 * {@code .../cancelOrder}).
 *
 * @param orderId the order's id
 * @param status its state ({@code PROCESS} after placing, {@code CANCELED} after canceling)
 */
public record ConvertLimitOrderResult(long orderId, ConvertOrderStatus status) {
}
