package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Decodes futures user data events by their {@code e}. Unknown fields never fail a decode; an
 * unknown kind becomes {@link UnknownUserDataEvent}. A combined-stream wrapper
 * ({@code {"stream":..,"data":{..}}}) is unwrapped.
 *
 * <pre>{@code
 * FuturesUserDataEvent e = FuturesUserDataEvents.decode("{\"e\":\"TRADE_LITE\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\"}");
 * }</pre>
 */
public final class FuturesUserDataEvents {
    private static final Map<String, Class<? extends FuturesUserDataEvent>> TYPES = Map.of(
            "ACCOUNT_UPDATE", AccountUpdate.class,
            "ORDER_TRADE_UPDATE", OrderTradeUpdate.class,
            "TRADE_LITE", TradeLite.class,
            "ALGO_UPDATE", AlgoUpdate.class,
            "ACCOUNT_CONFIG_UPDATE", AccountConfigUpdate.class,
            "MARGIN_CALL", MarginCall.class,
            "listenKeyExpired", ListenKeyExpiredEvent.class);

    private FuturesUserDataEvents() {
    }

    /**
     * @param json one user data message
     * @return the typed event
     * @throws DecodeException if the text is not a JSON object, or a known kind does not decode
     */
    public static FuturesUserDataEvent decode(String json) {
        JsonNode node = Json.tree(json);
        if (node.has("data") && node.has("stream") && node.get("data").isObject()) {
            node = node.get("data");
        }
        return decode(node);
    }

    /**
     * @param node one user data event
     * @return the typed event
     * @throws DecodeException if a known kind does not decode
     */
    public static FuturesUserDataEvent decode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new DecodeException("not a user data event: " + node);
        }
        String type = node.path("e").asText("");
        Class<? extends FuturesUserDataEvent> c = TYPES.get(type);
        if (c == null) {
            return new UnknownUserDataEvent(type, node);
        }
        try {
            return Json.mapper().treeToValue(node, c);
        } catch (IOException | IllegalArgumentException e) {
            throw new DecodeException("cannot decode " + type + ": " + e.getMessage(), e);
        }
    }
}
