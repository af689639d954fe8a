package dev.relaykit.binance.futures;

import dev.relaykit.binance.futures.model.PriceMatch;
import dev.relaykit.binance.model.OrderSide;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a batch modify ({@link FuturesTrading#modifyOrders(java.util.List)}, {@code PUT /fapi/v1/batchOrders}
 * or {@code /dapi/v1/batchOrders}): a LIMIT order's new quantity and price, the order named by its id or its client
 * id.
 *
 * <pre>{@code
 * List<BatchOrderResult> results = usdm.trading().modifyOrders(List.of(
 *         OrderModification.of("BTCUSDT", 20072994037L, OrderSide.BUY, new BigDecimal("1"), new BigDecimal("30005")),
 *         OrderModification.ofClientId("BTCUSDT", "my-order-7", OrderSide.SELL, new BigDecimal("1"),
 *                 new BigDecimal("31000"))));
 * }</pre>
 *
 * <p>Checked before anything is sent: a symbol, a side, the order's id or client id, a positive quantity and price
 * (or, on USD-M, a {@link PriceMatch} instead of the price; the page allows one or the other, never both).
 *
 * @param symbol the contract
 * @param orderId the order's id, or {@code null} when {@code origClientOrderId} names it
 * @param origClientOrderId the order's client id, or {@code null} when {@code orderId} names it
 * @param side the order's side (Binance requires it to match)
 * @param quantity the new quantity
 * @param price the new price, or {@code null} with a {@code priceMatch}
 * @param priceMatch USD-M only: a price-match mode instead of the price, or {@code null}
 */
public record OrderModification(String symbol, Long orderId, String origClientOrderId, OrderSide side,
                                BigDecimal quantity, BigDecimal price, PriceMatch priceMatch) {

    /**
     * @param symbol the contract
     * @param orderId the order's id
     * @param side its side
     * @param quantity the new quantity
     * @param price the new price
     * @return the modification
     */
    public static OrderModification of(String symbol, long orderId, OrderSide side, BigDecimal quantity,
                                       BigDecimal price) {
        return new OrderModification(symbol, orderId, null, side, quantity, price, null);
    }

    /**
     * @param symbol the contract
     * @param origClientOrderId the order's client id
     * @param side its side
     * @param quantity the new quantity
     * @param price the new price
     * @return the modification
     */
    public static OrderModification ofClientId(String symbol, String origClientOrderId, OrderSide side,
                                               BigDecimal quantity, BigDecimal price) {
        return new OrderModification(symbol, null, origClientOrderId, side, quantity, price, null);
    }

    /**
     * @param match the price-match mode to use instead of the price (USD-M)
     * @return a copy with that mode and no price
     */
    public OrderModification withPriceMatch(PriceMatch match) {
        return new OrderModification(symbol, orderId, origClientOrderId, side, quantity, null, match);
    }

    /** The entry as the "Modify Multiple Orders" pages document it, after the local checks. */
    Map<String, String> params(ContractRules rules, boolean usdm) {
        rules.symbol(symbol);
        if (side == null) {
            throw new IllegalArgumentException("side is required");
        }
        if (orderId == null && (origClientOrderId == null || origClientOrderId.isBlank())) {
            throw new IllegalArgumentException("orderId or origClientOrderId is required to name the order to modify");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + (quantity == null ? null
                    : quantity.toPlainString()));
        }
        if (priceMatch != null && !usdm) {
            throw new IllegalArgumentException("priceMatch is USD-M only: COIN-M's Modify Multiple Orders page "
                    + "documents no priceMatch");
        }
        if (priceMatch != null && price != null) {
            throw new IllegalArgumentException("send price or priceMatch, not both");
        }
        if (priceMatch == PriceMatch.UNKNOWN) {
            throw new IllegalArgumentException("priceMatch must be a documented mode, was UNKNOWN");
        }
        if (priceMatch == null && (price == null || price.signum() <= 0)) {
            throw new IllegalArgumentException("price must be positive, was " + (price == null ? null
                    : price.toPlainString()));
        }
        Map<String, String> p = new LinkedHashMap<>();
        if (orderId != null) {
            p.put("orderId", orderId.toString());
        }
        if (origClientOrderId != null) {
            p.put("origClientOrderId", origClientOrderId);
        }
        p.put("symbol", symbol);
        p.put("side", side.name());
        p.put("quantity", quantity.toPlainString());
        if (price != null) {
            p.put("price", price.toPlainString());
        }
        if (priceMatch != null) {
            p.put("priceMatch", priceMatch.name());
        }
        return p;
    }
}
