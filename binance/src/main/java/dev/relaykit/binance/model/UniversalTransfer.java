package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One universal transfer ({@code GET /sapi/v1/asset/transfer}).
 *
 * @param asset the asset
 * @param amount the amount
 * @param type where it went
 * @param status its state
 * @param tranId the transfer id
 * @param timestamp when it was made
 */
public record UniversalTransfer(String asset, BigDecimal amount, UniversalTransferType type, Status status, long tranId,
        @JsonDeserialize(using = InstantMillis.class) Instant timestamp) {

    /** A transfer's state. */
    public enum Status {
        /** Done. */
        CONFIRMED,
        /** Failed. */
        FAILED,
        /** In progress. */
        PENDING,
        /** A state this version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
