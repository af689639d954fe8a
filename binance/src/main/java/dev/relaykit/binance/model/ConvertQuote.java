package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Convert quote ({@code POST /sapi/v1/convert/getQuote}). Accept it with its {@link #quoteId()}
 * before {@link #validTimestamp()}.
 *
 * @param quoteId the quote's id; {@code null} when the account lacks the funds to convert (Binance
 *     quotes a price but no id then)
 * @param ratio the price, {@code toAsset} per {@code fromAsset}
 * @param inverseRatio the inverse price
 * @param validTimestamp when the quote expires
 * @param toAmount the amount that would be received
 * @param fromAmount the amount that would be spent
 */
public record ConvertQuote(String quoteId, BigDecimal ratio, BigDecimal inverseRatio,
        @JsonDeserialize(using = InstantMillis.class) Instant validTimestamp, BigDecimal toAmount, BigDecimal fromAmount) {

    /** @return whether the quote can be accepted (Binance returned a {@code quoteId}) */
    public boolean acceptable() {
        return quoteId != null && !quoteId.isEmpty();
    }
}
