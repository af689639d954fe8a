package dev.relaykit.binance.userdata;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time in which the user data stream was not delivering: the connection was lost at
 * {@link #from()} and the subscription was active again at {@link #to()}. Events of that stretch are
 * not replayed by Binance: re-query open orders and balances.
 *
 * @param from when the connection was lost
 * @param to when the re-subscription was confirmed
 */
public record UserDataGap(Instant from, Instant to) {

    /** @return how long the gap lasted */
    public Duration duration() {
        return Duration.between(from, to);
    }
}
