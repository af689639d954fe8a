package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One modification of an order ({@code GET /fapi/v1/orderAmendment}).
 *
 * @param amendmentId amendment id
 * @param symbol symbol
 * @param pair pair
 * @param orderId order id
 * @param clientOrderId client order id
 * @param time when it was modified
 * @param amendment what changed
 */
public record OrderAmendment(
        long amendmentId,
        String symbol,
        String pair,
        long orderId,
        String clientOrderId,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        Change amendment) {

    /**
     * What a modification changed.
     *
     * @param price the price before and after
     * @param origQty the quantity before and after
     * @param count how many times the order had been modified
     * @param modifyId the modification's id, when Binance sends it
     */
    public record Change(BeforeAfter price, BeforeAfter origQty, int count, Long modifyId) {
    }

    /**
     * A value before and after a modification.
     *
     * @param before before
     * @param after after
     */
    public record BeforeAfter(BigDecimal before, BigDecimal after) {
    }
}
