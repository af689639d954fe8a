package dev.relaykit.binance.futures.stream;

import java.util.Locale;

/**
 * Contract types a continuous kline follows ("Continuous Contract Kline/Candlestick Streams").
 *
 * <pre>{@code
 * FuturesStream.continuousKline("BTCUSDT", ContractType.PERPETUAL, KlineInterval.MINUTE_1);
 * }</pre>
 */
public enum ContractType {
    /** The perpetual contract. */
    PERPETUAL,
    /** The current quarter's delivery contract. */
    CURRENT_QUARTER,
    /** The next quarter's delivery contract. */
    NEXT_QUARTER;

    /** @return the lower-case code streams use, e.g. {@code current_quarter} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
