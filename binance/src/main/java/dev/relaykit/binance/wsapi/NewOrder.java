package dev.relaykit.binance.wsapi;

import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.TimeInForce;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of a new order ({@code order.place}, {@code order.test}, the new half of
 * {@code order.cancelReplace}), checked locally before anything is sent: the mandatory parameters
 * of each order type (Binance documentation, "Place new order"), positive quantities and prices.
 *
 * <pre>{@code
 * NewOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("0.001"), new BigDecimal("50000"), TimeInForce.GTC);
 * NewOrder.market("BTCUSDT", OrderSide.SELL, new BigDecimal("0.001"));
 * NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.STOP_LOSS_LIMIT)
 *         .quantity(new BigDecimal("0.001")).price(new BigDecimal("49000")).stopPrice(new BigDecimal("49500"))
 *         .timeInForce(TimeInForce.GTC).newClientOrderId("my-stop-1").build();
 * }</pre>
 */
public final class NewOrder {
    private final String symbol;
    private final OrderType type;
    private final Map<String, Object> params;

    private NewOrder(Builder b) {
        this.symbol = b.symbol;
        this.type = b.type;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    }

    /**
     * @param symbol the symbol, e.g. {@code BTCUSDT}
     * @param side buy or sell
     * @param type the order type
     * @return a builder
     * @throws IllegalArgumentException if the symbol is blank or side/type is missing or UNKNOWN
     */
    public static Builder builder(String symbol, OrderSide side, OrderType type) {
        return new Builder(symbol, side, type);
    }

    /**
     * A limit order.
     *
     * @param symbol symbol
     * @param side side
     * @param quantity base quantity, positive
     * @param price limit price, positive
     * @param timeInForce time in force
     * @return the order
     */
    public static NewOrder limit(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price,
                                 TimeInForce timeInForce) {
        return builder(symbol, side, OrderType.LIMIT).quantity(quantity).price(price).timeInForce(timeInForce).build();
    }

    /**
     * A market order for a base quantity.
     *
     * @param symbol symbol
     * @param side side
     * @param quantity base quantity, positive
     * @return the order
     */
    public static NewOrder market(String symbol, OrderSide side, BigDecimal quantity) {
        return builder(symbol, side, OrderType.MARKET).quantity(quantity).build();
    }

    /**
     * A market order for an amount of the quote asset ({@code quoteOrderQty}).
     *
     * @param symbol symbol
     * @param side side
     * @param quoteOrderQty quote amount to spend (buy) or receive (sell), positive
     * @return the order
     */
    public static NewOrder marketQuote(String symbol, OrderSide side, BigDecimal quoteOrderQty) {
        return builder(symbol, side, OrderType.MARKET).quoteOrderQty(quoteOrderQty).build();
    }

    /** @return the symbol */
    public String symbol() {
        return symbol;
    }

    /** @return the order type */
    public OrderType type() {
        return type;
    }

    /** @return the request parameters, in the order set (unmodifiable) */
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public String toString() {
        return "NewOrder" + params;
    }

    /** Builds a {@link NewOrder}; {@link #build()} checks it. */
    public static final class Builder {
        private final String symbol;
        private final OrderType type;
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Builder(String symbol, OrderSide side, OrderType type) {
            this.symbol = WsApiClient.requireSymbol(symbol);
            if (side == null || side == OrderSide.UNKNOWN) {
                throw new IllegalArgumentException("side must be BUY or SELL, was " + side);
            }
            if (type == null || type == OrderType.UNKNOWN) {
                throw new IllegalArgumentException("order type is missing (was " + type + ")");
            }
            this.type = type;
            params.put("symbol", this.symbol);
            params.put("side", side);
            params.put("type", type);
        }

        /**
         * @param quantity base quantity, positive
         * @return this
         */
        public Builder quantity(BigDecimal quantity) {
            return put("quantity", WsApiClient.positive(quantity, "quantity"));
        }

        /**
         * @param quoteOrderQty quote quantity (MARKET orders), positive
         * @return this
         */
        public Builder quoteOrderQty(BigDecimal quoteOrderQty) {
            return put("quoteOrderQty", WsApiClient.positive(quoteOrderQty, "quoteOrderQty"));
        }

