package dev.relaykit.binance.futures.model;

/**
 * One entry of a batch answer ({@code POST/PUT/DELETE /fapi/v1/batchOrders}): the order, or Binance's error for
 * that entry, in the order the batch was sent. One entry failing does not fail the others.
 *
 * <pre>{@code
 * for (BatchOrderResult r : results) {
 *     System.out.println(r.ok() ? "placed " + r.order().orderId() : "refused " + r.code() + " " + r.msg());
 * }
 * }</pre>
 *
 * @param order the order, or {@code null} if this entry failed
 * @param code Binance's error code, or {@code null}
 * @param msg Binance's error message, or {@code null}
 */
public record BatchOrderResult(FuturesOrder order, Integer code, String msg) {

    /** @return whether this entry succeeded */
    public boolean ok() {
        return order != null;
    }
}
