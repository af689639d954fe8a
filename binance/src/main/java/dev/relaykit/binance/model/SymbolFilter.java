package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A trading rule from exchange information ({@code symbols[].filters} and {@code exchangeFilters}),
 * decoded by its {@code filterType} into a typed record. A filter type this version does not know
 * becomes {@link UnknownFilter}, which keeps the raw JSON, so a new rule never breaks a decode.
 *
 * <pre>{@code
 * SymbolInfo symbol = binance.market().exchangeInfo("BTCUSDT").symbol("BTCUSDT").orElseThrow();
 * for (SymbolFilter f : symbol.filters()) {
 *     if (f instanceof SymbolFilter.LotSize lot) {
 *         System.out.println("step " + lot.stepSize());
 *     }
 * }
 * }</pre>
 *
 * <p>See Binance's "Filters" page for what each rule means; {@code dev.relaykit.binance.SymbolRules}
 * checks prices and quantities against them locally.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "filterType",
        visible = true, defaultImpl = SymbolFilter.UnknownFilter.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = SymbolFilter.PriceFilter.class, name = "PRICE_FILTER"),
    @JsonSubTypes.Type(value = SymbolFilter.PercentPrice.class, name = "PERCENT_PRICE"),
    @JsonSubTypes.Type(value = SymbolFilter.PercentPriceBySide.class, name = "PERCENT_PRICE_BY_SIDE"),
    @JsonSubTypes.Type(value = SymbolFilter.LotSize.class, name = "LOT_SIZE"),
    @JsonSubTypes.Type(value = SymbolFilter.MarketLotSize.class, name = "MARKET_LOT_SIZE"),
    @JsonSubTypes.Type(value = SymbolFilter.MinNotional.class, name = "MIN_NOTIONAL"),
    @JsonSubTypes.Type(value = SymbolFilter.Notional.class, name = "NOTIONAL"),
    @JsonSubTypes.Type(value = SymbolFilter.IcebergParts.class, name = "ICEBERG_PARTS"),
    @JsonSubTypes.Type(value = SymbolFilter.MaxNumOrders.class, name = "MAX_NUM_ORDERS"),
    @JsonSubTypes.Type(value = SymbolFilter.MaxNumAlgoOrders.class, name = "MAX_NUM_ALGO_ORDERS"),
    @JsonSubTypes.Type(value = SymbolFilter.MaxNumIcebergOrders.class, name = "MAX_NUM_ICEBERG_ORDERS"),
    @JsonSubTypes.Type(value = SymbolFilter.MaxNumOrderLists.class, name = "MAX_NUM_ORDER_LISTS"),
    @JsonSubTypes.Type(value = SymbolFilter.MaxPosition.class, name = "MAX_POSITION"),
    @JsonSubTypes.Type(value = SymbolFilter.TrailingDelta.class, name = "TRAILING_DELTA"),
    @JsonSubTypes.Type(value = SymbolFilter.ExchangeMaxNumOrders.class, name = "EXCHANGE_MAX_NUM_ORDERS"),
    @JsonSubTypes.Type(value = SymbolFilter.ExchangeMaxNumAlgoOrders.class, name = "EXCHANGE_MAX_NUM_ALGO_ORDERS"),
    @JsonSubTypes.Type(value = SymbolFilter.ExchangeMaxNumIcebergOrders.class,
            name = "EXCHANGE_MAX_NUM_ICEBERG_ORDERS"),
    @JsonSubTypes.Type(value = SymbolFilter.ExchangeMaxNumOrderLists.class, name = "EXCHANGE_MAX_NUM_ORDER_LISTS")
})
public sealed interface SymbolFilter {

    /** @return Binance's {@code filterType}, e.g. {@code "LOT_SIZE"} */
    String filterType();

    /**
     * {@code PRICE_FILTER}: price and stop price bounds and tick size; each rule is disabled when 0.
     *
     * @param minPrice lowest price allowed
     * @param maxPrice highest price allowed
     * @param tickSize a price must be a multiple of this
     */
    record PriceFilter(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize) implements SymbolFilter {
        @Override
        public String filterType() {
            return "PRICE_FILTER";
        }
    }

