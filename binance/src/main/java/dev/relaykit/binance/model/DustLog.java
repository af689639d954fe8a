package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Past dust conversions ({@code GET /sapi/v1/asset/dribblet}; Binance returns the last 100, from 2020-12-01 on).
 *
 * @param total how many conversions there are
 * @param userAssetDribblets the conversions, never {@code null}
 */
public record DustLog(int total, List<Conversion> userAssetDribblets) {
    /** Normalises the list to an unmodifiable list, empty when absent. */
    public DustLog {
        userAssetDribblets = userAssetDribblets == null ? List.of() : List.copyOf(userAssetDribblets);
    }

    /**
     * One conversion of several dust assets.
     *
     * @param operateTime when it ran
     * @param totalTransferedAmount the total received (Binance's spelling), in the target asset
     * @param totalServiceChargeAmount the total fee
     * @param transId the conversion's id
     * @param userAssetDribbletDetails one entry per converted asset, never {@code null}
     */
    public record Conversion(
            @JsonDeserialize(using = InstantMillis.class) Instant operateTime,
            BigDecimal totalTransferedAmount,
            BigDecimal totalServiceChargeAmount,
            long transId,
            List<Detail> userAssetDribbletDetails) {
        /** Normalises the list to an unmodifiable list, empty when absent. */
        public Conversion {
            userAssetDribbletDetails = userAssetDribbletDetails == null ? List.of() : List.copyOf(userAssetDribbletDetails);
        }
    }

    /**
     * One converted asset.
     *
     * @param transId the conversion's id
     * @param serviceChargeAmount the fee
     * @param amount the amount of {@code fromAsset} converted
     * @param operateTime when it ran
     * @param transferedAmount what was received, in {@code targetAsset}
     * @param fromAsset the dust asset
     * @param targetAsset what it was converted to ({@code BNB}), {@code null} if not sent
     */
    public record Detail(
            long transId,
            BigDecimal serviceChargeAmount,
            BigDecimal amount,
            @JsonDeserialize(using = InstantMillis.class) Instant operateTime,
            BigDecimal transferedAmount,
            String fromAsset,
            String targetAsset) {
    }
}
