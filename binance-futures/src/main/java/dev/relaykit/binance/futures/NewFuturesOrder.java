package dev.relaykit.binance.futures;

import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.FuturesTimeInForce;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.futures.model.PriceMatch;
import dev.relaykit.binance.futures.model.WorkingType;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.SelfTradePreventionMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A new futures order, checked before anything is sent: each type's mandatory parameters (Binance's "New Order"
 * page, "Additional mandatory parameters based on type") and the combinations Binance refuses.
 *
 * <ul>
 *   <li>{@code LIMIT}: quantity, price, timeInForce ({@link #limit} sets GTC);</li>
 *   <li>{@code MARKET}: quantity;</li>
 *   <li>{@code STOP}, {@code TAKE_PROFIT}: quantity, price, trigger price;</li>
 *   <li>{@code STOP_MARKET}, {@code TAKE_PROFIT_MARKET}: trigger price, and quantity unless closePosition;</li>
 *   <li>{@code TRAILING_STOP_MARKET}: quantity, callbackRate (0.1 to 20 on USD-M since 2026-10-23, 0.1 to 10 on
 *       COIN-M), activation price optional.</li>
 * </ul>
 * closePosition only with STOP_MARKET / TAKE_PROFIT_MARKET and never with quantity or reduceOnly; reduceOnly never
 * with a LONG/SHORT position side (hedge mode); priceMatch never with price; GTD needs goodTillDate.
 *
 * <p>The trigger price is sent as {@code triggerPrice} to USD-M's algo-order service and as {@code stopPrice} to
 * {@code /dapi/v1/order} and {@code /fapi/v1/order/test}; the activation price as {@code activatePrice} to the algo
 * service and {@code activationPrice} elsewhere, as each page documents.
 *
 * <pre>{@code
 * NewFuturesOrder buy = NewFuturesOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("60000"));
 * NewFuturesOrder stop = NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL, new BigDecimal("0.01"),
 *         new BigDecimal("58000")).toBuilder().reduceOnly(true).workingType(WorkingType.MARK_PRICE).build();
 * NewFuturesOrder closeAll = NewFuturesOrder.builder("BTCUSDT", OrderSide.SELL, FuturesOrderType.TAKE_PROFIT_MARKET)
 *         .triggerPrice(new BigDecimal("70000")).closePosition(true).build();
 * }</pre>
 */
public final class NewFuturesOrder {
    private final String symbol;
    private final OrderSide side;
    private final FuturesOrderType type;
    private final PositionSide positionSide;
    private final FuturesTimeInForce timeInForce;
    private final BigDecimal quantity;
    private final BigDecimal price;
    private final BigDecimal triggerPrice;
    private final Boolean reduceOnly;
    private final Boolean closePosition;
    private final BigDecimal activationPrice;
    private final BigDecimal callbackRate;
    private final WorkingType workingType;
    private final Boolean priceProtect;
    private final PriceMatch priceMatch;
    private final SelfTradePreventionMode selfTradePreventionMode;
    private final Instant goodTillDate;
    private final String clientOrderId;

    private NewFuturesOrder(Builder b) {
        this.symbol = b.symbol;
        this.side = b.side;
        this.type = b.type;
        this.positionSide = b.positionSide;
        this.timeInForce = b.timeInForce;
        this.quantity = b.quantity;
        this.price = b.price;
        this.triggerPrice = b.triggerPrice;
        this.reduceOnly = b.reduceOnly;
        this.closePosition = b.closePosition;
        this.activationPrice = b.activationPrice;
        this.callbackRate = b.callbackRate;
        this.workingType = b.workingType;
        this.priceProtect = b.priceProtect;
        this.priceMatch = b.priceMatch;
        this.selfTradePreventionMode = b.selfTradePreventionMode;
        this.goodTillDate = b.goodTillDate;
        this.clientOrderId = b.clientOrderId;
        checkCombinations();
    }

    /**
     * @param symbol the contract
     * @param side buy or sell
     * @param type the order type
     * @return a builder; {@link Builder#build()} checks the type's mandatory parameters
     */
    public static Builder builder(String symbol, OrderSide side, FuturesOrderType type) {
        return new Builder(symbol, side, type);
    }

    /**
     * A good-till-cancelled limit order.
     *
     * @param symbol the contract
     * @param side buy or sell
     * @param quantity quantity (COIN-M: contracts)
     * @param price limit price
     * @return the order
     */
    public static NewFuturesOrder limit(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price) {
        return builder(symbol, side, FuturesOrderType.LIMIT).quantity(quantity).price(price)
                .timeInForce(FuturesTimeInForce.GTC).build();
    }

