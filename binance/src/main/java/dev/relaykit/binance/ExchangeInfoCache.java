package dev.relaykit.binance;

import dev.relaykit.binance.model.ExchangeInfo;
import dev.relaykit.binance.model.SymbolInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the latest exchange information and answers per-symbol rules from it, without a network
 * call. Refresh it as often as suits you (Binance changes filters rarely; once an hour is plenty).
 *
 * <pre>{@code
 * ExchangeInfoCache cache = new ExchangeInfoCache();
 * cache.update(binance.market().exchangeInfo());
 * cache.rules("BTCUSDT").checkLimitOrder(new BigDecimal("65000.01"), new BigDecimal("0.00123"));   // or throws
 * }</pre>
 *
 * <p>Thread-safe: {@link #update(ExchangeInfo)} swaps in a new snapshot atomically.
 */
public final class ExchangeInfoCache {
    private record Snapshot(ExchangeInfo info, Map<String, SymbolInfo> symbols, Map<String, SymbolRules> rules,
            Instant updatedAt) {
    }

    private final Clock clock;
    private volatile Snapshot snapshot;

    /** An empty cache; {@link #update(ExchangeInfo)} fills it. */
    public ExchangeInfoCache() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the clock {@link #updatedAt()} reads
     */
    public ExchangeInfoCache(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param info exchange information
     * @return a cache holding it
     */
    public static ExchangeInfoCache of(ExchangeInfo info) {
        ExchangeInfoCache c = new ExchangeInfoCache();
        c.update(info);
        return c;
    }

    /**
     * Replaces what the cache holds (a one-symbol answer replaces everything, too).
     *
     * @param info the latest exchange information
     */
    public void update(ExchangeInfo info) {
        Objects.requireNonNull(info, "info");
        Map<String, SymbolInfo> symbols = new LinkedHashMap<>();
        Map<String, SymbolRules> rules = new LinkedHashMap<>();
        for (SymbolInfo s : info.symbols()) {
            symbols.put(s.symbol(), s);
            rules.put(s.symbol(), SymbolRules.of(s));
        }
        snapshot = new Snapshot(info, Map.copyOf(symbols), Map.copyOf(rules), clock.instant());
    }

    /** @return the exchange information last given to {@link #update(ExchangeInfo)}, if any */
    public Optional<ExchangeInfo> exchangeInfo() {
        Snapshot s = snapshot;
        return s == null ? Optional.empty() : Optional.of(s.info);
    }

    /** @return when the cache was last updated, if ever */
    public Optional<Instant> updatedAt() {
        Snapshot s = snapshot;
        return s == null ? Optional.empty() : Optional.of(s.updatedAt);
    }

    /**
     * @param symbol a symbol
     * @return whether the cache lists it
     */
    public boolean contains(String symbol) {
        Snapshot s = snapshot;
        return s != null && s.symbols.containsKey(symbol);
    }

    /**
     * @param symbol a symbol, e.g. {@code "BTCUSDT"}
     * @return its information
     * @throws IllegalStateException if the cache was never updated
     * @throws IllegalArgumentException ("unknown symbol FOOBAR") if the cache does not list it
     */
    public SymbolInfo symbol(String symbol) {
        return lookup(symbol, current().symbols);
    }

    /**
     * @param symbol a symbol, e.g. {@code "BTCUSDT"}
     * @return its rules, for checking orders locally
     * @throws IllegalStateException if the cache was never updated
     * @throws IllegalArgumentException ("unknown symbol FOOBAR") if the cache does not list it
     */
    public SymbolRules rules(String symbol) {
        return lookup(symbol, current().rules);
    }

    /**
     * Checks a new order against its symbol's rules, as every order sent by a client built with
     * {@link BinanceSpot.Builder#orderRules(ExchangeInfoCache)} is (REST and WebSocket API): price and
     * quantity against PRICE_FILTER, LOT_SIZE (MARKET_LOT_SIZE for market orders) and the notional
     * filters, whichever the order carries.
     *
     * @param order the order
     * @return the order
     * @throws IllegalStateException if the cache was never updated
     * @throws IllegalArgumentException naming the symbol or filter the order breaks
     */
    public NewOrder checkOrder(NewOrder order) {
        SymbolRules rules = rules(order.symbol());
        if (order.price() != null && order.quantity() != null) {
            rules.checkLimitOrder(order.price(), order.quantity());
        } else if (order.quantity() != null) {
            if (order.type() == dev.relaykit.binance.model.OrderType.MARKET) {
                rules.checkMarketQuantity(order.quantity());
            } else {
                rules.checkQuantity(order.quantity());
            }
        } else if (order.price() != null) {
            rules.checkPrice(order.price());
        }
        return order;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            throw new IllegalStateException("no exchange information yet: call update(market.exchangeInfo()) first");
        }
        return s;
    }

    private static <T> T lookup(String symbol, Map<String, T> map) {
        Objects.requireNonNull(symbol, "symbol");
        T t = map.get(symbol);
        if (t == null) {
            throw new IllegalArgumentException("unknown symbol " + symbol
                    + (symbol.equals(symbol.toUpperCase(java.util.Locale.ROOT)) ? "" : " (symbols are upper case)"));
        }
        return t;
    }

    @Override
    public String toString() {
        Snapshot s = snapshot;
        return "ExchangeInfoCache[" + (s == null ? "empty" : s.symbols.size() + " symbols, updated " + s.updatedAt) + "]";
    }
}
