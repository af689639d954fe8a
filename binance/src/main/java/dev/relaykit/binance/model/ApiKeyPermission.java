package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * What the API key may do ({@code GET /sapi/v1/account/apiRestrictions}).
 *
 * @param ipRestrict whether the key is limited to trusted IPs
 * @param createTime when the key was created
 * @param enableInternalTransfer whether it may transfer between master and sub accounts
 * @param enableFutures whether it may trade futures
 * @param enablePortfolioMarginTrading whether it may use portfolio margin
 * @param enableVanillaOptions whether it may trade options
 * @param permitsUniversalTransfer whether it may use universal transfer
 * @param enableReading whether it may read
 * @param enableSpotAndMarginTrading whether it may trade spot and margin
 * @param enableWithdrawals whether it may withdraw
 * @param enableMargin whether it may use margin
 * @param tradingAuthorityExpirationTime when spot and margin trading permission expires, {@code null} if not sent
 */
public record ApiKeyPermission(
        boolean ipRestrict,
        @JsonDeserialize(using = InstantMillis.class) Instant createTime,
        boolean enableInternalTransfer,
        boolean enableFutures,
        boolean enablePortfolioMarginTrading,
        boolean enableVanillaOptions,
        boolean permitsUniversalTransfer,
        boolean enableReading,
        boolean enableSpotAndMarginTrading,
        boolean enableWithdrawals,
        boolean enableMargin,
        @JsonDeserialize(using = InstantMillis.class) Instant tradingAuthorityExpirationTime) {
}
