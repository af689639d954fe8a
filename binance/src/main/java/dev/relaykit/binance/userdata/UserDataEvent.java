package dev.relaykit.binance.userdata;

import java.time.Instant;

/**
 * One event of the user data stream (Binance spot documentation, "User Data Streams"): an
 * {@link AccountPosition}, {@link BalanceUpdate}, {@link ExecutionReport}, {@link ListStatus},
 * {@link ExternalLockUpdate}, {@link EventStreamTerminated}, {@link ListenKeyExpired}, or an
 * {@link UnknownEvent} carrying the raw JSON of an event type this version does not know.
 *
 * <pre>{@code
 * binance.wsApi().subscribeUserData(event -> {
 *     if (event instanceof ExecutionReport r) {
 *         System.out.println(r.symbol() + " order " + r.orderId() + ": " + r.orderStatus());
 *     } else if (event instanceof AccountPosition p) {
 *         p.balances().forEach(b -> System.out.println(b.asset() + " free " + b.free()));
 *     }   // other types (UnknownEvent: one this version does not know) are skipped
 * });
 * }</pre>
 */
public sealed interface UserDataEvent permits AccountPosition, BalanceUpdate, ExecutionReport, ListStatus,
        ExternalLockUpdate, EventStreamTerminated, ListenKeyExpired, UnknownEvent {

    /** @return the event type, Binance's {@code "e"} ({@code "executionReport"}, ...) */
    String eventType();

    /** @return when Binance produced the event ({@code "E"}) */
    Instant eventTime();
}