        /**
         * @param price limit price, positive
         * @return this
         */
        public Builder price(BigDecimal price) {
            return put("price", WsApiClient.positive(price, "price"));
        }

        /**
         * @param stopPrice trigger price, positive
         * @return this
         */
        public Builder stopPrice(BigDecimal stopPrice) {
            return put("stopPrice", WsApiClient.positive(stopPrice, "stopPrice"));
        }

        /**
         * @param trailingDelta trailing stop delta in basis points, positive
         * @return this
         */
        public Builder trailingDelta(long trailingDelta) {
            if (trailingDelta <= 0) {
                throw new IllegalArgumentException("trailingDelta must be positive, was " + trailingDelta);
            }
            return put("trailingDelta", trailingDelta);
        }

        /**
         * @param timeInForce GTC, IOC or FOK
         * @return this
         */
        public Builder timeInForce(TimeInForce timeInForce) {
            if (timeInForce == null || timeInForce == TimeInForce.UNKNOWN) {
                throw new IllegalArgumentException("timeInForce must be GTC, IOC or FOK, was " + timeInForce);
            }
            return put("timeInForce", timeInForce);
        }

        /**
         * @param icebergQty visible quantity of an iceberg order, positive
         * @return this
         */
        public Builder icebergQty(BigDecimal icebergQty) {
            return put("icebergQty", WsApiClient.positive(icebergQty, "icebergQty"));
        }

        /**
         * @param clientOrderId your id for the order (unique among open orders)
         * @return this
         */
        public Builder newClientOrderId(String clientOrderId) {
            if (clientOrderId == null || clientOrderId.isBlank()) {
                throw new IllegalArgumentException("newClientOrderId is empty");
            }
            return put("newClientOrderId", clientOrderId);
        }

        /**
         * @param respType {@code ACK}, {@code RESULT} or {@code FULL}
         * @return this
         */
        public Builder newOrderRespType(String respType) {
            if (!"ACK".equals(respType) && !"RESULT".equals(respType) && !"FULL".equals(respType)) {
                throw new IllegalArgumentException("newOrderRespType must be ACK, RESULT or FULL, was " + respType);
            }
            return put("newOrderRespType", respType);
        }

        /**
         * Any other parameter Binance documents (selfTradePreventionMode, strategyId, pegPriceType, ...).
         *
         * @param name the parameter name
         * @param value its value (String, number, BigDecimal, Boolean or enum)
         * @return this
         */
        public Builder param(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "value of " + name);
            return put(name, value);
        }

        private Builder put(String name, Object value) {
            params.put(name, value);
            return this;
        }

        /**
         * @return the order
         * @throws IllegalArgumentException if a parameter its type requires is missing
         */
        public NewOrder build() {
            boolean pegged = params.containsKey("pegPriceType");
            switch (type) {
                case LIMIT -> require("timeInForce", "quantity", pegged ? null : "price");
                case LIMIT_MAKER -> require("quantity", pegged ? null : "price");
                case MARKET -> {
                    if (params.containsKey("quantity") == params.containsKey("quoteOrderQty")) {
                        throw new IllegalArgumentException("a MARKET order needs exactly one of quantity and quoteOrderQty");
                    }
                }
                case STOP_LOSS, TAKE_PROFIT -> {
                    require("quantity");
                    requireTrigger();
                }
                case STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> {
                    require("timeInForce", "quantity", pegged ? null : "price");
                    requireTrigger();
                }
                default -> throw new IllegalArgumentException("unsupported order type " + type);
            }
            return new NewOrder(this);
        }

        private void require(String... names) {
            for (String n : names) {
                if (n != null && !params.containsKey(n)) {
                    throw new IllegalArgumentException("a " + type + " order needs " + n);
                }
            }
        }

        private void requireTrigger() {
            if (!params.containsKey("stopPrice") && !params.containsKey("trailingDelta")) {
                throw new IllegalArgumentException("a " + type + " order needs stopPrice or trailingDelta");
            }
        }
    }
}
