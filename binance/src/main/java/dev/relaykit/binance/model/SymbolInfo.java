package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One symbol's trading rules and capabilities, from {@code GET /api/v3/exchangeInfo}.
 *
 * <p>Flags Binance does not send (older environments) read as {@code false}; lists Binance does not
 * send are empty.
 *
 * @param symbol the symbol, e.g. {@code ETHBTC}
 * @param status trading status
 * @param baseAsset the asset a quantity is in
 * @param baseAssetPrecision decimals of the base asset
 * @param quoteAsset the asset a price is in
 * @param quotePrecision decimals of the quote asset (Binance's older name; to be removed in v4)
 * @param quoteAssetPrecision decimals of the quote asset
 * @param baseCommissionPrecision decimals of commissions in the base asset
 * @param quoteCommissionPrecision decimals of commissions in the quote asset
 * @param orderTypes order types the symbol accepts
 * @param icebergAllowed whether iceberg orders are allowed
 * @param ocoAllowed whether OCO order lists are allowed
 * @param otoAllowed whether OTO order lists are allowed
 * @param opoAllowed whether OPO order lists are allowed
 * @param quoteOrderQtyMarketAllowed whether {@code MARKET} orders by quote quantity are allowed
 * @param allowTrailingStop whether trailing stops are allowed
 * @param cancelReplaceAllowed whether cancel-replace is allowed
 * @param amendAllowed whether orders may be amended keeping priority
 * @param pegInstructionsAllowed whether pegged orders are allowed
 * @param spotTradingAllowed whether spot trading is allowed (JSON {@code isSpotTradingAllowed})
 * @param marginTradingAllowed whether margin trading is allowed (JSON {@code isMarginTradingAllowed})
 * @param filters the symbol's filters
 * @param permissions legacy permissions (empty since 2024; see {@code permissionSets})
 * @param permissionSets an order is allowed if the account has, for every set, at least one of its permissions
 * @param defaultSelfTradePreventionMode the STP mode used when an order names none
 * @param allowedSelfTradePreventionModes the STP modes an order may name
 */
public record SymbolInfo(
        String symbol,
        SymbolStatus status,
        String baseAsset,
        int baseAssetPrecision,
        String quoteAsset,
        int quotePrecision,
        int quoteAssetPrecision,
        int baseCommissionPrecision,
        int quoteCommissionPrecision,
        List<OrderType> orderTypes,
        boolean icebergAllowed,
        boolean ocoAllowed,
        boolean otoAllowed,
        boolean opoAllowed,
        boolean quoteOrderQtyMarketAllowed,
        boolean allowTrailingStop,
        boolean cancelReplaceAllowed,
        boolean amendAllowed,
        boolean pegInstructionsAllowed,
        @JsonProperty("isSpotTradingAllowed") boolean spotTradingAllowed,
        @JsonProperty("isMarginTradingAllowed") boolean marginTradingAllowed,
        List<SymbolFilter> filters,
        List<String> permissions,
        List<List<String>> permissionSets,
        String defaultSelfTradePreventionMode,
        List<String> allowedSelfTradePreventionModes) {

    /** Copies the lists; a missing list becomes empty. */
    public SymbolInfo {
        orderTypes = orderTypes == null ? List.of() : List.copyOf(orderTypes);
        filters = filters == null ? List.of() : List.copyOf(filters);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        permissionSets = permissionSets == null ? List.of() : permissionSets.stream().map(List::copyOf).toList();
        allowedSelfTradePreventionModes = allowedSelfTradePreventionModes == null
                ? List.of() : List.copyOf(allowedSelfTradePreventionModes);
    }

    /**
     * Finds a filter by type.
     *
     * <pre>{@code
     * SymbolInfo symbol = binance.market().exchangeInfo("BTCUSDT").symbol("BTCUSDT").orElseThrow();
     * BigDecimal step = symbol.filter(SymbolFilter.LotSize.class).map(SymbolFilter.LotSize::stepSize).orElseThrow();
     * }</pre>
     *
     * @param type the filter record type
     * @param <T> the filter type
     * @return the symbol's first filter of that type, if it has one
     */
    public <T extends SymbolFilter> Optional<T> filter(Class<T> type) {
        return filters.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
