package dev.relaykit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.relaykit.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * USD-M's algo-order service behind {@link FakeBinanceFutures}, from Binance's pages ("New Algo Order", "Query Algo
 * Order", "Cancel Algo Order", "Current All Algo Open Orders", "Cancel All Algo Open Orders", "Query All Algo
 * Orders"): a conditional order is remembered in the documented answer shape with status NEW; a query answers it
 * (-2013 if unknown), a cancel marks it CANCELED (-2011 if unknown or no longer open). Nothing triggers.
 */
final class FakeAlgoOrders implements ResponseDefinitionTransformerV2 {
    static final String NAME = "relaykit-binance-algo-orders";
    static final List<String> PATHS = List.of("/fapi/v1/algoOrder", "/fapi/v1/openAlgoOrders",
            "/fapi/v1/algoOpenOrders", "/fapi/v1/allAlgoOrders");
    private static final Set<String> TYPES = Set.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
            "TRAILING_STOP_MARKET");

    private final Map<Long, ObjectNode> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(2146760);

    List<JsonNode> all() {
        return orders.values().stream().sorted((a, b) -> Long.compare(a.path("algoId").asLong(), b.path("algoId").asLong()))
                .map(o -> (JsonNode) o.deepCopy()).toList();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request r = event.getRequest();
        String path = r.getUrl().split("\\?", 2)[0];
        String method = r.getMethod().getName();
        return switch (method + " " + path) {
            case "POST /fapi/v1/algoOrder" -> place(r);
            case "GET /fapi/v1/algoOrder" -> {
                ObjectNode o = find(r);
                yield o == null ? FakeBinance.error(400, -2013, "Order does not exist.") : ok(o);
            }
            case "DELETE /fapi/v1/algoOrder" -> cancel(r);
            case "GET /fapi/v1/openAlgoOrders" -> ok(list(param(r, "symbol"), true));
            case "GET /fapi/v1/allAlgoOrders" -> ok(list(param(r, "symbol"), false));
            case "DELETE /fapi/v1/algoOpenOrders" -> {
                String symbol = param(r, "symbol");
                if (symbol == null) {
                    yield mandatory("symbol");
                }
                for (JsonNode o : list(symbol, true)) {
                    orders.get(o.path("algoId").asLong()).put("algoStatus", "CANCELED");
                }
                yield RestFake.json(200, "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}");
            }
            default -> FakeBinance.error(400, -1000, "An unknown error occurred while processing the request.");
        };
    }

    private ResponseDefinition place(Request r) {
        for (String name : List.of("algoType", "symbol", "side", "type")) {
            if (param(r, name) == null) {
                return mandatory(name);
            }
        }
        if (!"CONDITIONAL".equals(param(r, "algoType"))) {
            return FakeBinance.error(400, -1116, "Invalid algoType.");
        }
        String type = param(r, "type");
        if (!TYPES.contains(type)) {
            return FakeBinance.error(400, -1116, "Invalid orderType.");
        }
        if (!type.equals("TRAILING_STOP_MARKET") && param(r, "triggerPrice") == null) {
            return mandatory("triggerPrice");
        }
        if (param(r, "stopPrice") != null) {
            // the algo service names it triggerPrice; an old client's stopPrice would be ignored by Binance
            return FakeBinance.error(400, -1104, "Not all sent parameters were read; read 'stopPrice' parameter(s) but was sent.");
        }
        long now = System.currentTimeMillis();
        long id = ids.incrementAndGet();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("algoId", id);
        String clientId = param(r, "clientAlgoId");
        o.put("clientAlgoId", clientId != null ? clientId : "relaykitFake" + id);
        o.put("algoType", "CONDITIONAL");
        o.put("orderType", type);
        o.put("symbol", param(r, "symbol"));
        o.put("side", param(r, "side"));
        o.put("positionSide", or(param(r, "positionSide"), "BOTH"));
        o.put("timeInForce", or(param(r, "timeInForce"), "GTC"));
        o.put("quantity", or(param(r, "quantity"), "0"));
        o.put("algoStatus", "NEW");
        o.put("actualOrderId", "");
        o.put("actualPrice", "0.00000");
        o.put("triggerPrice", or(param(r, "triggerPrice"), "0.000"));
        o.put("price", or(param(r, "price"), "0.000"));
        o.put("icebergQuantity", "null");
        o.put("selfTradePreventionMode", or(param(r, "selfTradePreventionMode"), "EXPIRE_MAKER"));
        o.put("workingType", or(param(r, "workingType"), "CONTRACT_PRICE"));
        o.put("priceMatch", or(param(r, "priceMatch"), "NONE"));
        o.put("closePosition", Boolean.parseBoolean(param(r, "closePosition")));
        o.put("priceProtect", Boolean.parseBoolean(param(r, "priceProtect")));
        o.put("reduceOnly", Boolean.parseBoolean(param(r, "reduceOnly")));
        o.put("activatePrice", or(param(r, "activatePrice"), ""));
        o.put("callbackRate", or(param(r, "callbackRate"), ""));
        o.put("createTime", now);
        o.put("updateTime", now);
        o.put("triggerTime", 0);
        o.put("goodTillDate", Long.parseLong(or(param(r, "goodTillDate"), "0")));
        orders.put(id, o);
        return ok(o);
    }

    private ResponseDefinition cancel(Request r) {
        ObjectNode o = find(r);
        if (o == null) {
            return FakeBinance.error(400, -2011, "Unknown order sent.");
        }
        synchronized (o) {
            if (!o.path("algoStatus").asText().equals("NEW")) {
                return FakeBinance.error(400, -2011, "Unknown order sent.");
            }
            o.put("algoStatus", "CANCELED");
            o.put("updateTime", System.currentTimeMillis());
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("algoId", o.path("algoId").asLong());
        answer.put("clientAlgoId", o.path("clientAlgoId").asText());
        answer.put("code", "200");
        answer.put("msg", "success");
        return ok(answer);
    }

    private ObjectNode find(Request r) {
        String id = param(r, "algoId");
        String clientId = param(r, "clientAlgoId");
        if (id != null) {
            return orders.get(Long.parseLong(id));
        }
        if (clientId != null) {
            return orders.values().stream().filter(o -> o.path("clientAlgoId").asText().equals(clientId)).findFirst()
                    .orElse(null);
        }
        return null;
    }

    private ArrayNode list(String symbol, boolean openOnly) {
        ArrayNode out = Json.mapper().createArrayNode();
        List<JsonNode> sorted = new ArrayList<>(all());
        for (JsonNode o : sorted) {
            if ((symbol == null || o.path("symbol").asText().equals(symbol))
                    && (!openOnly || o.path("algoStatus").asText().equals("NEW"))) {
                out.add(o);
            }
        }
        return out;
    }

    private static ResponseDefinition mandatory(String name) {
        return FakeBinance.error(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    private static ResponseDefinition ok(JsonNode json) {
        return RestFake.json(200, json.toString());
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** A parameter from the query string or a form body. */
    static String param(Request r, String name) {
        QueryParameter q = r.queryParameter(name);
        if (q != null && q.isPresent()) {
            return q.firstValue();
        }
        try {
            FormParameter f = r.formParameter(name);
            return f != null && f.isPresent() ? f.getValues().get(0) : null;
        } catch (RuntimeException notAForm) {
            return null;
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
