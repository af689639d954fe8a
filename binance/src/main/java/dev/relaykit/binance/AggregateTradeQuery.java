package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import java.time.Instant;
import java.util.Objects;

/**
 * An aggregate trades request: a symbol and optionally where to start (an aggregate trade id or a
 * time), where to end, and how many. Without {@code fromId}, {@code startTime} and {@code endTime}
 * Binance returns the most recent ones.
 *
 * <pre>{@code
 * market.aggregateTrades(AggregateTradeQuery.of("BTCUSDT").fromId(26129).limit(1000));
 * }</pre>
 *
 * @param symbol the symbol
 * @param fromId first aggregate trade id (inclusive), or {@code null}
 * @param startTime from this time (inclusive), or {@code null}
 * @param endTime until this time (inclusive), or {@code null}
 * @param limit how many, 1 to 1000, or {@code null} for Binance's default (500)
 */
public record AggregateTradeQuery(String symbol, Long fromId, Instant startTime, Instant endTime, Integer limit) {

    /**
     * @param symbol the symbol
     * @param fromId the first id, or {@code null}
     * @param startTime the start, or {@code null}
     * @param endTime the end, or {@code null}
     * @param limit the limit, or {@code null}
     * @throws IllegalArgumentException for an invalid symbol, a negative id, a limit outside 1..1000
     *     or a start after the end
     */
    public AggregateTradeQuery {
        MarketData.requireSymbol(symbol);
        if (fromId != null && fromId < 0) {
            throw new IllegalArgumentException("fromId must not be negative, was " + fromId);
        }
        Params.between("aggTrades limit", limit, 1, 1000);
        MarketData.checkRange(startTime, endTime);
    }

    /**
     * @param symbol the symbol
     * @return the most recent aggregate trades
     */
    public static AggregateTradeQuery of(String symbol) {
        return new AggregateTradeQuery(symbol, null, null, null, null);
    }

    /**
     * @param fromId first aggregate trade id, inclusive
     * @return a copy
     */
    public AggregateTradeQuery fromId(long fromId) {
        return new AggregateTradeQuery(symbol, fromId, startTime, endTime, limit);
    }

    /**
     * @param startTime from this time, inclusive
     * @return a copy
     */
    public AggregateTradeQuery startTime(Instant startTime) {
        return new AggregateTradeQuery(symbol, fromId, Objects.requireNonNull(startTime, "startTime"), endTime, limit);
    }

    /**
     * @param endTime until this time, inclusive
     * @return a copy
     */
    public AggregateTradeQuery endTime(Instant endTime) {
        return new AggregateTradeQuery(symbol, fromId, startTime, Objects.requireNonNull(endTime, "endTime"), limit);
    }

    /**
     * @param limit 1 to 1000
     * @return a copy
     */
    public AggregateTradeQuery limit(int limit) {
        return new AggregateTradeQuery(symbol, fromId, startTime, endTime, limit);
    }
}
