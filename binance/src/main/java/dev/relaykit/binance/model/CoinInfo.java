package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A coin the account can deposit or withdraw, with the account's balance of it and its networks
 * ({@code GET /sapi/v1/capital/config/getall}).
 *
 * @param coin the coin
 * @param name its display name
 * @param depositAllEnable whether deposits are open on at least one network
 * @param withdrawAllEnable whether withdrawals are open on at least one network
 * @param free available balance
 * @param locked balance held by open orders
 * @param freeze frozen balance
 * @param withdrawing balance being withdrawn
 * @param ipoing balance in a launchpad subscription
 * @param ipoable balance available for launchpad
 * @param storage storage balance
 * @param legalMoney whether the coin is fiat ({@code isLegalMoney})
 * @param trading whether the coin trades
 * @param networkList the networks, never {@code null}
 */
public record CoinInfo(
        String coin,
        String name,
        boolean depositAllEnable,
        boolean withdrawAllEnable,
        BigDecimal free,
        BigDecimal locked,
        BigDecimal freeze,
        BigDecimal withdrawing,
        BigDecimal ipoing,
        BigDecimal ipoable,
        BigDecimal storage,
        @JsonProperty("isLegalMoney") boolean legalMoney,
        boolean trading,
        List<Network> networkList) {

    /** Normalises the network list to an unmodifiable list, empty when absent. */
    public CoinInfo {
        networkList = networkList == null ? List.of() : List.copyOf(networkList);
    }

    /**
     * One network a coin moves on, with its limits and fees.
     *
     * @param network the network, e.g. {@code ETH}, {@code BSC}
     * @param coin the coin
     * @param name the network's display name
     * @param isDefault whether it is the coin's default network
     * @param depositEnable whether deposits are open
     * @param withdrawEnable whether withdrawals are open
     * @param depositDesc why deposits are closed (only when they are)
     * @param withdrawDesc why withdrawals are closed (only when they are)
     * @param specialTips deposit notes
     * @param specialWithdrawTips withdrawal notes
     * @param resetAddressStatus whether the deposit address was reset
     * @param addressRegex the pattern a withdrawal address must match
     * @param memoRegex the pattern a memo must match
     * @param withdrawFee the withdrawal fee
     * @param withdrawMin the smallest withdrawal
     * @param withdrawMax the largest withdrawal
     * @param withdrawInternalMin the smallest internal (Binance to Binance) withdrawal
     * @param withdrawIntegerMultiple the step a withdrawal amount must be a multiple of
     * @param depositDust the smallest deposit credited
     * @param minConfirm confirmations before a deposit is credited
     * @param unLockConfirm confirmations before a deposit can be withdrawn
     * @param sameAddress obsolete; see {@code withdrawTag}
     * @param withdrawTag whether a withdrawal needs a memo/tag
     * @param estimatedArrivalTime estimated arrival time (minutes)
     * @param busy whether the network is congested
     * @param contractAddressUrl the explorer link for the contract
     * @param contractAddress the token contract address
     * @param denomination units of the underlying per coin (e.g. 1000000 for {@code 1MBABYDOGE})
     */
    public record Network(
            String network,
            String coin,
            String name,
            @JsonProperty("isDefault") boolean isDefault,
            boolean depositEnable,
            boolean withdrawEnable,
            String depositDesc,
            String withdrawDesc,
            String specialTips,
            String specialWithdrawTips,
            boolean resetAddressStatus,
            String addressRegex,
            String memoRegex,
            BigDecimal withdrawFee,
            BigDecimal withdrawMin,
            BigDecimal withdrawMax,
            BigDecimal withdrawInternalMin,
            BigDecimal withdrawIntegerMultiple,
            BigDecimal depositDust,
            Integer minConfirm,
            Integer unLockConfirm,
            Boolean sameAddress,
            boolean withdrawTag,
            Integer estimatedArrivalTime,
            boolean busy,
            String contractAddressUrl,
            String contractAddress,
            Long denomination) {
    }
}
