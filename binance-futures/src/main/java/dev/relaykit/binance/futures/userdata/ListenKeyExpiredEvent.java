package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code listenKeyExpired}: Binance ended the stream's listen key ("Event: User Data Stream
 * Expired"). {@link FuturesUserDataStream} reacts by itself (new key, new connection, a gap
 * callback); listeners see it for information. {@code toString()} hides the key.
 *
 * <pre>{@code
 * if (event instanceof ListenKeyExpiredEvent e) System.out.println("renewed after " + e.eventTime());
 * }</pre>
 *
 * @param eventTimeMillis {@code E} (sent as a number or a numeric string)
 * @param listenKey {@code listenKey}, the key that expired
 */
public record ListenKeyExpiredEvent(
        @JsonProperty("E") long eventTimeMillis,
        @JsonProperty("listenKey") String listenKey) implements FuturesUserDataEvent {

    /** @return the event time */
    public Instant eventTime() {
        return Instant.ofEpochMilli(eventTimeMillis);
    }

    @Override
    public String eventType() {
        return "listenKeyExpired";
    }

    @Override
    public String toString() {
        return "ListenKeyExpiredEvent[eventTime=" + eventTime() + ", listenKey=***]";
    }
}
