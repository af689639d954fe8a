package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.KlineInterval;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A kline request: symbol and interval, optionally a time range, a time zone for the bars and a limit.
 *
 * <pre>{@code
 * List<Kline> bars = market.klines(KlineQuery.of("BTCUSDT", KlineInterval.HOUR_1)
 *         .startTime(Instant.parse("2025-01-01T00:00:00Z"))
 *         .timeZone(ZoneOffset.ofHours(8))
 *         .limit(24));
 * }</pre>
 *
 * @param symbol the symbol
 * @param interval the bar interval
 * @param startTime first bar's open time at or after this, or {@code null}
 * @param endTime bars up to this, or {@code null} (always UTC instants, whatever the time zone)
 * @param timeZone interpret intervals in this offset (-12:00 to +14:00, whole minutes), or {@code null} for UTC
 * @param limit how many bars, 1 to 1000, or {@code null} for Binance's default (500)
 */
public record KlineQuery(String symbol, KlineInterval interval, Instant startTime, Instant endTime,
        ZoneOffset timeZone, Integer limit) {

    private static final int MIN_OFFSET = -12 * 3600;
    private static final int MAX_OFFSET = 14 * 3600;

    /**
     * Validates the request.
     *
     * @param symbol the symbol
     * @param interval the interval
     * @param startTime the start, or {@code null}
     * @param endTime the end, or {@code null}
     * @param timeZone the offset, or {@code null}
     * @param limit the limit, or {@code null}
     * @throws IllegalArgumentException for a missing or invalid symbol or interval, a limit outside
     *     1..1000, a start after the end, or a time zone Binance does not accept
     */
    public KlineQuery {
        MarketData.requireSymbol(symbol);
        if (interval == null) {
            throw new IllegalArgumentException("interval is required (one of KlineInterval)");
        }
        Params.between("klines limit", limit, 1, 1000);
        MarketData.checkRange(startTime, endTime);
        if (timeZone != null) {
            int s = timeZone.getTotalSeconds();
            if (s < MIN_OFFSET || s > MAX_OFFSET || s % 60 != 0) {
                throw new IllegalArgumentException("timeZone must be whole minutes between -12:00 and +14:00, was "
                        + timeZone.getId());
            }
        }
    }

    /**
     * @param symbol the symbol
     * @param interval the interval
     * @return the most recent bars (Binance's default limit)
     */
    public static KlineQuery of(String symbol, KlineInterval interval) {
        return new KlineQuery(symbol, interval, null, null, null, null);
    }

    /**
     * @param startTime bars opening at or after this
     * @return a copy
     */
    public KlineQuery startTime(Instant startTime) {
        return new KlineQuery(symbol, interval, Objects.requireNonNull(startTime, "startTime"), endTime, timeZone,
                limit);
    }

    /**
     * @param endTime bars up to this
     * @return a copy
     */
    public KlineQuery endTime(Instant endTime) {
        return new KlineQuery(symbol, interval, startTime, Objects.requireNonNull(endTime, "endTime"), timeZone,
                limit);
    }

    /**
     * @param timeZone interpret intervals in this offset
     * @return a copy
     */
    public KlineQuery timeZone(ZoneOffset timeZone) {
        return new KlineQuery(symbol, interval, startTime, endTime, Objects.requireNonNull(timeZone, "timeZone"),
                limit);
    }

    /**
     * @param limit 1 to 1000
     * @return a copy
     */
    public KlineQuery limit(int limit) {
        return new KlineQuery(symbol, interval, startTime, endTime, timeZone, limit);
    }

    /** @return the time zone as Binance reads it ({@code "8:00"}, {@code "-1:00"}, {@code "5:45"}), or {@code null} */
    String timeZoneParam() {
        if (timeZone == null) {
            return null;
        }
        int minutes = timeZone.getTotalSeconds() / 60;
        return (minutes < 0 ? "-" : "") + Math.abs(minutes) / 60 + ":" + String.format("%02d", Math.abs(minutes) % 60);
    }
}
