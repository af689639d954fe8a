package dev.relaykit.binance;

import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.PegOffsetType;
import dev.relaykit.binance.model.PegPriceType;
import dev.relaykit.binance.model.TimeInForce;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;

/**
 * One order of an order list (the above or below order of an OCO, the working or pending order of an
 * OTO/OPO, ...): its type, prices and options. Side and quantity belong to the list.
 *
 * <pre>{@code
 * OrderLeg takeProfit = OrderLeg.limitMaker(new BigDecimal("3.0"));
 * OrderLeg stop = OrderLeg.stopLossLimit(new BigDecimal("1.0"), new BigDecimal("1.1"), TimeInForce.GTC);
 * OrderLeg trailing = OrderLeg.builder(OrderType.STOP_LOSS).trailingDelta(200).build();
 * }</pre>
 *
 * <p>Each leg is checked against the same per-type rules as {@link NewOrder} when the list is built.
 */
public final class OrderLeg {
    private final OrderType type;
    private final BigDecimal price;
    private final BigDecimal stopPrice;
    private final Long trailingDelta;
    private final TimeInForce timeInForce;
    private final BigDecimal icebergQty;
    private final String clientOrderId;
    private final Long strategyId;
    private final Long strategyType;
    private final PegPriceType pegPriceType;
    private final PegOffsetType pegOffsetType;
    private final Integer pegOffsetValue;

    private OrderLeg(Builder b) {
        this.type = OrderRules.type("", b.type);
        this.price = b.price;
        this.stopPrice = b.stopPrice;
        this.trailingDelta = b.trailingDelta;
        this.timeInForce = b.timeInForce;
        this.icebergQty = b.icebergQty;
        this.clientOrderId = b.clientOrderId;
        this.strategyId = b.strategyId;
        this.strategyType = b.strategyType;
        this.pegPriceType = b.pegPriceType;
        this.pegOffsetType = b.pegOffsetType;
        this.pegOffsetValue = b.pegOffsetValue;
    }

    /**
     * @param type the leg's order type
     * @return a builder
     */
    public static Builder builder(OrderType type) {
        return new Builder(type);
    }

    /**
     * @param price the limit price
     * @param timeInForce GTC, IOC or FOK
     * @return a LIMIT leg
     */
    public static OrderLeg limit(BigDecimal price, TimeInForce timeInForce) {
        return builder(OrderType.LIMIT).price(price).timeInForce(timeInForce).build();
    }

    /**
     * @param price the limit price
     * @return a LIMIT_MAKER (post-only) leg
     */
    public static OrderLeg limitMaker(BigDecimal price) {
        return builder(OrderType.LIMIT_MAKER).price(price).build();
    }

    /** @return a MARKET leg (for the pending order of an OTO or OPO) */
    public static OrderLeg market() {
        return builder(OrderType.MARKET).build();
    }

    /**
     * @param stopPrice the trigger price
     * @return a STOP_LOSS leg (market order when triggered)
     */
    public static OrderLeg stopLoss(BigDecimal stopPrice) {
        return builder(OrderType.STOP_LOSS).stopPrice(stopPrice).build();
    }

    /**
     * @param stopPrice the trigger price
     * @param price the limit price once triggered
     * @param timeInForce GTC, IOC or FOK
     * @return a STOP_LOSS_LIMIT leg
     */
    public static OrderLeg stopLossLimit(BigDecimal stopPrice, BigDecimal price, TimeInForce timeInForce) {
        return builder(OrderType.STOP_LOSS_LIMIT).stopPrice(stopPrice).price(price).timeInForce(timeInForce).build();
    }

    /**
     * @param stopPrice the trigger price
     * @return a TAKE_PROFIT leg (market order when triggered)
     */
    public static OrderLeg takeProfit(BigDecimal stopPrice) {
        return builder(OrderType.TAKE_PROFIT).stopPrice(stopPrice).build();
    }

    /**
     * @param stopPrice the trigger price
     * @param price the limit price once triggered
     * @param timeInForce GTC, IOC or FOK
     * @return a TAKE_PROFIT_LIMIT leg
     */
    public static OrderLeg takeProfitLimit(BigDecimal stopPrice, BigDecimal price, TimeInForce timeInForce) {
        return builder(OrderType.TAKE_PROFIT_LIMIT).stopPrice(stopPrice).price(price).timeInForce(timeInForce).build();
    }

    /** @return the leg's order type */
    public OrderType type() {
        return type;
    }

