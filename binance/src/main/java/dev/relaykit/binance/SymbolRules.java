package dev.relaykit.binance;

import dev.relaykit.binance.model.SymbolFilter;
import dev.relaykit.binance.model.SymbolFilter.LotSize;
import dev.relaykit.binance.model.SymbolFilter.MarketLotSize;
import dev.relaykit.binance.model.SymbolFilter.MinNotional;
import dev.relaykit.binance.model.SymbolFilter.Notional;
import dev.relaykit.binance.model.SymbolFilter.PriceFilter;
import dev.relaykit.binance.model.SymbolInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks prices and quantities against a symbol's filters locally, before an order is sent, with
 * errors that name the filter and the valid values; and rounds values onto the symbol's grid.
 *
 * <pre>{@code
 * ExchangeInfo info = binance.market().exchangeInfo("BTCUSDT");
 * SymbolRules rules = SymbolRules.of(info.symbol("BTCUSDT").orElseThrow());
 * BigDecimal qty = rules.floorQuantity(new BigDecimal("0.0012345"));   // 0.00123 with stepSize 0.00001
 * rules.checkLimitOrder(new BigDecimal("65000.01"), qty);            // throws IllegalArgumentException if not valid
 * }</pre>
 *
 * <p>Covers the rules that need nothing but the order: {@code PRICE_FILTER} (bounds and tick size,
 * each disabled at 0), {@code LOT_SIZE}, {@code MARKET_LOT_SIZE} (step disabled at 0),
 * {@code MIN_NOTIONAL} and {@code NOTIONAL}. Rules that need the market ({@code PERCENT_PRICE},
 * {@code PERCENT_PRICE_BY_SIDE}, notional of {@code MARKET} orders) and account state (order counts,
 * {@code MAX_POSITION}) are left to Binance. A symbol without a filter passes that filter's check.
 *
 * <p>Immutable and thread-safe.
 */
public final class SymbolRules {
    private final String symbol;
    private final PriceFilter price;
    private final LotSize lot;
    private final MarketLotSize marketLot;
    private final MinNotional minNotional;
    private final Notional notional;

    private SymbolRules(SymbolInfo info) {
        this.symbol = info.symbol();
        this.price = info.filter(PriceFilter.class).orElse(null);
        this.lot = info.filter(LotSize.class).orElse(null);
        this.marketLot = info.filter(MarketLotSize.class).orElse(null);
        this.minNotional = info.filter(MinNotional.class).orElse(null);
        this.notional = info.filter(Notional.class).orElse(null);
    }

    /**
     * @param info a symbol from exchange information
     * @return its rules
     */
    public static SymbolRules of(SymbolInfo info) {
        return new SymbolRules(Objects.requireNonNull(info, "info"));
    }

    /** @return the symbol these rules are for */
    public String symbol() {
        return symbol;
    }

    /** @return the {@code PRICE_FILTER}, if the symbol has one */
    public Optional<PriceFilter> priceFilter() {
        return Optional.ofNullable(price);
    }

    /** @return the {@code LOT_SIZE} filter, if the symbol has one */
    public Optional<LotSize> lotSize() {
        return Optional.ofNullable(lot);
    }

    /**
     * Checks a limit (or stop) price against {@code PRICE_FILTER}.
     *
     * @param value the price
     * @return the price, for chaining
     * @throws IllegalArgumentException if it is not positive, below {@code minPrice}, above
     *     {@code maxPrice} or not a multiple of {@code tickSize}
     */
    public BigDecimal checkPrice(BigDecimal value) {
        positive("price", value);
        if (price != null) {
            bounds("price", value, "PRICE_FILTER", "minPrice", price.minPrice(), "maxPrice", price.maxPrice());
            step("price", value, "PRICE_FILTER", "tickSize", price.tickSize());
        }
        return value;
    }

    /**
     * Checks an order quantity against {@code LOT_SIZE}.
     *
     * @param value the quantity in the base asset
     * @return the quantity, for chaining
     * @throws IllegalArgumentException if it is not positive, below {@code minQty}, above
     *     {@code maxQty} or not a multiple of {@code stepSize}
     */
    public BigDecimal checkQuantity(BigDecimal value) {
        positive("quantity", value);
        if (lot != null) {
            bounds("quantity", value, "LOT_SIZE", "minQty", lot.minQty(), "maxQty", lot.maxQty());
            step("quantity", value, "LOT_SIZE", "stepSize", lot.stepSize());
        }
        return value;
    }

