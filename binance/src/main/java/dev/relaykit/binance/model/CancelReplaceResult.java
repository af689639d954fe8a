package dev.relaykit.binance.model;

/**
 * The answer to a cancel-replace ({@code POST /api/v3/order/cancelReplace}): what happened to the
 * cancel and to the new order. On success both are {@link CancelReplaceStatus#SUCCESS}; when either
 * fails Binance answers with an error, which the client throws as
 * {@code dev.relaykit.binance.CancelReplaceException} carrying this same result.
 *
 * @param cancelResult the cancel's outcome
 * @param newOrderResult the new order's outcome
 * @param cancelResponse the canceled order, or {@code null} if the cancel failed
 * @param newOrderResponse the new order, or {@code null} if it failed or was not attempted
 * @param cancelError why the cancel failed, or {@code null}
 * @param newOrderError why the new order failed, or {@code null}
 */
public record CancelReplaceResult(
        CancelReplaceStatus cancelResult,
        CancelReplaceStatus newOrderResult,
        Order cancelResponse,
        Order newOrderResponse,
        Failure cancelError,
        Failure newOrderError) {

    /**
     * Binance's error for one half of a cancel-replace.
     *
     * @param code Binance's error code ({@code -2011} unknown order, {@code -2010} rejected, ...)
     * @param msg Binance's message
     */
    public record Failure(int code, String msg) {
    }
}
