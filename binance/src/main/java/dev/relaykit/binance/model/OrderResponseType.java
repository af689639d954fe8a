package dev.relaykit.binance.model;

/** How much an order placement answers with (request parameter {@code newOrderRespType}). */
public enum OrderResponseType {
    /** Ids and time only; fastest. */
    ACK,
    /** The order's state after placement. */
    RESULT,
    /** The order's state and its fills. */
    FULL
}
