package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One withdrawal ({@code GET /sapi/v1/capital/withdraw/history}).
 *
 * @param id Binance's withdrawal id (what {@code withdraw} returned)
 * @param amount the amount withdrawn
 * @param transactionFee the fee
 * @param coin the coin
 * @param status Binance's numeric status; see {@link #withdrawStatus()}
 * @param address the destination address
 * @param addressTag the memo/tag, when one was given
 * @param txId the chain transaction id
 * @param applyTime when the withdrawal was requested (Binance sends UTC {@code yyyy-MM-dd HH:mm:ss})
 * @param completeTime when it completed, {@code null} if not yet
 * @param network the network ({@code null} for old withdrawals)
 * @param transferType {@code 0} external, {@code 1} internal
 * @param withdrawOrderId your id for the withdrawal, {@code null} if none was given
 * @param info why the withdrawal failed, when it did
 * @param confirmNo confirmations so far
 * @param walletType {@code 0} spot wallet, {@code 1} funding wallet
 * @param txKey the transaction key
 */
public record WithdrawRecord(
        String id,
        BigDecimal amount,
        BigDecimal transactionFee,
        String coin,
        int status,
        String address,
        String addressTag,
        String txId,
        @JsonDeserialize(using = UtcDateTime.class) Instant applyTime,
        @JsonDeserialize(using = UtcDateTime.class) Instant completeTime,
        String network,
        Integer transferType,
        String withdrawOrderId,
        String info,
        Integer confirmNo,
        Integer walletType,
        String txKey) {

    /** @return the status as a constant */
    public Status withdrawStatus() {
        return Status.of(status);
    }

    /** Withdrawal states as Binance numbers them. */
    public enum Status {
        /** 0: confirmation email sent. */
        EMAIL_SENT(0),
        /** 2: awaiting approval. */
        AWAITING_APPROVAL(2),
        /** 3: rejected. */
        REJECTED(3),
        /** 4: processing. */
        PROCESSING(4),
        /** 6: completed. */
        COMPLETED(6),
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
