package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of the income history ({@code GET /fapi/v1/income}): funding fees, realized PnL, commissions, transfers, ...
 *
 * @param symbol symbol (empty for transfers)
 * @param incomeType {@code TRANSFER}, {@code REALIZED_PNL}, {@code FUNDING_FEE}, {@code COMMISSION}, ...
 * @param income amount (negative: paid)
 * @param asset asset
 * @param info extra information
 * @param time time
 * @param tranId transaction id
 * @param tradeId trade id (empty if none)
 */
public record IncomeRecord(
        String symbol,
        String incomeType,
        BigDecimal income,
        String asset,
        String info,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        Long tranId,
        String tradeId) {
}
