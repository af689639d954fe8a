package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.OrderResponseType;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.PegOffsetType;
import dev.relaykit.binance.model.PegPriceType;
import dev.relaykit.binance.model.SelfTradePreventionMode;
import dev.relaykit.binance.model.TimeInForce;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new spot order ({@code POST /api/v3/order}), checked against Binance's mandatory parameters per
 * order type when built: an order Binance would refuse for a missing or misplaced parameter fails here
 * with an {@link IllegalArgumentException}, before anything is sent.
 *
 * <pre>{@code
 * NewOrder buy = NewOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("0.001"), new BigDecimal("50000"))
 *         .timeInForce(TimeInForce.IOC)
 *         .newClientOrderId("my-order-1")
 *         .build();
 * NewOrder spend = NewOrder.marketQuote("BTCUSDT", OrderSide.BUY, new BigDecimal("25")).build();
 * NewOrder trailing = NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.STOP_LOSS)
 *         .quantity(new BigDecimal("0.001")).trailingDelta(100).build();   // 1% trailing stop
 * }</pre>
 *
 * <table>
 * <caption>Required per type (Binance "New order": additional mandatory parameters)</caption>
 * <tr><th>type</th><th>required</th></tr>
 * <tr><td>LIMIT</td><td>timeInForce, quantity, price</td></tr>
 * <tr><td>MARKET</td><td>exactly one of quantity, quoteOrderQty</td></tr>
 * <tr><td>STOP_LOSS, TAKE_PROFIT</td><td>quantity, stopPrice and/or trailingDelta</td></tr>
 * <tr><td>STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT</td><td>timeInForce, quantity, price, stopPrice and/or trailingDelta</td></tr>
 * <tr><td>LIMIT_MAKER</td><td>quantity, price</td></tr>
 * </table>
 * A pegged order ({@code pegPriceType}) may leave out the price. An iceberg ({@code icebergQty}) needs
 * {@code GTC}. Prices and quantities must be positive; Binance still checks the symbol's filters
 * (tick size, lot size, notional) and answers -1013 when one fails.
 */
public final class NewOrder {
    private final String symbol;
    private final OrderSide side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final BigDecimal quantity;
    private final BigDecimal quoteOrderQty;
    private final BigDecimal price;
    private final String newClientOrderId;
    private final Long strategyId;
    private final Long strategyType;
    private final BigDecimal stopPrice;
    private final Long trailingDelta;
    private final BigDecimal icebergQty;
    private final OrderResponseType newOrderRespType;
    private final SelfTradePreventionMode selfTradePreventionMode;
    private final PegPriceType pegPriceType;
    private final Integer pegOffsetValue;
    private final PegOffsetType pegOffsetType;

    private NewOrder(Builder b) {
        this.symbol = Params.symbol(b.symbol);
        this.side = OrderRules.side("", b.side);
        this.type = OrderRules.type("", b.type);
        OrderRules.check("", b.type, b.quantity, b.quoteOrderQty, b.price, b.stopPrice, b.trailingDelta,
                b.timeInForce, b.icebergQty, b.strategyType, b.pegPriceType, b.pegOffsetType, b.pegOffsetValue);
        if (b.selfTradePreventionMode == SelfTradePreventionMode.UNKNOWN) {
            throw new IllegalArgumentException("selfTradePreventionMode UNKNOWN cannot be sent");
        }
        this.timeInForce = b.timeInForce;
        this.quantity = b.quantity;
        this.quoteOrderQty = b.quoteOrderQty;
        this.price = b.price;
        this.newClientOrderId = b.newClientOrderId;
        this.strategyId = b.strategyId;
        this.strategyType = b.strategyType;
        this.stopPrice = b.stopPrice;
        this.trailingDelta = b.trailingDelta;
        this.icebergQty = b.icebergQty;
        this.newOrderRespType = b.newOrderRespType;
        this.selfTradePreventionMode = b.selfTradePreventionMode;
        this.pegPriceType = b.pegPriceType;
        this.pegOffsetValue = b.pegOffsetValue;
        this.pegOffsetType = b.pegOffsetType;
    }

