package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Mark price and funding, from {@code <symbol>@markPrice[@1s]} and {@code !markPrice@arr} (USD-M
 * and COIN-M "Mark Price Stream"). COIN-M delivery symbols send an empty funding rate and a next
 * funding time of 0: {@code fundingRate} is then {@code null} and {@code nextFundingTime} the epoch.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.markPrice("BTCUSDT"), m -> System.out.println(m.markPrice() + " " + m.fundingRate()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param symbol {@code s}
 * @param markPrice {@code p}
 * @param markPriceAverage {@code ap}, the mark price moving average USD-M added; {@code null} where not sent
 * @param indexPrice {@code i}
 * @param estimatedSettlePrice {@code P}, useful in the last hour before settlement
 * @param fundingRate {@code r}, or {@code null} for delivery contracts
 * @param nextFundingTime {@code T}
 */
public record MarkPriceEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("p") BigDecimal markPrice,
        @JsonProperty("ap") BigDecimal markPriceAverage,
        @JsonProperty("i") BigDecimal indexPrice,
        @JsonProperty("P") BigDecimal estimatedSettlePrice,
        @JsonProperty("r") BigDecimal fundingRate,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant nextFundingTime) {
}
