package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contract's trading rule from futures exchange information ({@code symbols[].filters}), decoded by its
 * {@code filterType}. A type this version does not know becomes {@link Unknown}, so a new rule never breaks a
 * decode. ({@code MAX_NUM_ALGO_ORDERS} was removed from USD-M exchange information on 2025-12-29; it still
 * decodes when present.)
 *
 * <pre>{@code
 * FuturesSymbol btc = usdm.market().exchangeInfo().symbol("BTCUSDT").orElseThrow();
 * for (FuturesFilter f : btc.filters()) {
 *     if (f instanceof FuturesFilter.PriceFilter p) {
 *         System.out.println("tick " + p.tickSize());
 *     }
 * }
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "filterType",
        visible = true, defaultImpl = FuturesFilter.Unknown.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = FuturesFilter.PriceFilter.class, name = "PRICE_FILTER"),
    @JsonSubTypes.Type(value = FuturesFilter.LotSize.class, name = "LOT_SIZE"),
    @JsonSubTypes.Type(value = FuturesFilter.MarketLotSize.class, name = "MARKET_LOT_SIZE"),
    @JsonSubTypes.Type(value = FuturesFilter.MaxNumOrders.class, name = "MAX_NUM_ORDERS"),
    @JsonSubTypes.Type(value = FuturesFilter.MaxNumAlgoOrders.class, name = "MAX_NUM_ALGO_ORDERS"),
    @JsonSubTypes.Type(value = FuturesFilter.MinNotional.class, name = "MIN_NOTIONAL"),
    @JsonSubTypes.Type(value = FuturesFilter.PercentPrice.class, name = "PERCENT_PRICE")
})
public sealed interface FuturesFilter {

    /** @return Binance's {@code filterType} */
    String filterType();

    /**
     * {@code PRICE_FILTER}: price bounds and tick size (0 disables a rule).
     *
     * @param minPrice lowest price
     * @param maxPrice highest price
     * @param tickSize a price is a multiple of this
     */
    record PriceFilter(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize) implements FuturesFilter {
        @Override
        public String filterType() {
            return "PRICE_FILTER";
        }
    }

    /**
     * {@code LOT_SIZE}: quantity bounds and step of limit orders.
     *
     * @param minQty smallest quantity
     * @param maxQty largest quantity
     * @param stepSize a quantity is a multiple of this
     */
    record LotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) implements FuturesFilter {
        @Override
        public String filterType() {
            return "LOT_SIZE";
        }
    }

    /**
     * {@code MARKET_LOT_SIZE}: quantity bounds and step of market orders.
     *
     * @param minQty smallest quantity
     * @param maxQty largest quantity
     * @param stepSize a quantity is a multiple of this
     */
    record MarketLotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) implements FuturesFilter {
        @Override
        public String filterType() {
            return "MARKET_LOT_SIZE";
        }
    }

    /**
     * {@code MAX_NUM_ORDERS}: open orders per symbol.
     *
     * @param limit the most open orders
     */
    record MaxNumOrders(int limit) implements FuturesFilter {
        @Override
        public String filterType() {
            return "MAX_NUM_ORDERS";
        }
    }

    /**
     * {@code MAX_NUM_ALGO_ORDERS}: open conditional orders per symbol (no longer sent by USD-M since 2025-12-29:
     * the limit is 200 across all symbols).
     *
     * @param limit the most open conditional orders
     */
    record MaxNumAlgoOrders(int limit) implements FuturesFilter {
        @Override
        public String filterType() {
            return "MAX_NUM_ALGO_ORDERS";
        }
    }

    /**
     * {@code MIN_NOTIONAL}: the smallest order value (price times quantity), USD-M.
     *
     * @param notional the smallest notional
     */
    record MinNotional(BigDecimal notional) implements FuturesFilter {
        @Override
        public String filterType() {
            return "MIN_NOTIONAL";
        }
    }

    /**
     * {@code PERCENT_PRICE}: a limit price must lie within these multipliers of the mark price.
     *
     * @param multiplierUp price at most mark price times this
     * @param multiplierDown price at least mark price times this
     * @param multiplierDecimal the multipliers' precision
     */
    record PercentPrice(BigDecimal multiplierUp, BigDecimal multiplierDown, Integer multiplierDecimal)
            implements FuturesFilter {
        @Override
        public String filterType() {
            return "PERCENT_PRICE";
        }
    }

    /**
     * A filter type this version does not know, with its JSON as Binance sent it.
     *
     * @param filterType Binance's {@code filterType}
     * @param raw the whole filter object
     */
    record Unknown(String filterType, JsonNode raw) implements FuturesFilter {
        /**
         * @param filterType Binance's {@code filterType}
         * @param raw the whole filter object
         */
        public Unknown {
            Objects.requireNonNull(raw, "raw");
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Unknown of(JsonNode raw) {
            return new Unknown(raw.path("filterType").asText(null), raw);
        }
    }
}