    /**
     * @param symbol the symbol, e.g. {@code BTCUSDT}
     * @param side buy or sell
     * @param type the order type
     * @return a builder; set what the type needs, then {@link Builder#build()}
     */
    public static Builder builder(String symbol, OrderSide side, OrderType type) {
        return new Builder(symbol, side, type);
    }

    /**
     * A good-till-cancelled limit order.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param price the limit price
     * @return a builder with type, quantity, price and {@code GTC} set
     */
    public static Builder limit(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price) {
        return builder(symbol, side, OrderType.LIMIT).quantity(quantity).price(price).timeInForce(TimeInForce.GTC);
    }

    /**
     * A market order for a base quantity.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity (BTC of BTCUSDT)
     * @return a builder
     */
    public static Builder market(String symbol, OrderSide side, BigDecimal quantity) {
        return builder(symbol, side, OrderType.MARKET).quantity(quantity);
    }

    /**
     * A market order for a quote amount: spend (buy) or receive (sell) this much of the quote asset.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quoteOrderQty the quote amount (USDT of BTCUSDT)
     * @return a builder
     */
    public static Builder marketQuote(String symbol, OrderSide side, BigDecimal quoteOrderQty) {
        return builder(symbol, side, OrderType.MARKET).quoteOrderQty(quoteOrderQty);
    }

    /**
     * A post-only limit order: rejected if it would trade immediately as a taker.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param price the limit price
     * @return a builder
     */
    public static Builder limitMaker(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price) {
        return builder(symbol, side, OrderType.LIMIT_MAKER).quantity(quantity).price(price);
    }

    /** @return the symbol */
    public String symbol() {
        return symbol;
    }

    /** @return the side */
    public OrderSide side() {
        return side;
    }

    /** @return the type */
    public OrderType type() {
        return type;
    }

    /** @return the base-asset quantity, or {@code null} (a MARKET order by quote quantity) */
    public BigDecimal quantity() {
        return quantity;
    }

    /** @return the limit price, or {@code null} */
    public BigDecimal price() {
        return price;
    }

