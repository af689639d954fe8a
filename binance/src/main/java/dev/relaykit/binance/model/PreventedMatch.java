package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order match self-trade prevention stopped ({@code GET /api/v3/myPreventedMatches}).
 *
 * @param symbol the symbol
 * @param preventedMatchId the prevented match's id
 * @param takerOrderId the taker order
 * @param makerSymbol the maker order's symbol
 * @param makerOrderId the maker order
 * @param tradeGroupId the trade group
 * @param selfTradePreventionMode the STP mode that applied
 * @param price the price
 * @param makerPreventedQuantity the maker quantity that expired
 * @param transactTime when it happened
 */
public record PreventedMatch(
        String symbol,
        Long preventedMatchId,
        Long takerOrderId,
        String makerSymbol,
        Long makerOrderId,
        Long tradeGroupId,
        SelfTradePreventionMode selfTradePreventionMode,
        BigDecimal price,
        BigDecimal makerPreventedQuantity,
        @JsonDeserialize(using = InstantMillis.class) Instant transactTime) {
}
