package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A quarterly contract's settlement ({@code GET /futures/data/delivery-price}, USD-M "Quarterly Contract Settlement
 * Price").
 *
 * @param deliveryTime when the contract was delivered
 * @param deliveryPrice the price it settled at
 */
public record DeliveryPrice(
        @JsonDeserialize(using = InstantMillis.class) Instant deliveryTime,
        BigDecimal deliveryPrice) {
}
