package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * One trade that filled part of an order, as listed in a {@code FULL} order response.
 *
 * @param price the trade's price
 * @param qty the quantity traded
 * @param commission the commission paid
 * @param commissionAsset the asset the commission was paid in
 * @param tradeId the trade's id ({@code -1} for SOR allocations)
 * @param matchType how it matched ({@code ONE_PARTY_TRADE_REPORT} for SOR), or {@code null}
 * @param allocId the SOR allocation id, or {@code null}
 */
public record Fill(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset,
        Long tradeId, String matchType, Long allocId) {
}
