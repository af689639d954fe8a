package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * The answer to accepting a quote ({@code POST /sapi/v1/convert/acceptQuote}). {@link ConvertOrderStatus#PROCESS}
 * means the conversion is under way: query it with {@code orderStatus} until it is {@code SUCCESS} or {@code FAIL}.
 *
 * @param orderId the Convert order's id
 * @param createTime when it was created
 * @param orderStatus its state
 */
public record ConvertAcceptance(long orderId, @JsonDeserialize(using = InstantMillis.class) Instant createTime,
        ConvertOrderStatus orderStatus) {
}