    /**
     * Checks a {@code MARKET} order quantity against {@code LOT_SIZE} and {@code MARKET_LOT_SIZE}.
     *
     * @param value the quantity in the base asset
     * @return the quantity, for chaining
     * @throws IllegalArgumentException if either filter refuses it
     */
    public BigDecimal checkMarketQuantity(BigDecimal value) {
        checkQuantity(value);
        if (marketLot != null) {
            bounds("quantity", value, "MARKET_LOT_SIZE", "minQty", marketLot.minQty(), "maxQty", marketLot.maxQty());
            step("quantity", value, "MARKET_LOT_SIZE", "stepSize", marketLot.stepSize());
        }
        return value;
    }

    /**
     * Checks a limit order's notional ({@code price * quantity}) against {@code MIN_NOTIONAL} and
     * {@code NOTIONAL}.
     *
     * @param orderPrice the price
     * @param quantity the quantity
     * @return the notional
     * @throws IllegalArgumentException if it is below {@code minNotional} or above {@code maxNotional}
     */
    public BigDecimal checkNotional(BigDecimal orderPrice, BigDecimal quantity) {
        positive("price", orderPrice);
        positive("quantity", quantity);
        BigDecimal value = orderPrice.multiply(quantity);
        if (minNotional != null) {
            bounds("notional", value, "MIN_NOTIONAL", "minNotional", minNotional.minNotional(), "max", null);
        }
        if (notional != null) {
            bounds("notional", value, "NOTIONAL", "minNotional", notional.minNotional(), "maxNotional",
                    notional.maxNotional());
        }
        return value;
    }

    /**
     * Checks a limit order: price, quantity and notional.
     *
     * @param orderPrice the price
     * @param quantity the quantity
     * @throws IllegalArgumentException naming the first filter that refuses it
     */
    public void checkLimitOrder(BigDecimal orderPrice, BigDecimal quantity) {
        checkPrice(orderPrice);
        checkQuantity(quantity);
        checkNotional(orderPrice, quantity);
    }

    /**
     * @param value a quantity
     * @return the largest multiple of {@code LOT_SIZE} {@code stepSize} not above it (unchanged without a step)
     */
    public BigDecimal floorQuantity(BigDecimal value) {
        return floor(Objects.requireNonNull(value, "value"), lot == null ? null : lot.stepSize());
    }

    /**
     * @param value a price
     * @return the largest multiple of {@code PRICE_FILTER} {@code tickSize} not above it (unchanged without a tick)
     */
    public BigDecimal floorPrice(BigDecimal value) {
        return floor(Objects.requireNonNull(value, "value"), price == null ? null : price.tickSize());
    }

    private static BigDecimal floor(BigDecimal value, BigDecimal step) {
        if (step == null || step.signum() == 0) {
            return value;
        }
        BigDecimal plain = step.stripTrailingZeros();
        return value.divide(plain, 0, RoundingMode.FLOOR).multiply(plain).setScale(Math.max(plain.scale(), 0),
                RoundingMode.UNNECESSARY);
    }

    private void positive(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(symbol + " " + what + " must be positive, was " + value.toPlainString());
        }
    }

    private void bounds(String what, BigDecimal value, String filter, String minName, BigDecimal min,
            String maxName, BigDecimal max) {
        if (min != null && min.signum() > 0 && value.compareTo(min) < 0) {
            throw new IllegalArgumentException(symbol + " " + what + " " + value.toPlainString() + " fails " + filter
                    + ": below " + minName + " " + min.toPlainString());
        }
        if (max != null && max.signum() > 0 && value.compareTo(max) > 0) {
            throw new IllegalArgumentException(symbol + " " + what + " " + value.toPlainString() + " fails " + filter
                    + ": above " + maxName + " " + max.toPlainString());
        }
    }

    private void step(String what, BigDecimal value, String filter, String stepName, BigDecimal step) {
        if (step != null && step.signum() > 0 && value.remainder(step).signum() != 0) {
            throw new IllegalArgumentException(symbol + " " + what + " " + value.toPlainString() + " fails " + filter
                    + ": not a multiple of " + stepName + " " + step.toPlainString() + " (nearest below: "
                    + floor(value, step).toPlainString() + ")");
        }
    }

    @Override
    public String toString() {
        return "SymbolRules[" + symbol + ", " + String.join(", ",
                java.util.stream.Stream.<SymbolFilter>of(price, lot, marketLot, minNotional, notional)
                        .filter(Objects::nonNull).map(Object::toString).toList()) + "]";
    }
}