    /**
     * This order's parameters in Binance's documented order, as they go on the wire (absent ones
     * left out). The REST client and the WebSocket API client both send exactly these.
     *
     * @return parameter name to value (numbers as plain decimal text, enums by name)
     */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "symbol", symbol);
        put(p, "side", side);
        put(p, "type", type);
        put(p, "timeInForce", timeInForce);
        put(p, "quantity", quantity);
        put(p, "quoteOrderQty", quoteOrderQty);
        put(p, "price", price);
        put(p, "newClientOrderId", newClientOrderId);
        put(p, "strategyId", strategyId);
        put(p, "strategyType", strategyType);
        put(p, "stopPrice", stopPrice);
        put(p, "trailingDelta", trailingDelta);
        put(p, "icebergQty", icebergQty);
        put(p, "newOrderRespType", newOrderRespType);
        put(p, "selfTradePreventionMode", selfTradePreventionMode);
        put(p, "pegPriceType", pegPriceType);
        put(p, "pegOffsetValue", pegOffsetValue);
        put(p, "pegOffsetType", pegOffsetType);
        return p;
    }

    private static void put(Map<String, Object> p, String name, Object value) {
        if (value != null) {
            p.put(name, value instanceof BigDecimal d ? d.toPlainString() : value instanceof Enum<?> e ? e.name() : value);
        }
    }

    /** Appends this order's parameters, in Binance's documented order, to a request. */
    void appendTo(RestRequest.Builder b) {
        params().forEach(b::param);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NewOrder[").append(symbol).append(' ').append(side).append(' ').append(type);
        if (quantity != null) {
            sb.append(" qty=").append(quantity.toPlainString());
        }
        if (quoteOrderQty != null) {
            sb.append(" quoteQty=").append(quoteOrderQty.toPlainString());
        }
        if (price != null) {
            sb.append(" price=").append(price.toPlainString());
        }
        if (stopPrice != null) {
            sb.append(" stop=").append(stopPrice.toPlainString());
        }
        if (trailingDelta != null) {
            sb.append(" trailingDelta=").append(trailingDelta);
        }
        if (timeInForce != null) {
            sb.append(' ').append(timeInForce);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link NewOrder}; {@link #build()} checks the parameters the type requires. */
    public static final class Builder {
        private final String symbol;
        private final OrderSide side;
        private final OrderType type;
        private TimeInForce timeInForce;
        private BigDecimal quantity;
        private BigDecimal quoteOrderQty;
        private BigDecimal price;
        private String newClientOrderId;
        private Long strategyId;
        private Long strategyType;
        private BigDecimal stopPrice;
        private Long trailingDelta;
        private BigDecimal icebergQty;
        private OrderResponseType newOrderRespType;
        private SelfTradePreventionMode selfTradePreventionMode;
        private PegPriceType pegPriceType;
        private Integer pegOffsetValue;
        private PegOffsetType pegOffsetType;

        private Builder(String symbol, OrderSide side, OrderType type) {
            this.symbol = symbol;
            this.side = side;
            this.type = type;
        }

        /**
         * @param timeInForce GTC, IOC or FOK (required by LIMIT, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT)
         * @return this
         */
        public Builder timeInForce(TimeInForce timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        /**
         * @param quantity the base quantity
         * @return this
         */
        public Builder quantity(BigDecimal quantity) {
            this.quantity = quantity;
            return this;
        }

        /**
         * @param quoteOrderQty the quote amount to spend or receive (MARKET only, instead of quantity)
         * @return this
         */
        public Builder quoteOrderQty(BigDecimal quoteOrderQty) {
            this.quoteOrderQty = quoteOrderQty;
            return this;
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
         * @param newClientOrderId your id for the order, unique among open orders (Binance makes one if absent)
         * @return this
         */
        public Builder newClientOrderId(String newClientOrderId) {
            this.newClientOrderId = newClientOrderId;
            return this;
        }

        /**
         * @param strategyId your label for the strategy the order belongs to
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
         * @param stopPrice the trigger price (STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT)
         * @return this
         */
        public Builder stopPrice(BigDecimal stopPrice) {
            this.stopPrice = stopPrice;
            return this;
        }

        /**
         * @param trailingDelta the trailing distance in basis points (100 = 1%); makes a stop or
         *     take-profit order a trailing one, alone or with a stop price
         * @return this
         */
        public Builder trailingDelta(long trailingDelta) {
            this.trailingDelta = trailingDelta;
            return this;
        }

        /**
         * @param icebergQty the visible part of an iceberg order (limit types, GTC)
         * @return this
         */
        public Builder icebergQty(BigDecimal icebergQty) {
            this.icebergQty = icebergQty;
            return this;
        }

        /**
         * @param newOrderRespType ACK, RESULT or FULL (Binance's default: FULL for MARKET and LIMIT, ACK otherwise)
         * @return this
         */
        public Builder newOrderRespType(OrderResponseType newOrderRespType) {
            this.newOrderRespType = newOrderRespType;
            return this;
        }

        /**
         * @param mode the self-trade prevention mode (allowed values depend on the symbol)
         * @return this
         */
        public Builder selfTradePreventionMode(SelfTradePreventionMode mode) {
            this.selfTradePreventionMode = mode;
            return this;
        }

        /**
         * Pegs the price to the book (limit types only; the price may then be left out).
         *
         * @param pegPriceType PRIMARY_PEG (best price on the order's side) or MARKET_PEG (opposite side)
         * @return this
         */
        public Builder pegPriceType(PegPriceType pegPriceType) {
            this.pegPriceType = pegPriceType;
            return this;
        }

        /**
         * Pegs to a price level other than the best one.
         *
         * @param levels how many price levels away (0 to 100); sends {@code pegOffsetType=PRICE_LEVEL}
         * @return this
         */
        public Builder pegOffsetLevels(int levels) {
            this.pegOffsetType = PegOffsetType.PRICE_LEVEL;
            this.pegOffsetValue = levels;
            return this;
        }

        /**
         * @return the order
         * @throws IllegalArgumentException if a parameter the type requires is missing, one it does not
         *     take is set, or a number is out of range; the message names it
         */
        public NewOrder build() {
            return new NewOrder(this);
        }
    }
}
