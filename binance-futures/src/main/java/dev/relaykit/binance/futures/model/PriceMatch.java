package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Price matching instead of a price ({@code priceMatch}): the counterparty's or own side's best price.
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum PriceMatch {
    /** No price match. */
    NONE,
    /** Best counterparty price. */
    OPPONENT,
    /** 5th best counterparty price. */
    OPPONENT_5,
    /** 10th best counterparty price. */
    OPPONENT_10,
    /** 20th best counterparty price. */
    OPPONENT_20,
    /** Best price on the own side. */
    QUEUE,
    /** 5th best price on the own side. */
    QUEUE_5,
    /** 10th best price on the own side. */
    QUEUE_10,
    /** 20th best price on the own side. */
    QUEUE_20,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
