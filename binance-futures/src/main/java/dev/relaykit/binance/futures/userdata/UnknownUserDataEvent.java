package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user data event of a kind this version does not type (GRID_UPDATE, STRATEGY_UPDATE, the
 * deprecated CONDITIONAL_ORDER_TRIGGER_REJECT, anything Binance adds), or one that did not decode:
 * kept with its JSON so nothing is dropped.
 *
 * <pre>{@code
 * if (event instanceof UnknownUserDataEvent u && u.eventType().equals("GRID_UPDATE")) System.out.println(u.json().path("gu"));
 * }</pre>
 *
 * @param eventType {@code e}, or {@code ""} if absent
 * @param json the whole event
 */
public record UnknownUserDataEvent(String eventType, JsonNode json) implements FuturesUserDataEvent {
}