    /**
     * {@code PERCENT_PRICE}: the price must lie within multipliers of the weighted average price.
     *
     * @param multiplierUp price at most average times this
     * @param multiplierDown price at least average times this
     * @param avgPriceMins minutes the average is taken over (0: last price)
     */
    record PercentPrice(BigDecimal multiplierUp, BigDecimal multiplierDown, int avgPriceMins)
            implements SymbolFilter {
        @Override
        public String filterType() {
            return "PERCENT_PRICE";
        }
    }

    /**
     * {@code PERCENT_PRICE_BY_SIDE}: like {@link PercentPrice} with separate ranges for buy and sell orders.
     *
     * @param bidMultiplierUp buy price at most average times this
     * @param bidMultiplierDown buy price at least average times this
     * @param askMultiplierUp sell price at most average times this
     * @param askMultiplierDown sell price at least average times this
     * @param avgPriceMins minutes the average is taken over (0: last price)
     */
    record PercentPriceBySide(BigDecimal bidMultiplierUp, BigDecimal bidMultiplierDown,
            BigDecimal askMultiplierUp, BigDecimal askMultiplierDown, int avgPriceMins) implements SymbolFilter {
        @Override
        public String filterType() {
            return "PERCENT_PRICE_BY_SIDE";
        }
    }

