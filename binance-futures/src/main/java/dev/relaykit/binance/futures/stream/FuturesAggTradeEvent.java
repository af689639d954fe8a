package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An aggregate trade, from {@code <symbol>@aggTrade} (USD-M and COIN-M "Aggregate Trade Streams").
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.aggTrade("BTCUSDT"), t -> System.out.println(t.price() + " x " + t.quantity()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param symbol {@code s}
 * @param aggregateTradeId {@code a}
 * @param price {@code p}
 * @param quantity {@code q}, every market trade included
 * @param normalQuantity {@code nq}, without trades involving RPI orders (USD-M); {@code null} where not sent
 * @param firstTradeId {@code f}
 * @param lastTradeId {@code l}
 * @param tradeTime {@code T}
 * @param buyerMaker {@code m}: the buyer was the maker (the taker sold)
 */
public record FuturesAggTradeEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("a") long aggregateTradeId,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("nq") BigDecimal normalQuantity,
        @JsonProperty("f") long firstTradeId,
        @JsonProperty("l") long lastTradeId,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant tradeTime,
        @JsonProperty("m") boolean buyerMaker) {
}
