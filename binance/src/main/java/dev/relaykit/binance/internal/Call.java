package dev.relaykit.binance.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.util.List;
import java.util.function.Function;

/**
 * Not API: one typed REST call, as the endpoint groups describe it and {@link BinanceContext#send}
 * runs it. It may change in any release; do not use it from outside RelayKit.
 *
 * @param request the request
 * @param decoder turns the answer's JSON into the call's result
 * @param order whether it places orders: charged to the order-count budget first, never retried
 * @param <T> the result type
 */
public record Call<T>(RestRequest request, Function<JsonNode, T> decoder, boolean order) {

    /**
     * @param request a request that places no order
     * @param decoder decodes its answer
     * @param <T> the result type
     * @return the call
     */
    public static <T> Call<T> query(RestRequest request, Function<JsonNode, T> decoder) {
        return new Call<>(request, decoder, false);
    }

    /**
     * @param request a signed request that places an order
     * @param decoder decodes its answer
     * @param <T> the result type
     * @return the call
     */
    public static <T> Call<T> order(RestRequest request, Function<JsonNode, T> decoder) {
        return new Call<>(request, decoder, true);
    }

    /**
     * @param type a model type
     * @param <T> the type
     * @return a decoder into it (the type is resolved once, not per answer)
     */
    public static <T> Function<JsonNode, T> as(Class<T> type) {
        JavaType t = Json.mapper().constructType(type);
        return node -> Json.read(node, t);
    }

    /**
     * @param type a model type
     * @param <T> the type
     * @return a decoder into a list of it
     */
    public static <T> Function<JsonNode, List<T>> listOf(Class<T> type) {
        JavaType t = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
        return node -> Json.read(node, t);
    }
}
