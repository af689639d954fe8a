package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One deposit ({@code GET /sapi/v1/capital/deposit/hisrec}).
 *
 * @param id Binance's deposit id
 * @param amount the amount
 * @param coin the coin
 * @param network the network
 * @param status Binance's numeric status; see {@link #depositStatus()}
 * @param address the deposit address
 * @param addressTag the memo/tag, empty when none
 * @param txId the chain transaction id
 * @param insertTime when the deposit was seen
 * @param completeTime when it was credited, {@code null} if not sent
 * @param transferType {@code 0} external, {@code 1} internal
 * @param confirmTimes confirmations so far, e.g. {@code "1/1"}
 * @param unlockConfirm confirmations needed before the deposit can be withdrawn
 * @param walletType {@code 0} spot wallet, {@code 1} funding wallet
 * @param travelRuleStatus travel-rule status, {@code null} if not sent
 * @param sourceAddress the sender's address (only with {@code includeSource})
 */
public record DepositRecord(
        String id,
        BigDecimal amount,
        String coin,
        String network,
        int status,
        String address,
        String addressTag,
        String txId,
        @JsonDeserialize(using = InstantMillis.class) Instant insertTime,
        @JsonDeserialize(using = InstantMillis.class) Instant completeTime,
        Integer transferType,
        String confirmTimes,
        Integer unlockConfirm,
        Integer walletType,
        Integer travelRuleStatus,
        String sourceAddress) {

    /** @return the status as a constant */
    public Status depositStatus() {
        return Status.of(status);
    }

    /** Deposit states as Binance numbers them. */
    public enum Status {
        /** 0: pending. */
        PENDING(0),
        /** 1: credited and withdrawable. */
        SUCCESS(1),
        /** 2: rejected. */
        REJECTED(2),
        /** 6: credited but not yet withdrawable. */
        CREDITED_CANNOT_WITHDRAW(6),
        /** 7: wrong deposit. */
        WRONG_DEPOSIT(7),
        /** 8: waiting for the user to confirm. */
        WAITING_USER_CONFIRM(8),
        /** A number this version does not know. */
        UNKNOWN(-1);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        /** @return Binance's number for the state ({@code -1} for {@link #UNKNOWN}) */
        public int code() {
            return code;
        }

        /**
         * @param code Binance's number
         * @return the state, {@link #UNKNOWN} for numbers this version does not know
         */
        public static Status of(int code) {
            for (Status s : values()) {
                if (s.code == code && s != UNKNOWN) {
                    return s;
                }
            }
            return UNKNOWN;
        }
    }
}
