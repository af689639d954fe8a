package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Best bid and ask, from {@code <symbol>@bookTicker} and {@code !bookTicker} ("Individual Symbol
 * Book Ticker Streams"); travels on {@code /public}.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.bookTicker("BTCUSDT"), b -> System.out.println(b.bidPrice() + " / " + b.askPrice()));
 * }</pre>
 *
 * @param updateId {@code u}
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param symbol {@code s}
 * @param bidPrice {@code b}
 * @param bidQuantity {@code B}
 * @param askPrice {@code a}
 * @param askQuantity {@code A}
 */
public record FuturesBookTickerEvent(
        @JsonProperty("u") long updateId,
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("b") BigDecimal bidPrice,
        @JsonProperty("B") BigDecimal bidQuantity,
        @JsonProperty("a") BigDecimal askPrice,
        @JsonProperty("A") BigDecimal askQuantity) {
}
