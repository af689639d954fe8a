package dev.relaykit.binance;

import dev.relaykit.binance.model.SymbolStatus;
import dev.relaykit.binance.model.TickerType;
import java.util.List;
import java.util.Objects;

/**
 * Which symbols a ticker call covers, and how: all symbols or a list, {@code FULL} or {@code MINI}
 * statistics, and optionally only symbols with a trading status.
 *
 * <pre>{@code
 * market.tickers24h(TickerQuery.symbols("BTCUSDT", "BNBUSDT").type(TickerType.MINI));
 * market.prices(TickerQuery.all().symbolStatus(SymbolStatus.TRADING));
 * }</pre>
 *
 * <p>Each endpoint checks what it supports before anything is sent: the trading day and rolling
 * window tickers need 1 to 100 symbols; the price and book tickers have no type.
 *
 * @param symbols the symbols; empty for all
 * @param type {@code FULL} or {@code MINI}, or {@code null} for Binance's default ({@code FULL})
 * @param symbolStatus only symbols with this status ({@code TRADING}, {@code HALT} or {@code BREAK}), or {@code null}
 */
public record TickerQuery(List<String> symbols, TickerType type, SymbolStatus symbolStatus) {

    /**
     * @param symbols the symbols, or empty for all
     * @param type the ticker type, or {@code null}
     * @param symbolStatus the status filter, or {@code null}
     * @throws IllegalArgumentException for an invalid symbol or a status other than TRADING, HALT or BREAK
     */
    public TickerQuery {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        symbols.forEach(MarketData::requireSymbol);
        if (symbolStatus != null) {
            MarketData.requireFilterStatus(symbolStatus);
        }
    }

    /** @return every symbol */
    public static TickerQuery all() {
        return new TickerQuery(List.of(), null, null);
    }

    /**
     * @param symbols one or more symbols
     * @return a query for those symbols
     * @throws IllegalArgumentException if none is given or one is invalid
     */
    public static TickerQuery symbols(String... symbols) {
        return symbols(List.of(symbols));
    }

    /**
     * @param symbols one or more symbols
     * @return a query for those symbols
     * @throws IllegalArgumentException if the list is empty or a symbol is invalid
     */
    public static TickerQuery symbols(List<String> symbols) {
        if (Objects.requireNonNull(symbols, "symbols").isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty; use TickerQuery.all()");
        }
        return new TickerQuery(symbols, null, null);
    }

    /**
     * @param type {@code FULL} or {@code MINI}
     * @return a copy with that type
     */
    public TickerQuery type(TickerType type) {
        return new TickerQuery(symbols, Objects.requireNonNull(type, "type"), symbolStatus);
    }

    /**
     * @param status {@code TRADING}, {@code HALT} or {@code BREAK}
     * @return a copy listing only symbols with that status (one named symbol with another status gets
     *     Binance's error -1220)
     */
    public TickerQuery symbolStatus(SymbolStatus status) {
        return new TickerQuery(symbols, type, Objects.requireNonNull(status, "status"));
    }
}
