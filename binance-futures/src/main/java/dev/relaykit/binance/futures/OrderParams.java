package dev.relaykit.binance.futures;

import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link NewFuturesOrder} as the parameters of each endpoint that takes one: the matching engine's
 * ({@code /fapi/v1/order}, {@code /order/test}, {@code /dapi/v1/order}, batch entries) and USD-M's algo-order
 * service ({@code /fapi/v1/algoOrder}), whose names differ ({@code triggerPrice} / {@code stopPrice},
 * {@code activatePrice} / {@code activationPrice}, {@code clientAlgoId} / {@code newClientOrderId}).
 */
final class OrderParams {
    private OrderParams() {
    }

    /** @return the order as the matching engine's endpoints document it, in a stable order */
    static Map<String, String> regular(NewFuturesOrder o) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "symbol", o.symbol());
        put(p, "side", o.side());
        put(p, "positionSide", o.positionSide());
        put(p, "type", o.type());
        put(p, "timeInForce", o.timeInForce());
        put(p, "quantity", o.quantity());
        put(p, "reduceOnly", o.reduceOnly());
        put(p, "price", o.price());
        put(p, "newClientOrderId", o.clientOrderId());
        put(p, "stopPrice", o.triggerPrice());
        put(p, "closePosition", o.closePosition());
        put(p, "activationPrice", o.activationPrice());
        put(p, "callbackRate", o.callbackRate());
        put(p, "workingType", o.workingType());
        put(p, "priceProtect", o.priceProtect() == null ? null : o.priceProtect() ? "TRUE" : "FALSE");
        put(p, "priceMatch", o.priceMatch());
        put(p, "selfTradePreventionMode", o.selfTradePreventionMode());
        put(p, "goodTillDate", o.goodTillDate() == null ? null : o.goodTillDate().toEpochMilli());
        return p;
    }

    /** @return the order as "New Algo Order" documents it ({@code algoType=CONDITIONAL}) */
    static Map<String, String> algo(NewFuturesOrder o) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "algoType", "CONDITIONAL");
        put(p, "symbol", o.symbol());
        put(p, "side", o.side());
        put(p, "positionSide", o.positionSide());
        put(p, "type", o.type());
        put(p, "timeInForce", o.timeInForce());
        put(p, "quantity", o.quantity());
        put(p, "price", o.price());
        put(p, "triggerPrice", o.triggerPrice());
        put(p, "workingType", o.workingType());
        put(p, "priceMatch", o.priceMatch());
        put(p, "closePosition", o.closePosition());
        put(p, "priceProtect", o.priceProtect() == null ? null : o.priceProtect() ? "TRUE" : "FALSE");
        put(p, "reduceOnly", o.reduceOnly());
        put(p, "activatePrice", o.activationPrice());
        put(p, "callbackRate", o.callbackRate());
        put(p, "clientAlgoId", o.clientOrderId());
        put(p, "selfTradePreventionMode", o.selfTradePreventionMode());
        put(p, "goodTillDate", o.goodTillDate() == null ? null : o.goodTillDate().toEpochMilli());
        return p;
    }

    static RestRequest.Builder apply(RestRequest.Builder b, Map<String, String> params) {
        params.forEach(b::param);
        return b;
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value == null) {
            return;
        }
        p.put(name, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }
}