    /**
     * @param symbol the contract
     * @param side buy or sell
     * @param quantity quantity
     * @return a market order
     */
    public static NewFuturesOrder market(String symbol, OrderSide side, BigDecimal quantity) {
        return builder(symbol, side, FuturesOrderType.MARKET).quantity(quantity).build();
    }

    /**
     * @param symbol the contract
     * @param side buy or sell
     * @param quantity quantity
     * @param triggerPrice the price that triggers a market order
     * @return a stop-market order
     */
    public static NewFuturesOrder stopMarket(String symbol, OrderSide side, BigDecimal quantity, BigDecimal triggerPrice) {
        return builder(symbol, side, FuturesOrderType.STOP_MARKET).quantity(quantity).triggerPrice(triggerPrice).build();
    }

    /**
     * @param symbol the contract
     * @param side buy or sell
     * @param quantity quantity
     * @param price the limit price of the order placed when triggered
     * @param triggerPrice the trigger price
     * @return a stop-limit order (type {@code STOP}, good till cancelled)
     */
    public static NewFuturesOrder stopLimit(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price,
                                            BigDecimal triggerPrice) {
        return builder(symbol, side, FuturesOrderType.STOP).quantity(quantity).price(price).triggerPrice(triggerPrice)
                .timeInForce(FuturesTimeInForce.GTC).build();
    }

    /**
     * @param symbol the contract
     * @param side buy or sell
     * @param quantity quantity
     * @param triggerPrice the price that triggers a market order
     * @return a take-profit-market order
     */
    public static NewFuturesOrder takeProfitMarket(String symbol, OrderSide side, BigDecimal quantity,
                                                   BigDecimal triggerPrice) {
        return builder(symbol, side, FuturesOrderType.TAKE_PROFIT_MARKET).quantity(quantity).triggerPrice(triggerPrice)
                .build();
    }

    /**
     * @param symbol the contract
     * @param side buy or sell
     * @param quantity quantity
     * @param callbackRate the callback in percent (1 = 1%)
     * @return a trailing-stop order
     */
    public static NewFuturesOrder trailingStop(String symbol, OrderSide side, BigDecimal quantity, BigDecimal callbackRate) {
        return builder(symbol, side, FuturesOrderType.TRAILING_STOP_MARKET).quantity(quantity).callbackRate(callbackRate)
                .build();
    }

    /** @return a builder holding this order's values */
    public Builder toBuilder() {
        Builder b = new Builder(symbol, side, type);
        b.positionSide = positionSide;
        b.timeInForce = timeInForce;
        b.quantity = quantity;
        b.price = price;
        b.triggerPrice = triggerPrice;
        b.reduceOnly = reduceOnly;
        b.closePosition = closePosition;
        b.activationPrice = activationPrice;
        b.callbackRate = callbackRate;
        b.workingType = workingType;
        b.priceProtect = priceProtect;
        b.priceMatch = priceMatch;
        b.selfTradePreventionMode = selfTradePreventionMode;
        b.goodTillDate = goodTillDate;
        b.clientOrderId = clientOrderId;
        return b;
    }

