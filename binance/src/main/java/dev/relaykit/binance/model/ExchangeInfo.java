package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Exchange trading rules, rate limits and symbol information ({@code GET /api/v3/exchangeInfo}).
 *
 * @param timezone the exchange's time zone ({@code UTC})
 * @param serverTime Binance's clock when it answered
 * @param rateLimits the exchange's rate limits
 * @param exchangeFilters filters that apply to the whole exchange
 * @param symbols the symbols asked for (all, one, several or those matching a filter)
 * @param sors smart order routing groups, when SOR is available
 */
public record ExchangeInfo(
        String timezone,
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant serverTime,
        List<RateLimitRule> rateLimits,
        List<SymbolFilter> exchangeFilters,
        List<SymbolInfo> symbols,
        List<Sor> sors) {

    /** Copies the lists; a missing list becomes empty. */
    public ExchangeInfo {
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
        exchangeFilters = exchangeFilters == null ? List.of() : List.copyOf(exchangeFilters);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        sors = sors == null ? List.of() : List.copyOf(sors);
    }

    /**
     * @param symbol a symbol, e.g. {@code "BTCUSDT"}
     * @return its information, if listed here
     */
    public Optional<SymbolInfo> symbol(String symbol) {
        return symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
    }

    /**
     * A smart order routing group: symbols with the same base asset SOR may route between.
     *
     * @param baseAsset the shared base asset
     * @param symbols the symbols in the group
     */
    public record Sor(String baseAsset, List<String> symbols) {
        /** Copies the list. */
        public Sor {
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
        }
    }
}
