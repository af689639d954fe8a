package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The one path typed endpoints take: build a request, send it (as a query or as an order), decode. */
final class Remote {
    /** A request, how to decode its answer, and whether it places orders (order budget, never retried). */
    record Call<T>(RestRequest request, Function<JsonNode, T> decoder, boolean order) {
    }

    private final BinanceSpot spot;

    Remote(BinanceSpot spot) {
        this.spot = spot;
    }

    <T> T sync(Call<T> call) {
        return call.decoder().apply(call.order() ? spot.callOrder(call.request()) : spot.call(call.request()));
    }

    <T> CompletableFuture<T> async(Call<T> call) {
        return (call.order() ? spot.callOrderAsync(call.request()) : spot.callAsync(call.request()))
                .thenApply(call.decoder());
    }

    static <T> Call<T> query(RestRequest request, Function<JsonNode, T> decoder) {
        return new Call<>(request, decoder, false);
    }

    static <T> Call<T> order(RestRequest request, Function<JsonNode, T> decoder) {
        return new Call<>(request, decoder, true);
    }

    static <T> Function<JsonNode, T> as(Class<T> type) {
        JavaType t = Json.mapper().constructType(type);
        return node -> Json.read(node, t);
    }

    static <T> Function<JsonNode, List<T>> listOf(Class<T> type) {
        JavaType t = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
        return node -> Json.read(node, t);
    }

    // ------------------------------------------------------------------ argument checks

    static String symbol(String symbol) {
        return nonBlank("symbol", symbol);
    }

    static String nonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static BigDecimal positive(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal positiveOrNull(String name, BigDecimal value) {
        return value == null ? null : positive(name, value);
    }

    static Integer limit(Integer limit, int max) {
        if (limit != null && (limit < 1 || limit > max)) {
            throw new IllegalArgumentException("limit must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static void range(Instant start, Instant end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("endTime " + end + " is before startTime " + start);
        }
    }

    /** Checks the order of a time range and that it spans at most {@code max}. */
    static void window(Instant start, Instant end, java.time.Duration max, String maxText) {
        range(start, end);
        if (start != null && end != null && java.time.Duration.between(start, end).compareTo(max) > 0) {
            throw new IllegalArgumentException("startTime to endTime spans more than " + maxText + ": " + start + " to " + end);
        }
    }

    static Integer between(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static void exactlyOne(String a, Object va, String b, Object vb) {
        if ((va == null) == (vb == null)) {
            throw new IllegalArgumentException("exactly one of " + a + " or " + b + " is required");
        }
    }

    static void atLeastOne(String a, Object va, String b, Object vb) {
        if (va == null && vb == null) {
            throw new IllegalArgumentException(a + " or " + b + " is required");
        }
    }
}
