package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One level of an order book: a price and the quantity resting there. Binance sends levels as
 * two-element arrays of strings, {@code ["4.00000000", "431.00000000"]}; a quantity of zero in a
 * diff means "remove this level".
 *
 * @param price the price
 * @param quantity the quantity at that price
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record PriceLevel(BigDecimal price, BigDecimal quantity) {

    /**
     * @param price the price
     * @param quantity the quantity
     */
    @JsonCreator
    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
