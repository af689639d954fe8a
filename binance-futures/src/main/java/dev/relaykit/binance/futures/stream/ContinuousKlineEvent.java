package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaykit.binance.model.KlineEvent;
import java.time.Instant;

/**
 * A continuous-contract candle, from {@code <pair>_<contractType>@continuousKline_<interval>}
 * ("Continuous Contract Kline/Candlestick Streams"). The candle has the spot kline's fields.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.continuousKline("BTCUSDT", ContractType.PERPETUAL, KlineInterval.MINUTE_1),
 *         k -> System.out.println(k.kline().close()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param pair {@code ps}
 * @param contractType {@code ct}, e.g. {@code PERPETUAL}
 * @param kline {@code k}
 */
public record ContinuousKlineEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("ps") String pair,
        @JsonProperty("ct") String contractType,
        @JsonProperty("k") KlineEvent.Candle kline) {
}
