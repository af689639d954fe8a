package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The result of converting dust to BNB ({@code POST /sapi/v1/asset/dust}).
 *
 * @param totalServiceCharge the total fee, in BNB
 * @param totalTransfered the total BNB received (Binance's spelling)
 * @param transferResult one entry per converted asset, never {@code null}
 */
public record DustTransferResult(BigDecimal totalServiceCharge, BigDecimal totalTransfered, List<Item> transferResult) {
    /** Normalises the list to an unmodifiable list, empty when absent. */
    public DustTransferResult {
        transferResult = transferResult == null ? List.of() : List.copyOf(transferResult);
    }

    /**
     * One converted asset.
     *
     * @param amount the amount of {@code fromAsset} converted
     * @param fromAsset the dust asset
     * @param operateTime when it ran
     * @param serviceChargeAmount the fee, in BNB
     * @param tranId the transfer id
     * @param transferedAmount the BNB received
     */
    public record Item(
            BigDecimal amount,
            String fromAsset,
            @JsonDeserialize(using = InstantMillis.class) Instant operateTime,
            BigDecimal serviceChargeAmount,
            long tranId,
            BigDecimal transferedAmount) {
    }
}
