package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One asset of the futures wallet ({@code GET /fapi/v3/balance}, {@code /dapi/v1/balance}).
 *
 * @param accountAlias the account's alias
 * @param asset asset
 * @param balance wallet balance
 * @param crossWalletBalance crossed wallet balance
 * @param crossUnPnl unrealized profit of crossed positions
 * @param availableBalance available balance
 * @param maxWithdrawAmount most that can be transferred out
 * @param marginAvailable whether it can be margin in multi-assets mode (USD-M)
 * @param withdrawAvailable COIN-M: most that can be withdrawn
 * @param updateTime last update
 */
public record FuturesBalance(
        String accountAlias,
        String asset,
        BigDecimal balance,
        BigDecimal crossWalletBalance,
        BigDecimal crossUnPnl,
        BigDecimal availableBalance,
        BigDecimal maxWithdrawAmount,
        Boolean marginAvailable,
        BigDecimal withdrawAvailable,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {
}