    /**
     * Checks the leg for an order of this quantity; {@code null} quantity means "set by Binance"
     * (the pending orders of OPO lists take the working order's filled quantity).
     */
    void check(String what, BigDecimal quantity) {
        // Only the MARKET rule looks at which of quantity/quoteOrderQty is set: a stand-in keeps it satisfied.
        OrderRules.check(what, type, quantity != null ? quantity : BigDecimal.ONE, null, price, stopPrice,
                trailingDelta, timeInForce, icebergQty, strategyType, pegPriceType, pegOffsetType, pegOffsetValue);
    }

    /** Appends the leg's parameters with a prefix ({@code above} makes {@code aboveType}, {@code abovePrice}, ...). */
    void appendTo(RestRequest.Builder b, String prefix) {
        b.param(prefix + "Type", type)
                .param(prefix + "ClientOrderId", clientOrderId)
                .param(prefix + "Price", price)
                .param(prefix + "StopPrice", stopPrice)
                .param(prefix + "TrailingDelta", trailingDelta)
                .param(prefix + "IcebergQty", icebergQty)
                .param(prefix + "TimeInForce", timeInForce)
                .param(prefix + "StrategyId", strategyId)
                .param(prefix + "StrategyType", strategyType)
                .param(prefix + "PegPriceType", pegPriceType)
                .param(prefix + "PegOffsetType", pegOffsetType)
                .param(prefix + "PegOffsetValue", pegOffsetValue);
    }

    @Override
    public String toString() {
        return "OrderLeg[" + type + (price == null ? "" : " price=" + price.toPlainString())
                + (stopPrice == null ? "" : " stop=" + stopPrice.toPlainString())
                + (trailingDelta == null ? "" : " trailingDelta=" + trailingDelta)
                + (timeInForce == null ? "" : " " + timeInForce) + "]";
    }

    /** Builds an {@link OrderLeg}. */
    public static final class Builder {
        private final OrderType type;
        private BigDecimal price;
        private BigDecimal stopPrice;
        private Long trailingDelta;
        private TimeInForce timeInForce;
        private BigDecimal icebergQty;
        private String clientOrderId;
        private Long strategyId;
        private Long strategyType;
        private PegPriceType pegPriceType;
        private PegOffsetType pegOffsetType;
        private Integer pegOffsetValue;

        private Builder(OrderType type) {
            this.type = type;
        }

        /**
         * @param price the limit price
         * @return this
         */
        public Builder price(BigDecimal price) {
            this.price = price;
            return this;
        }

        /**
         * @param stopPrice the trigger price
         * @return this
         */
        public Builder stopPrice(BigDecimal stopPrice) {
            this.stopPrice = stopPrice;
            return this;
        }

        /**
         * @param trailingDelta trailing distance in basis points
         * @return this
         */
        public Builder trailingDelta(long trailingDelta) {
            this.trailingDelta = trailingDelta;
            return this;
        }

        /**
         * @param timeInForce GTC, IOC or FOK
         * @return this
         */
        public Builder timeInForce(TimeInForce timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        /**
         * @param icebergQty the visible quantity (GTC or LIMIT_MAKER legs)
         * @return this
         */
        public Builder icebergQty(BigDecimal icebergQty) {
            this.icebergQty = icebergQty;
            return this;
        }

        /**
         * @param clientOrderId your id for this leg's order
         * @return this
         */
        public Builder clientOrderId(String clientOrderId) {
            this.clientOrderId = clientOrderId;
            return this;
        }

        /**
         * @param strategyId your strategy label
         * @return this
         */
        public Builder strategyId(long strategyId) {
            this.strategyId = strategyId;
            return this;
        }

        /**
         * @param strategyType your strategy type label, at least 1000000
         * @return this
         */
        public Builder strategyType(long strategyType) {
            this.strategyType = strategyType;
            return this;
        }

        /**
         * @param pegPriceType PRIMARY_PEG or MARKET_PEG (limit types)
         * @return this
         */
        public Builder pegPriceType(PegPriceType pegPriceType) {
            this.pegPriceType = pegPriceType;
            return this;
        }

        /**
         * @param levels price levels away from the best price (0 to 100)
         * @return this
         */
        public Builder pegOffsetLevels(int levels) {
            this.pegOffsetType = PegOffsetType.PRICE_LEVEL;
            this.pegOffsetValue = levels;
            return this;
        }

        /**
         * @return the leg (checked against the order-type rules when its list is built)
         * @throws IllegalArgumentException if the type is missing
         */
        public OrderLeg build() {
            return new OrderLeg(this);
        }
    }
}
