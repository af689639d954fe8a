package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.time.Instant;
import java.util.List;

/**
 * Futures exchange information ({@code GET /fapi/v1/exchangeInfo}, {@code GET /dapi/v1/exchangeInfo}): rate limits, margin assets and every contract's rules.
 *
 * <pre>{@code
 * FuturesExchangeInfo info = usdm.market().exchangeInfo();
 * FuturesSymbol btc = info.symbol("BTCUSDT").orElseThrow();
 * FuturesFilter.LotSize lot = btc.filter(FuturesFilter.LotSize.class).orElseThrow();
 * }</pre>
 *
 * @param timezone the server's time zone
 * @param serverTime the server time
 * @param rateLimits the rate limits
 * @param assets margin assets (USD-M; {@code null} on COIN-M)
 * @param symbols the contracts
 */
public record FuturesExchangeInfo(
        String timezone,
        @JsonDeserialize(using = InstantMillis.class) Instant serverTime,
        List<dev.relaykit.binance.model.RateLimitRule> rateLimits,
        List<FuturesAsset> assets,
        List<FuturesSymbol> symbols) {

    /**
     * @param symbol a contract symbol, e.g. {@code "BTCUSDT"} or {@code "BTCUSD_PERP"}
     * @return its rules, if listed
     */
    public java.util.Optional<FuturesSymbol> symbol(String symbol) {
        return symbols == null ? java.util.Optional.empty()
                : symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
    }
}