    /**
     * {@code LOT_SIZE}: quantity (and iceberg quantity) bounds and step.
     *
     * @param minQty smallest quantity
     * @param maxQty largest quantity
     * @param stepSize a quantity must be a multiple of this
     */
    record LotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) implements SymbolFilter {
        @Override
        public String filterType() {
            return "LOT_SIZE";
        }
    }

    /**
     * {@code MARKET_LOT_SIZE}: quantity bounds and step for {@code MARKET} orders.
     *
     * @param minQty smallest quantity
     * @param maxQty largest quantity
     * @param stepSize a quantity must be a multiple of this (0: no step rule)
     */
    record MarketLotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MARKET_LOT_SIZE";
        }
    }

    /**
     * {@code MIN_NOTIONAL}: the smallest {@code price * quantity} allowed.
     *
     * @param minNotional the minimum notional
     * @param applyToMarket whether it also applies to {@code MARKET} orders (using the average price)
     * @param avgPriceMins minutes the average is taken over (0: last price)
     */
    record MinNotional(BigDecimal minNotional, boolean applyToMarket, int avgPriceMins) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MIN_NOTIONAL";
        }
    }

    /**
     * {@code NOTIONAL}: the range of {@code price * quantity} allowed.
     *
     * @param minNotional the minimum notional
     * @param applyMinToMarket whether the minimum applies to {@code MARKET} orders
     * @param maxNotional the maximum notional
     * @param applyMaxToMarket whether the maximum applies to {@code MARKET} orders
     * @param avgPriceMins minutes the average is taken over for {@code MARKET} orders (0: last price)
     */
    record Notional(BigDecimal minNotional, boolean applyMinToMarket, BigDecimal maxNotional,
            boolean applyMaxToMarket, int avgPriceMins) implements SymbolFilter {
        @Override
        public String filterType() {
            return "NOTIONAL";
        }
    }

    /**
     * {@code ICEBERG_PARTS}: most parts an iceberg order may have ({@code ceil(qty / icebergQty)}).
     *
     * @param limit the maximum number of parts
     */
    record IcebergParts(int limit) implements SymbolFilter {
        @Override
        public String filterType() {
            return "ICEBERG_PARTS";
        }
    }

    /**
     * {@code MAX_NUM_ORDERS}: most open orders an account may have on the symbol.
     *
     * @param maxNumOrders the maximum
     */
    record MaxNumOrders(int maxNumOrders) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MAX_NUM_ORDERS";
        }
    }

    /**
     * {@code MAX_NUM_ALGO_ORDERS}: most open stop-loss/take-profit orders on the symbol.
     *
     * @param maxNumAlgoOrders the maximum
     */
    record MaxNumAlgoOrders(int maxNumAlgoOrders) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MAX_NUM_ALGO_ORDERS";
        }
    }

    /**
     * {@code MAX_NUM_ICEBERG_ORDERS}: most open iceberg orders on the symbol.
     *
     * @param maxNumIcebergOrders the maximum
     */
    record MaxNumIcebergOrders(int maxNumIcebergOrders) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MAX_NUM_ICEBERG_ORDERS";
        }
    }

    /**
     * {@code MAX_NUM_ORDER_LISTS}: most open order lists (OCO, OTO, ...) on the symbol.
     *
     * @param maxNumOrderLists the maximum
     */
    record MaxNumOrderLists(int maxNumOrderLists) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MAX_NUM_ORDER_LISTS";
        }
    }

    /**
     * {@code MAX_POSITION}: largest position in the base asset (free + locked + open buy orders).
     *
     * @param maxPosition the maximum position
     */
    record MaxPosition(BigDecimal maxPosition) implements SymbolFilter {
        @Override
        public String filterType() {
            return "MAX_POSITION";
        }
    }

    /**
     * {@code TRAILING_DELTA}: bounds for {@code trailingDelta}, in basis points.
     *
     * @param minTrailingAboveDelta minimum for orders triggering above the market
     * @param maxTrailingAboveDelta maximum for orders triggering above the market
     * @param minTrailingBelowDelta minimum for orders triggering below the market
     * @param maxTrailingBelowDelta maximum for orders triggering below the market
     */
    record TrailingDelta(int minTrailingAboveDelta, int maxTrailingAboveDelta, int minTrailingBelowDelta,
            int maxTrailingBelowDelta) implements SymbolFilter {
        @Override
        public String filterType() {
            return "TRAILING_DELTA";
        }
    }

    /**
     * {@code EXCHANGE_MAX_NUM_ORDERS} (exchange filter): most open orders an account may have.
     *
     * @param maxNumOrders the maximum
     */
    record ExchangeMaxNumOrders(int maxNumOrders) implements SymbolFilter {
        @Override
        public String filterType() {
            return "EXCHANGE_MAX_NUM_ORDERS";
        }
    }

    /**
     * {@code EXCHANGE_MAX_NUM_ALGO_ORDERS} (exchange filter): most open algo orders an account may have.
     *
     * @param maxNumAlgoOrders the maximum
     */
    record ExchangeMaxNumAlgoOrders(int maxNumAlgoOrders) implements SymbolFilter {
        @Override
        public String filterType() {
            return "EXCHANGE_MAX_NUM_ALGO_ORDERS";
        }
    }

    /**
     * {@code EXCHANGE_MAX_NUM_ICEBERG_ORDERS} (exchange filter): most open iceberg orders an account may have.
     *
     * @param maxNumIcebergOrders the maximum
     */
    record ExchangeMaxNumIcebergOrders(int maxNumIcebergOrders) implements SymbolFilter {
        @Override
        public String filterType() {
            return "EXCHANGE_MAX_NUM_ICEBERG_ORDERS";
        }
    }

    /**
     * {@code EXCHANGE_MAX_NUM_ORDER_LISTS} (exchange filter): most open order lists an account may have.
     *
     * @param maxNumOrderLists the maximum
     */
    record ExchangeMaxNumOrderLists(int maxNumOrderLists) implements SymbolFilter {
        @Override
        public String filterType() {
            return "EXCHANGE_MAX_NUM_ORDER_LISTS";
        }
    }

    /**
     * A filter type this version does not know, with its JSON as Binance sent it.
     *
     * @param filterType Binance's {@code filterType}
     * @param raw the whole filter object
     */
    record UnknownFilter(String filterType, JsonNode raw) implements SymbolFilter {

        /**
         * @param filterType the filter type
         * @param raw the whole filter object
         */
        public UnknownFilter {
            Objects.requireNonNull(raw, "raw");
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static UnknownFilter of(JsonNode raw) {
            return new UnknownFilter(raw.path("filterType").asText(null), raw);
        }
    }
}
