package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of the account's trades ({@code GET /api/v3/myTrades}).
 *
 * @param symbol the symbol
 * @param id the trade id
 * @param orderId the order the trade filled
 * @param orderListId the order list, {@code -1} if none
 * @param price the price
 * @param qty the base quantity
 * @param quoteQty the quote quantity
 * @param commission the commission paid
 * @param commissionAsset the asset the commission was paid in
 * @param time when it traded
 * @param buyer whether the account was the buyer ({@code isBuyer})
 * @param maker whether the account was the maker ({@code isMaker})
 * @param bestMatch {@code isBestMatch}
 */
public record AccountTrade(
        String symbol,
        Long id,
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
        @JsonProperty("isBestMatch") Boolean bestMatch) {
}
