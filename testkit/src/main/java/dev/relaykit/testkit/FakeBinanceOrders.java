package dev.relaykit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.relaykit.core.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order engine behind {@link FakeBinance#simulateOrders(BigDecimal)}: orders placed with
 * {@code POST /api/v3/order} are remembered and answered from what was sent, so a bot sees its own
 * order back. MARKET orders fill at once at the configured price; every other type rests as NEW.
 * {@code GET /api/v3/order} reads, {@code DELETE /api/v3/order} cancels, {@code GET /api/v3/openOrders}
 * lists. Unknown orders get Binance's {@code -2013 Order does not exist.}; cancelling a filled or
 * cancelled one gets {@code -2011 Unknown order sent.}. There is no matching between orders.
 */
final class FakeBinanceOrders implements ResponseDefinitionTransformerV2 {
    static final String NAME = "relaykit-binance-orders";

    private final Map<Long, ObjectNode> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile BigDecimal marketPrice = BigDecimal.ONE;

    void marketPrice(BigDecimal price) {
        this.marketPrice = price;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request r = event.getRequest();
        String path = r.getUrl().split("\\?", 2)[0];
        String method = r.getMethod().getName();
        if (path.equals("/api/v3/openOrders") && method.equals("GET")) {
            ArrayNode open = Json.mapper().createArrayNode();
            String symbol = param(r, "symbol");
            orders.values().stream()
                    .filter(o -> o.path("status").asText().equals("NEW"))
                    .filter(o -> symbol == null || o.path("symbol").asText().equals(symbol))
                    .sorted((a, b) -> Long.compare(a.path("orderId").asLong(), b.path("orderId").asLong()))
                    .forEach(open::add);
            return ok(open.toString());
        }
        return switch (method) {
            case "POST" -> place(r);
            case "GET" -> find(r, false);
            case "DELETE" -> find(r, true);
            default -> error(400, -1000, "An unknown error occurred while processing the request.");
        };
    }

    private ResponseDefinition place(Request r) {
        String type = param(r, "type");
        long now = System.currentTimeMillis();
        long id = ids.incrementAndGet();
        boolean market = "MARKET".equals(type);
        BigDecimal qty = decimal(param(r, "quantity"));
        BigDecimal quote = decimal(param(r, "quoteOrderQty"));
        if (market && qty == null && quote != null) {
            qty = quote.divide(marketPrice, 8, java.math.RoundingMode.DOWN);
        }
        if (qty == null) {
            return error(400, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.");
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("symbol", param(r, "symbol"));
        o.put("orderId", id);
        o.put("orderListId", -1);
        String clientId = param(r, "newClientOrderId");
        o.put("clientOrderId", clientId != null ? clientId : "relaykit-fake-" + id);
        o.put("transactTime", now);
        o.put("price", plain(market ? BigDecimal.ZERO : decimal(param(r, "price"))));
        o.put("origQty", plain(qty));
        o.put("executedQty", plain(market ? qty : BigDecimal.ZERO));
        o.put("cummulativeQuoteQty", plain(market ? qty.multiply(marketPrice) : BigDecimal.ZERO));
        o.put("status", market ? "FILLED" : "NEW");
        o.put("timeInForce", param(r, "timeInForce") != null ? param(r, "timeInForce") : "GTC");
        o.put("type", type);
        o.put("side", param(r, "side"));
        o.put("workingTime", now);
        o.put("selfTradePreventionMode", "EXPIRE_MAKER");
        o.put("time", now);
        o.put("updateTime", now);
        o.put("isWorking", !market);
        o.put("origQuoteOrderQty", plain(quote != null ? quote : BigDecimal.ZERO));
        orders.put(id, o);
        ObjectNode answer = o.deepCopy();
        ArrayNode fills = answer.putArray("fills");
        if (market) {
            ObjectNode fill = fills.addObject();
            fill.put("price", plain(marketPrice));
            fill.put("qty", plain(qty));
            fill.put("commission", "0.00000000");
            fill.put("commissionAsset", "BNB");
            fill.put("tradeId", id);
        }
        return ok(answer.toString());
    }

    private ResponseDefinition find(Request r, boolean cancel) {
        String idText = param(r, "orderId");
        String clientId = param(r, "origClientOrderId");
        ObjectNode o = null;
        if (idText != null) {
            o = orders.get(Long.parseLong(idText));
        } else if (clientId != null) {
            o = orders.values().stream().filter(x -> x.path("clientOrderId").asText().equals(clientId))
                    .findFirst().orElse(null);
        }
        if (o == null || (param(r, "symbol") != null && !o.path("symbol").asText().equals(param(r, "symbol")))) {
            return cancel ? error(400, -2011, "Unknown order sent.") : error(400, -2013, "Order does not exist.");
        }
        if (!cancel) {
            return ok(o.toString());
        }
        synchronized (o) {
            if (!o.path("status").asText().equals("NEW")) {
                return error(400, -2011, "Unknown order sent.");
            }
            o.put("status", "CANCELED");
            o.put("isWorking", false);
            o.put("updateTime", System.currentTimeMillis());
        }
        ObjectNode answer = o.deepCopy();
        answer.put("origClientOrderId", answer.path("clientOrderId").asText());
        return ok(answer.toString());
    }

    private static String param(Request r, String name) {
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

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static String plain(BigDecimal d) {
        return (d == null ? BigDecimal.ZERO : d).setScale(8, java.math.RoundingMode.DOWN).toPlainString();
    }

    private static ResponseDefinition ok(String json) {
        return RestFake.json(200, json);
    }

    private static ResponseDefinition error(int status, int code, String msg) {
        return FakeBinance.error(status, code, msg);
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
