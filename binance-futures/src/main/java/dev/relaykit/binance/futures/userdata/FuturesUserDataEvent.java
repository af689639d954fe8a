package dev.relaykit.binance.futures.userdata;

/**
 * One event of a futures user data stream (USD-M and COIN-M "User Data Streams" pages). Switch on
 * the type:
 *
 * <pre>{@code
 * FuturesUserDataListener listener = e -> {
 *     if (e instanceof OrderTradeUpdate o) {
 *         System.out.println(o.order().status());
 *     } else if (e instanceof AccountUpdate a) {
 *         System.out.println(a.update().balances());
 *     } else if (e instanceof AlgoUpdate a) {
 *         System.out.println(a.order().status());
 *     }
 * };
 * }</pre>
 *
 * <p>Kinds this version does not type (CONDITIONAL_ORDER_TRIGGER_REJECT, deprecated since
 * rejections come in ALGO_UPDATE; GRID_UPDATE; STRATEGY_UPDATE; anything new) arrive as
 * {@link UnknownUserDataEvent} with their JSON, never dropped.
 */
public sealed interface FuturesUserDataEvent permits AccountUpdate, OrderTradeUpdate, TradeLite, AlgoUpdate,
        AccountConfigUpdate, MarginCall, ListenKeyExpiredEvent, UnknownUserDataEvent {
    /** @return the event type as Binance names it ({@code e}), e.g. {@code ORDER_TRADE_UPDATE} */
    String eventType();
}
