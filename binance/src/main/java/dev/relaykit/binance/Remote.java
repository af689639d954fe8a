package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
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
}
