package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fill from smart order routing ({@code GET /api/v3/myAllocations}).
 *
 * @param symbol the symbol
 * @param allocationId the allocation id
 * @param allocationType {@code SOR}
 * @param orderId the order
 * @param orderListId the order list, {@code -1} if none
 * @param price the price
 * @param qty the base quantity
 * @param quoteQty the quote quantity
 * @param commission the commission paid
 * @param commissionAsset the commission's asset
 * @param time when it was allocated
 * @param buyer {@code isBuyer}
 * @param maker {@code isMaker}
 * @param allocator {@code isAllocator}
 */
public record Allocation(
        String symbol,
        Long allocationId,
        String allocationType,
        Long orderId,
        Long orderListId,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal commission,
        String commissionAsset,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        @JsonProperty("isBuyer") Boolean buyer,
        @JsonProperty("isMaker") Boolean maker,
        @JsonProperty("isAllocator") Boolean allocator) {
}
