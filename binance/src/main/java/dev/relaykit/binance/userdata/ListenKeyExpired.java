package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * {@code listenKeyExpired}: the legacy listen-key stream ended. Binance retired listen keys for spot
 * in favour of WebSocket API subscriptions; this type remains so that such an event still decodes.
 *
 * @param eventType {@code "listenKeyExpired"}
 * @param eventTime {@code E} (Binance sent it as a string)
 * @param listenKey the expired listen key
 */
public record ListenKeyExpired(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime,
        @JsonProperty("listenKey") String listenKey) implements UserDataEvent {

    @Override
    public String toString() {
        return "ListenKeyExpired[eventTime=" + eventTime + ", listenKey=***]";
    }
}
