package dev.relaykit.binance.userdata;

import java.time.Instant;

/**
 * One event of the user data stream (Binance spot documentation, "User Data Streams"): an
 * {@link AccountPosition}, {@link BalanceUpdate}, {@link ExecutionReport}, {@link ListStatus},
 * {@link ExternalLockUpdate}, {@link EventStreamTerminated}, {@link ListenKeyExpired}, or an
 * {@link UnknownEvent} carrying the raw JSON of an event type this version does not know.
 *
 * <pre>{@code
 * switch (event) {
 *     case ExecutionReport r -> onOrderUpdate(r);
 *     case AccountPosition p -> onBalances(p.balances());
 *     default -> { }
 * }
 * }</pre>
 */
public sealed interface UserDataEvent permits AccountPosition, BalanceUpdate, ExecutionReport, ListStatus,
        ExternalLockUpdate, EventStreamTerminated, ListenKeyExpired, UnknownEvent {

    /** @return the event type, Binance's {@code "e"} ({@code "executionReport"}, ...) */
    String eventType();

    /** @return when Binance produced the event ({@code "E"}) */
    Instant eventTime();
}
