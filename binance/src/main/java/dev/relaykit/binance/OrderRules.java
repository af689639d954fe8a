package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.PegOffsetType;
import dev.relaykit.binance.model.PegPriceType;
import dev.relaykit.binance.model.TimeInForce;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Binance's "additional mandatory parameters per order type" table (New order, TRADE), checked
 * locally so a malformed order fails before it is sent. Shared by single orders and order-list legs.
 */
final class OrderRules {
    private static final Set<OrderType> LIMIT_PRICED = EnumSet.of(OrderType.LIMIT, OrderType.LIMIT_MAKER,
            OrderType.STOP_LOSS_LIMIT, OrderType.TAKE_PROFIT_LIMIT);
    private static final Set<OrderType> TRIGGERED = EnumSet.of(OrderType.STOP_LOSS, OrderType.STOP_LOSS_LIMIT,
            OrderType.TAKE_PROFIT, OrderType.TAKE_PROFIT_LIMIT);
    private static final Set<OrderType> NEEDS_TIME_IN_FORCE = EnumSet.of(OrderType.LIMIT,
            OrderType.STOP_LOSS_LIMIT, OrderType.TAKE_PROFIT_LIMIT);

    private OrderRules() {
    }

    static OrderSide side(String what, OrderSide side) {
        if (side == null || side == OrderSide.UNKNOWN) {
            throw new IllegalArgumentException(what + "side must be BUY or SELL, was " + side);
        }
        return side;
    }

    static OrderType type(String what, OrderType type) {
        if (type == null || type == OrderType.UNKNOWN) {
            throw new IllegalArgumentException(what + "type is required (LIMIT, MARKET, STOP_LOSS, ...), was " + type);
        }
        return type;
    }

    /**
     * @param what a prefix naming the order in messages ("" for a single order, "above order: " for a leg)
     * @param quantity the base quantity, or {@code null}
     * @param quoteOrderQty the quote quantity (MARKET only), or {@code null}
     */
    static void check(String what, OrderType type, BigDecimal quantity, BigDecimal quoteOrderQty, BigDecimal price,
            BigDecimal stopPrice, Long trailingDelta, TimeInForce timeInForce, BigDecimal icebergQty,
            Long strategyType, PegPriceType pegPriceType, PegOffsetType pegOffsetType, Integer pegOffsetValue) {
        String t = what + type + " order";
        Params.positiveOrNull(what + "quantity", quantity);
        Params.positiveOrNull(what + "quoteOrderQty", quoteOrderQty);
        Params.positiveOrNull(what + "price", price);
        Params.positiveOrNull(what + "stopPrice", stopPrice);
        Params.positiveOrNull(what + "icebergQty", icebergQty);
        if (trailingDelta != null && trailingDelta <= 0) {
            throw new IllegalArgumentException(what + "trailingDelta must be positive (basis points), was " + trailingDelta);
        }
        if (timeInForce == TimeInForce.UNKNOWN) {
            throw new IllegalArgumentException(what + "timeInForce must be GTC, IOC or FOK");
        }
        if (strategyType != null && strategyType < 1_000_000) {
            throw new IllegalArgumentException(what + "strategyType must be at least 1000000, was " + strategyType);
        }
        if (type == OrderType.MARKET) {
            if ((quantity == null) == (quoteOrderQty == null)) {
                throw new IllegalArgumentException(t + " needs exactly one of quantity or quoteOrderQty");
            }
        } else {
            if (quoteOrderQty != null) {
                throw new IllegalArgumentException(what + "quoteOrderQty is only for MARKET orders, not " + type);
            }
            if (quantity == null) {
                throw new IllegalArgumentException(t + " needs quantity");
            }
        }
        if (LIMIT_PRICED.contains(type)) {
            if (price == null && pegPriceType == null) {
                throw new IllegalArgumentException(t + " needs price (or pegPriceType)");
            }
        } else if (price != null) {
            throw new IllegalArgumentException(t + " takes no price (use a LIMIT type for a limit price)");
        }
        if (NEEDS_TIME_IN_FORCE.contains(type) && timeInForce == null) {
            throw new IllegalArgumentException(t + " needs timeInForce");
        }
        if (TRIGGERED.contains(type)) {
            if (stopPrice == null && trailingDelta == null) {
                throw new IllegalArgumentException(t + " needs stopPrice or trailingDelta (or both)");
            }
        } else if (stopPrice != null || trailingDelta != null) {
            throw new IllegalArgumentException(t + " takes no stopPrice or trailingDelta");
        }
        if (icebergQty != null) {
            if (!LIMIT_PRICED.contains(type)) {
                throw new IllegalArgumentException(what + "icebergQty is only for LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT and "
                        + "TAKE_PROFIT_LIMIT orders, not " + type);
            }
            if (type != OrderType.LIMIT_MAKER && timeInForce != TimeInForce.GTC) {
                throw new IllegalArgumentException(what + "an iceberg order needs timeInForce GTC, was " + timeInForce);
            }
        }
        if (pegPriceType != null || pegOffsetType != null || pegOffsetValue != null) {
            if (!LIMIT_PRICED.contains(type)) {
                throw new IllegalArgumentException(what + "pegged orders must be LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT or "
                        + "TAKE_PROFIT_LIMIT, not " + type);
            }
            if (pegPriceType == null || pegPriceType == PegPriceType.UNKNOWN) {
                throw new IllegalArgumentException(what + "pegOffsetType/pegOffsetValue need pegPriceType "
                        + "(PRIMARY_PEG or MARKET_PEG)");
            }
            if ((pegOffsetType == null) != (pegOffsetValue == null) || pegOffsetType == PegOffsetType.UNKNOWN) {
                throw new IllegalArgumentException(what + "pegOffsetType (PRICE_LEVEL) and pegOffsetValue go together");
            }
            if (pegOffsetValue != null && (pegOffsetValue < 0 || pegOffsetValue > 100)) {
                throw new IllegalArgumentException(what + "pegOffsetValue must be between 0 and 100, was " + pegOffsetValue);
            }
        }
    }
}
