package dev.relaykit.binance;

import dev.relaykit.binance.model.SymbolStatus;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MarketData#exchangeInfo(ExchangeInfoQuery)} asks for: all symbols, one, several, or
 * those with given permissions; optionally only symbols with a trading status, and without
 * {@code permissionSets} (a smaller answer).
 *
 * <pre>{@code
 * market.exchangeInfo(ExchangeInfoQuery.permissions("SPOT").withSymbolStatus(SymbolStatus.TRADING)
 *         .withoutPermissionSets());
 * }</pre>
 *
 * @param symbols the symbols asked for; empty for all
 * @param permissions permissions to filter by; empty for Binance's default (SPOT, MARGIN or LEVERAGED)
 * @param symbolStatus only symbols with this status ({@code TRADING}, {@code HALT} or {@code BREAK}), or {@code null}
 * @param showPermissionSets {@code false} to leave {@code permissionSets} empty; {@code null} for Binance's default (shown)
 */
public record ExchangeInfoQuery(List<String> symbols, List<String> permissions, SymbolStatus symbolStatus,
        Boolean showPermissionSets) {

    /**
     * Validates the combination, as Binance would.
     *
     * @param symbols the symbols, or empty
     * @param permissions the permissions, or empty
     * @param symbolStatus the status filter, or {@code null}
     * @param showPermissionSets whether to show permission sets, or {@code null}
     * @throws IllegalArgumentException for a bad symbol, permissions combined with symbols, a status
     *     filter combined with symbols, or a status other than TRADING, HALT or BREAK
     */
    public ExchangeInfoQuery {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        symbols.forEach(MarketData::requireSymbol);
        for (String p : permissions) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("permissions must not contain a blank value");
            }
        }
        if (!symbols.isEmpty() && !permissions.isEmpty()) {
            throw new IllegalArgumentException("exchangeInfo: permissions cannot be combined with symbol or symbols");
        }
        if (symbolStatus != null) {
            if (!symbols.isEmpty()) {
                throw new IllegalArgumentException(
                        "exchangeInfo: symbolStatus cannot be combined with symbol or symbols");
            }
            MarketData.requireFilterStatus(symbolStatus);
        }
    }

    /** @return every symbol (Binance's default permissions) */
    public static ExchangeInfoQuery all() {
        return new ExchangeInfoQuery(List.of(), List.of(), null, null);
    }

    /**
     * @param symbols one or more symbols
     * @return a query for those symbols
     * @throws IllegalArgumentException if none is given or one is not a valid symbol
     */
    public static ExchangeInfoQuery symbols(String... symbols) {
        return symbols(List.of(symbols));
    }

    /**
     * @param symbols one or more symbols
     * @return a query for those symbols
     * @throws IllegalArgumentException if the list is empty or a symbol is not valid
     */
    public static ExchangeInfoQuery symbols(List<String> symbols) {
        if (Objects.requireNonNull(symbols, "symbols").isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty; use ExchangeInfoQuery.all()");
        }
        return new ExchangeInfoQuery(symbols, List.of(), null, null);
    }

    /**
     * @param permissions one or more permissions, e.g. {@code "SPOT"}, {@code "MARGIN"}, {@code "TRD_GRP_004"}
     * @return a query for the symbols with any of those permissions
     * @throws IllegalArgumentException if none is given
     */
    public static ExchangeInfoQuery permissions(String... permissions) {
        if (permissions.length == 0) {
            throw new IllegalArgumentException("permissions must not be empty");
        }
        return new ExchangeInfoQuery(List.of(), List.of(permissions), null, null);
    }

    /**
     * @param status {@code TRADING}, {@code HALT} or {@code BREAK}
     * @return a copy listing only symbols with that status
     * @throws IllegalArgumentException if the query names symbols, or for another status
     */
    public ExchangeInfoQuery withSymbolStatus(SymbolStatus status) {
        return new ExchangeInfoQuery(symbols, permissions, Objects.requireNonNull(status, "status"),
                showPermissionSets);
    }

    /** @return a copy asking Binance to leave {@code permissionSets} empty (a smaller answer) */
    public ExchangeInfoQuery withoutPermissionSets() {
        return new ExchangeInfoQuery(symbols, permissions, symbolStatus, false);
    }
}
