package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * {@code eventStreamTerminated}: the subscription ended (after {@code userDataStream.unsubscribe}, a
 * {@code session.logout}, or an expired listen token). No more events follow on it.
 *
 * @param eventType {@code "eventStreamTerminated"}
 * @param eventTime {@code E}
 */
public record EventStreamTerminated(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime) implements UserDataEvent {
}