    private void checkCombinations() {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required");
        }
        if (type == FuturesOrderType.UNKNOWN) {
            throw new IllegalArgumentException("type UNKNOWN cannot be sent");
        }
        boolean close = Boolean.TRUE.equals(closePosition);
        switch (type) {
            case LIMIT -> require("quantity", quantity, "price or priceMatch", price != null ? price : priceMatch,
                    "timeInForce", timeInForce);
            case MARKET -> require("quantity", quantity);
            case STOP, TAKE_PROFIT -> require("quantity", quantity, "price or priceMatch",
                    price != null ? price : priceMatch, "trigger price", triggerPrice);
            case STOP_MARKET, TAKE_PROFIT_MARKET -> {
                require("trigger price", triggerPrice);
                if (!close) {
                    require("quantity (or closePosition=true)", quantity);
                }
            }
            case TRAILING_STOP_MARKET -> require("quantity", quantity, "callbackRate", callbackRate);
            default -> {
            }
        }
        positive("quantity", quantity);
        positive("price", price);
        positive("trigger price", triggerPrice);
        positive("activation price", activationPrice);
        if (!type.conditional() && triggerPrice != null) {
            throw new IllegalArgumentException("a trigger price is only for conditional types, not " + type);
        }
        if (type != FuturesOrderType.TRAILING_STOP_MARKET && (callbackRate != null || activationPrice != null)) {
            throw new IllegalArgumentException("callbackRate and activation price are only for TRAILING_STOP_MARKET, not " + type);
        }
        if (close) {
            if (type != FuturesOrderType.STOP_MARKET && type != FuturesOrderType.TAKE_PROFIT_MARKET) {
                throw new IllegalArgumentException("closePosition is only for STOP_MARKET and TAKE_PROFIT_MARKET, not " + type);
            }
            if (quantity != null) {
                throw new IllegalArgumentException("closePosition=true cannot be sent with a quantity (it closes the whole position)");
            }
            if (Boolean.TRUE.equals(reduceOnly)) {
                throw new IllegalArgumentException("reduceOnly cannot be sent with closePosition=true (Binance refuses the pair)");
            }
        }
        if (Boolean.TRUE.equals(reduceOnly) && (positionSide == PositionSide.LONG || positionSide == PositionSide.SHORT)) {
            throw new IllegalArgumentException("reduceOnly cannot be sent in hedge mode (positionSide " + positionSide
                    + "): the position side already says which position the order reduces");
        }
        if (priceMatch != null && priceMatch != PriceMatch.NONE && price != null) {
            throw new IllegalArgumentException("priceMatch cannot be sent with a price");
        }
        if ((timeInForce == FuturesTimeInForce.GTD) != (goodTillDate != null)) {
            throw new IllegalArgumentException("goodTillDate is required with timeInForce GTD, and only with it");
        }
        if (clientOrderId != null && !clientOrderId.matches("^[.A-Z:/a-z0-9_-]{1,36}$")) {
            throw new IllegalArgumentException("client order id must match ^[.A-Z:/a-z0-9_-]{1,36}$: " + clientOrderId);
        }
    }

    /** The callbackRate range of the product ({@code callbackRate} of "New Algo Order" / COIN-M "New Order"). */
    void checkCallbackRate(FuturesProduct product) {
        if (callbackRate == null) {
            return;
        }
        BigDecimal max = product == FuturesProduct.USD_M ? new BigDecimal("20") : BigDecimal.TEN;
        if (callbackRate.compareTo(new BigDecimal("0.1")) < 0 || callbackRate.compareTo(max) > 0) {
            throw new IllegalArgumentException("callbackRate must be between 0.1 and " + max.toPlainString()
                    + " (percent) on " + product + ", was " + callbackRate.toPlainString());
        }
    }

    private void require(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required for a " + type + " order");
        }
    }

    private void require(String n1, Object v1, String n2, Object v2) {
        require(n1, v1);
        require(n2, v2);
    }

    private void require(String n1, Object v1, String n2, Object v2, String n3, Object v3) {
        require(n1, v1);
        require(n2, v2);
        require(n3, v3);
    }

    private static void positive(String name, BigDecimal v) {
        if (v != null && v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + v.toPlainString());
        }
    }

    /** @return the contract */
    public String symbol() {
        return symbol;
    }

    /** @return buy or sell */
    public OrderSide side() {
        return side;
    }

    /** @return the type */
    public FuturesOrderType type() {
        return type;
    }

    /** @return the position side, or {@code null} (Binance's default BOTH) */
    public PositionSide positionSide() {
        return positionSide;
    }

    /** @return the time in force, or {@code null} */
    public FuturesTimeInForce timeInForce() {
        return timeInForce;
    }

    /** @return the quantity, or {@code null} */
    public BigDecimal quantity() {
        return quantity;
    }

    /** @return the limit price, or {@code null} */
    public BigDecimal price() {
        return price;
    }

    /** @return the trigger price, or {@code null} */
    public BigDecimal triggerPrice() {
        return triggerPrice;
    }

    /** @return reduce only, or {@code null} */
    public Boolean reduceOnly() {
        return reduceOnly;
    }

    /** @return close-all, or {@code null} */
    public Boolean closePosition() {
        return closePosition;
    }

    /** @return the trailing stop's activation price, or {@code null} */
    public BigDecimal activationPrice() {
        return activationPrice;
    }

    /** @return the trailing stop's callback rate in percent, or {@code null} */
    public BigDecimal callbackRate() {
        return callbackRate;
    }

    /** @return the trigger price type, or {@code null} */
    public WorkingType workingType() {
        return workingType;
    }

    /** @return price protection, or {@code null} */
    public Boolean priceProtect() {
        return priceProtect;
    }

    /** @return price match, or {@code null} */
    public PriceMatch priceMatch() {
        return priceMatch;
    }

    /** @return self-trade prevention, or {@code null} */
    public SelfTradePreventionMode selfTradePreventionMode() {
        return selfTradePreventionMode;
    }

    /** @return the GTD cancel time, or {@code null} */
    public Instant goodTillDate() {
        return goodTillDate;
    }

    /** @return the client order id ({@code clientAlgoId} for algo orders), or {@code null} */
    public String clientOrderId() {
        return clientOrderId;
    }

    @Override
    public String toString() {
        return "NewFuturesOrder[" + symbol + " " + side + " " + type + (quantity == null ? "" : " " + quantity.toPlainString())
                + (price == null ? "" : " @" + price.toPlainString())
                + (triggerPrice == null ? "" : " trigger " + triggerPrice.toPlainString()) + "]";
    }

    /** Builds a {@link NewFuturesOrder}; {@link #build()} checks it. */
    public static final class Builder {
        private final String symbol;
        private final OrderSide side;
        private final FuturesOrderType type;
        private PositionSide positionSide;
        private FuturesTimeInForce timeInForce;
        private BigDecimal quantity;
        private BigDecimal price;
        private BigDecimal triggerPrice;
        private Boolean reduceOnly;
        private Boolean closePosition;
        private BigDecimal activationPrice;
        private BigDecimal callbackRate;
        private WorkingType workingType;
        private Boolean priceProtect;
        private PriceMatch priceMatch;
        private SelfTradePreventionMode selfTradePreventionMode;
        private Instant goodTillDate;
        private String clientOrderId;

        private Builder(String symbol, OrderSide side, FuturesOrderType type) {
            this.symbol = symbol;
            this.side = side;
            this.type = type;
        }

        /**
         * @param positionSide BOTH (one-way mode) or LONG / SHORT (hedge mode, where it is required)
         * @return this
         */
        public Builder positionSide(PositionSide positionSide) {
            this.positionSide = positionSide;
            return this;
        }

        /**
         * @param timeInForce time in force
         * @return this
         */
        public Builder timeInForce(FuturesTimeInForce timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        /**
         * @param quantity quantity (COIN-M: contracts)
         * @return this
         */
        public Builder quantity(BigDecimal quantity) {
            this.quantity = quantity;
            return this;
        }

        /**
         * @param price limit price
         * @return this
         */
        public Builder price(BigDecimal price) {
            this.price = price;
            return this;
        }

        /**
         * @param triggerPrice trigger price of a conditional type
         * @return this
         */
        public Builder triggerPrice(BigDecimal triggerPrice) {
            this.triggerPrice = triggerPrice;
            return this;
        }

        /**
         * @param reduceOnly only reduce a position (one-way mode only)
         * @return this
         */
        public Builder reduceOnly(boolean reduceOnly) {
            this.reduceOnly = reduceOnly;
            return this;
        }

        /**
         * @param closePosition close the whole position when triggered (STOP_MARKET / TAKE_PROFIT_MARKET)
         * @return this
         */
        public Builder closePosition(boolean closePosition) {
            this.closePosition = closePosition;
            return this;
        }

        /**
         * @param activationPrice trailing stop activation price (default: the latest price)
         * @return this
         */
        public Builder activationPrice(BigDecimal activationPrice) {
            this.activationPrice = activationPrice;
            return this;
        }

        /**
         * @param callbackRate trailing stop callback in percent (1 = 1%)
         * @return this
         */
        public Builder callbackRate(BigDecimal callbackRate) {
            this.callbackRate = callbackRate;
            return this;
        }

        /**
         * @param workingType which price triggers (default CONTRACT_PRICE)
         * @return this
         */
        public Builder workingType(WorkingType workingType) {
            this.workingType = workingType;
            return this;
        }

        /**
         * @param priceProtect refuse to trigger when mark and last price diverge beyond the symbol's threshold
         * @return this
         */
        public Builder priceProtect(boolean priceProtect) {
            this.priceProtect = priceProtect;
            return this;
        }

        /**
         * @param priceMatch match a book price instead of sending one
         * @return this
         */
        public Builder priceMatch(PriceMatch priceMatch) {
            this.priceMatch = priceMatch;
            return this;
        }

        /**
         * @param mode self-trade prevention
         * @return this
         */
        public Builder selfTradePreventionMode(SelfTradePreventionMode mode) {
            this.selfTradePreventionMode = mode;
            return this;
        }

        /**
         * @param goodTillDate when a GTD order is cancelled
         * @return this
         */
        public Builder goodTillDate(Instant goodTillDate) {
            this.goodTillDate = goodTillDate;
            return this;
        }

        /**
         * @param clientOrderId your id ({@code newClientOrderId}, or {@code clientAlgoId} in the algo service)
         * @return this
         */
        public Builder clientOrderId(String clientOrderId) {
            this.clientOrderId = clientOrderId;
            return this;
        }

        /**
         * @return the order
         * @throws IllegalArgumentException naming what is missing or may not be combined
         */
        public NewFuturesOrder build() {
            return new NewFuturesOrder(this);
        }
    }
}
