package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Spot account information ({@code GET /api/v3/account}).
 *
 * @param makerCommission maker commission in basis points (legacy; see {@link #commissionRates()})
 * @param takerCommission taker commission in basis points (legacy)
 * @param buyerCommission buyer commission in basis points (legacy)
 * @param sellerCommission seller commission in basis points (legacy)
 * @param commissionRates the commission rates as fractions
 * @param canTrade whether the account may trade
 * @param canWithdraw whether it may withdraw
 * @param canDeposit whether it may deposit
 * @param brokered whether it is a broker sub-account
 * @param requireSelfTradePrevention whether its orders must use STP
 * @param preventSor whether smart order routing is disabled for it
 * @param updateTime when the account last changed
 * @param accountType the account type ({@code SPOT})
 * @param balances the balances, never {@code null}
 * @param permissions the account's permissions, never {@code null}
 * @param uid the user id
 */
public record Account(
        Integer makerCommission,
        Integer takerCommission,
        Integer buyerCommission,
        Integer sellerCommission,
        CommissionRates commissionRates,
        Boolean canTrade,
        Boolean canWithdraw,
        Boolean canDeposit,
        Boolean brokered,
        Boolean requireSelfTradePrevention,
        Boolean preventSor,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime,
        String accountType,
        List<Balance> balances,
        List<String> permissions,
        Long uid) {

    /** Normalises the lists to unmodifiable lists, empty when absent. */
    public Account {
        balances = balances == null ? List.of() : List.copyOf(balances);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    /**
     * One asset's balance.
     *
     * @param asset the asset
     * @param free what is available
     * @param locked what open orders hold
     */
    public record Balance(String asset, BigDecimal free, BigDecimal locked) {
    }
}
