package dev.relaykit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Binance spot WebSocket API (request/response over one socket, plus the user data stream) on
 * a free loopback port, for testing bots offline. Built on {@link ScriptedWsServer}.
 *
 * <p>Requests are {@code {"id":..,"method":..,"params":{..}}}; answers are
 * {@code {"id":..,"status":200,"result":..,"rateLimits":[..]}} or
 * {@code {"id":..,"status":400,"error":{"code":..,"msg":..}}}, as Binance sends them.
 *
 * <p>Signed requests are checked the way Binance's WebSocket API does (documentation, "Request
 * security"): the signature payload is every parameter except {@code signature}, {@code apiKey}
 * included, sorted by name, formatted {@code name=value} and joined with {@code &}; an HMAC key
 * needs the lower-case hex HMAC-SHA256 of that payload, an Ed25519 or RSA key its base64 signature.
 * A bad signature is answered with {@code -1022}, an unknown key with {@code -2015}. A connection
 * that did {@code session.logon} (Ed25519 keys only, as on Binance) may omit {@code apiKey} and
 * {@code signature} but not {@code timestamp}.
 *
 * <pre>{@code
 * KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
 * String pem = "-----BEGIN PRIVATE KEY-----\n"
 *         + Base64.getMimeEncoder().encodeToString(ed25519.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
 * try (FakeBinanceWsApi fake = FakeBinanceWsApi.start().acceptPublicKey("my-key", ed25519.getPublic());
 *      BinanceSpot binance = BinanceSpot.builder()
 *          .environment(BinanceEnvironment.custom("http://127.0.0.1:1", "ws://127.0.0.1:1", fake.wsApiUrl()))
 *          .key(BinanceKey.ed25519("my-key", pem))
 *          .build()) {
 *     BlockingQueue<UserDataEvent> events = new LinkedBlockingQueue<>();
 *     UserDataSubscription sub = binance.wsApi().subscribeUserData(events::add);
 *     while (!sub.isActive()) {
 *         Thread.sleep(10);                 // logged on and subscribed
 *     }
 *     fake.pushUserData(FakeBinanceWsApi.fixture("userdata-execution-report.json"));
 *     assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionReport.class);
 *     fake.dropAll();                       // every connection dies; the client reconnects
 * }
 * }</pre>
 *
 * <p>Built in: {@code session.logon}, {@code session.status}, {@code session.logout},
 * {@code userDataStream.subscribe}, {@code userDataStream.subscribe.signature},
 * {@code userDataStream.unsubscribe}, {@code session.subscriptions}, and canned documented answers
 * (listed in {@code relaykit/fake-binance/wsapi-fixtures.tsv}) for {@code ping}, {@code time},
 * {@code depth}, {@code order.place}, {@code order.test}, {@code order.cancel} and
 * {@code order.cancelReplace}. {@link #answer(String, String)} and {@link #handle(String, Handler)}
 * add or replace answers for any method; a method with no answer gets a 400 saying so.
 *
 * <p>Every response carries a {@code rateLimits} array with the fake's own request-weight count (one
 * minute window; set it with {@link #usedWeight(long)}) and, for order methods, the order counts.
 * Thread-safe; {@link #close()} stops the server.
 */
public final class FakeBinanceWsApi implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Methods Binance signs (security type TRADE, USER_DATA, or SIGNED session requests). */
    private static final Set<String> SIGNED_PREFIXES = Set.of("order.", "orderList.", "openOrders.", "sor.",
            "account.", "allOrders", "allOrderLists", "openOrderLists", "myTrades", "myPreventedMatches",
            "myAllocations", "session.logon", "userDataStream.subscribe.signature");

    /** Answers one method; may answer at once, later, or never (to test timeouts). */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param call the request; answer with one of its {@code reply...} methods
         */
        void handle(Call call);
    }

    private final ScriptedWsServer server;
    private final BinanceKeyring keys = new BinanceKeyring();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<ScriptedWsServer.Client, Session> sessions = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final AtomicLong weight = new AtomicLong();
    private final AtomicLong orders10s = new AtomicLong();
    private final AtomicLong ordersDay = new AtomicLong();

    private FakeBinanceWsApi() {
        this.server = ScriptedWsServer.start();
        server.onOpen(client -> sessions.put(client, new Session(client)));
        server.onText(this::onRequest);
        FakeBinance.readIndex("wsapi-fixtures.tsv", 2, "method, fixture", f -> answer(f[0], f[1]));
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake
     */
    public static FakeBinanceWsApi start() {
        return new FakeBinanceWsApi();
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Accepts an HMAC key: signed requests with this API key need the hex HMAC-SHA256 with this secret.
     *
     * @param apiKey the API key
     * @param secretKey the secret
     * @return this
     */
    public FakeBinanceWsApi acceptHmacKey(String apiKey, String secretKey) {
        keys.acceptHmac(apiKey, secretKey);
        return this;
    }

    /**
     * Accepts an Ed25519 or RSA key: signed requests with this API key need a base64 signature this
     * public key verifies. Only Ed25519 keys may {@code session.logon}.
     *
     * @param apiKey the API key
     * @param publicKey the public key
     * @return this
     */
    public FakeBinanceWsApi acceptPublicKey(String apiKey, PublicKey publicKey) {
        keys.acceptPublicKey(apiKey, publicKey);
        return this;
    }

    /**
     * Answers a method with a fixture: a documented example response from
     * {@code relaykit/fake-binance/}; its {@code id} and {@code rateLimits} are replaced.
     *
     * @param method the method, e.g. {@code "order.place"}
     * @param fixture the fixture file name
     * @return this
     */
    public FakeBinanceWsApi answer(String method, String fixture) {
        JsonNode response = Json.tree(fixture(fixture));
        return handle(method, call -> call.replyResponse(response.deepCopy()));
    }

    /**
     * Answers a method with your own handler (replacing the built-in or canned answer).
     *
     * @param method the method
     * @param handler the handler
     * @return this
     */
    public FakeBinanceWsApi handle(String method, Handler handler) {
        handlers.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * Sets the request weight already used in the current minute (as another client on the same IP
     * would have); the next response reports it plus that request's weight.
     *
     * @param used weight used
     */
    public void usedWeight(long used) {
        weight.set(used);
    }

    // ------------------------------------------------------------------ commands

    /**
     * Pushes a user-data event to every connection with an active user data subscription, wrapped as
     * Binance does: {@code {"subscriptionId":N,"event":{..}}}.
     *
     * @param event the bare event ({@code {"e":"executionReport",..}}), or a documented wrapped payload
     *     whose {@code subscriptionId} is replaced by each subscription's own
     * @return how many subscriptions it was sent to
     */
    public int pushUserData(String event) {
        JsonNode node = Json.tree(event);
        JsonNode bare = node.has("event") ? node.get("event") : node;
        int sent = 0;
        for (Session s : sessions.values()) {
            if (!s.client.isOpen()) {
                continue;
            }
            for (Long id : s.subscriptions.keySet()) {
                ObjectNode wrapped = NODES.objectNode();
                wrapped.put("subscriptionId", id);
                wrapped.set("event", bare);
                s.client.send(wrapped.toString());
                sent++;
            }
        }
        return sent;
    }

    /** Drops every connection without a close frame, as a network failure would. */
    public void dropAll() {
        server.dropAll();
    }

    /**
     * Refuses the next handshakes (to keep a client reconnecting for a while).
     *
     * @param count how many
     */
    public void refuseConnections(int count) {
        server.refuseConnections(count);
    }

    // ------------------------------------------------------------------ observations

    /** @return {@code ws://127.0.0.1:PORT/ws-api/v3} */
    public String wsApiUrl() {
        return "ws://127.0.0.1:" + server.port() + "/ws-api/v3";
    }

    /** @return the underlying scripted server (handshakes, connection count, raw messages) */
    public ScriptedWsServer server() {
        return server;
    }

    /** @return every request received so far, parsed, in arrival order */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /**
     * @param method a method name
     * @return the requests for that method so far
     */
    public List<JsonNode> requests(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : requests) {
            if (method.equals(r.path("method").asText())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Waits until at least {@code count} requests for {@code method} have arrived.
     *
     * @param method the method
     * @param count how many
     * @param timeout how long to wait
     * @return those requests
     * @throws TimeoutException if fewer arrived in time
     * @throws InterruptedException if interrupted
     */
    public List<JsonNode> awaitRequests(String method, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> got = requests(method);
            if (got.size() >= count) {
                return got;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("expected " + count + " '" + method + "' request(s) within "
                        + timeout.toMillis() + " ms, got " + got.size());
            }
            Thread.sleep(5);
        }
    }

    /** @return why requests were refused by the signature checks ("-1022 order.place", ...) */
    public List<String> rejectedRequests() {
        return List.copyOf(rejected);
    }

    /**
     * @param connection a connection number (from 1, in connect order)
     * @return the API key that connection is logged on with, or {@code null}
     */
    public String loggedOnKey(int connection) {
        for (Session s : sessions.values()) {
            if (s.client.number() == connection) {
                return s.apiKey;
            }
        }
        return null;
    }

    /** @return how many user data subscriptions are active on open connections */
    public int activeSubscriptions() {
        int n = 0;
        for (Session s : sessions.values()) {
            if (s.client.isOpen()) {
                n += s.subscriptions.size();
            }
        }
        return n;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    /**
     * Reads a fixture file.
     *
     * @param name the file name under {@code relaykit/fake-binance/}
     * @return its text
     * @throws IllegalArgumentException if there is no such fixture
     */
    public static String fixture(String name) {
        return FakeBinance.resource(name);
    }

    /**
     * The signature payload Binance's WebSocket API signs, rebuilt from a received request's
     * {@code params} by the rule of Binance's documentation (WebSocket API, "SIGNED request example
     * (HMAC)", step 1): take every parameter except {@code signature}, sort them by name in
     * alphabetical order, format them as {@code parameter=value} pairs separated by {@code &}. A
     * value is its text as sent ({@code 0.01000000} for a string, {@code 100} for a number).
     *
     * <p>Written from the documentation, apart from the client's own signing code, so that the fake
     * checks the client rather than agreeing with it; the documentation's example is its test.
     *
     * @param params the request's {@code params}
     * @return the payload
     */
    public static String signaturePayload(JsonNode params) {
        List<String> names = new ArrayList<>();
        params.fieldNames().forEachRemaining(names::add);
        names.remove("signature");
        Collections.sort(names);
        StringJoiner payload = new StringJoiner("&");
        for (String name : names) {
            JsonNode value = params.get(name);
            payload.add(name + "=" + (value.isValueNode() ? value.asText() : value.toString()));
        }
        return payload.toString();
    }

    // ------------------------------------------------------------------ request handling

    private void onRequest(ScriptedWsServer.Client client, String text) {
        Session session = sessions.computeIfAbsent(client, Session::new);
        JsonNode request;
        try {
            request = Json.tree(text);
        } catch (RuntimeException e) {
            client.send("{\"id\":null,\"status\":400,\"error\":{\"code\":-1102,\"msg\":\"fake-binance: not JSON\"}}");
            return;
        }
        requests.add(request);
        Call call = new Call(session, request);
        String method = call.method();
        weight.addAndGet(weightOf(method));
        if (isOrderMethod(method)) {
            orders10s.incrementAndGet();
            ordersDay.incrementAndGet();
        }
        if (!checkSignature(call)) {
            return;
        }
        Handler handler = handlers.get(method);
        if (handler != null) {
            handler.handle(call);
            return;
        }
        switch (method) {
            case "session.logon" -> logon(call);
            case "session.status" -> call.reply(status(session));
            case "session.logout" -> logout(call);
            case "session.subscriptions" -> {
                ArrayNode list = NODES.arrayNode();
                session.subscriptions.keySet().forEach(id -> list.addObject().put("subscriptionId", id));
                call.reply(list);
            }
            case "userDataStream.subscribe" -> {
                if (session.apiKey == null) {
                    call.replyError(401, -2015, "Invalid API-key, IP, or permissions for action.");
                } else {
                    subscribe(call, session.apiKey, true);
                }
            }
            case "userDataStream.subscribe.signature" -> subscribe(call, call.params().path("apiKey").asText(), false);
            case "userDataStream.unsubscribe" -> {
                if (call.params().has("subscriptionId")) {
                    session.subscriptions.remove(call.params().get("subscriptionId").asLong());
                } else {
                    session.subscriptions.clear();
                }
                call.reply(NODES.objectNode());
            }
            default -> call.replyError(400, -1102, "fake-binance: no answer configured for method '" + method
                    + "'; use FakeBinanceWsApi.answer(..) or handle(..)");
        }
    }

    /** Binance's checks for signed requests; answers and returns false when one fails. */
    private boolean checkSignature(Call call) {
        JsonNode params = call.params();
        String method = call.method();
        boolean signedMethod = SIGNED_PREFIXES.stream().anyMatch(method::startsWith);
        if (!params.has("signature")) {
            if (!signedMethod) {
                return true;
            }
            if (call.session.apiKey == null || method.equals("session.logon")
                    || method.equals("userDataStream.subscribe.signature")) {
                reject(call, 400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
                return false;
            }
            if (!params.has("timestamp")) {
                reject(call, 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
                return false;
            }
            return true; // authenticated session: apiKey and signature may be omitted
        }
        if (!params.has("timestamp")) {
            reject(call, 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
            return false;
        }
        String apiKey = params.path("apiKey").asText(null);
        String payload = signaturePayload(params);
        String signature = params.get("signature").asText();
        switch (keys.check(apiKey, payload, signature)) {
            case UNKNOWN_KEY -> {
                reject(call, 401, -2015, "Invalid API-key, IP, or permissions for action.");
                return false;
            }
            case BAD_SIGNATURE -> {
                reject(call, 400, -1022, "Signature for this request is not valid.");
                return false;
            }
            default -> {
            }
        }
        return true;
    }

    private void reject(Call call, int status, int code, String msg) {
        rejected.add(code + " " + call.method());
        call.replyError(status, code, msg);
    }

    private void logon(Call call) {
        String apiKey = call.params().path("apiKey").asText();
        PublicKey key = keys.publicKey(apiKey);
        if (key == null || !isEd25519(key)) {
            call.replyError(400, -4056, "HMAC_SHA256 and RSA API keys are not supported; session.logon needs an "
                    + "Ed25519 key.");
            return;
        }
        call.session.apiKey = apiKey;
        call.session.authorizedSince = System.currentTimeMillis();
        call.reply(status(call.session));
    }

    private void logout(Call call) {
        Session s = call.session;
        if (s.apiKey != null) {
            for (Iterator<Map.Entry<Long, Boolean>> it = s.subscriptions.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Boolean> e = it.next();
                if (e.getValue()) { // logout ends only the subscription userDataStream.subscribe made
                    it.remove();
                    ObjectNode ev = NODES.objectNode();
                    ev.put("subscriptionId", e.getKey());
                    ev.putObject("event").put("e", "eventStreamTerminated").put("E", System.currentTimeMillis());
                    s.client.send(ev.toString());
                }
            }
        }
        s.apiKey = null;
        s.authorizedSince = 0;
        call.reply(status(s));
    }

    private void subscribe(Call call, String apiKey, boolean logonSubscription) {
        Session s = call.session;
        if (s.subscriptions.size() >= 1000) {
            call.replyError(400, -1100, "fake-binance: too many subscriptions");
            return;
        }
        long id = s.nextSubscriptionId++;
        s.subscriptions.put(id, logonSubscription);
        ObjectNode result = NODES.objectNode();
        result.put("subscriptionId", id);
        call.reply(result);
    }

    private ObjectNode status(Session s) {
        ObjectNode r = NODES.objectNode();
        if (s.apiKey == null) {
            r.putNull("apiKey");
            r.putNull("authorizedSince");
        } else {
            r.put("apiKey", s.apiKey);
            r.put("authorizedSince", s.authorizedSince);
        }
        r.put("connectedSince", s.connectedSince);
        r.put("returnRateLimits", true);
        r.put("serverTime", System.currentTimeMillis());
        r.put("userDataStream", !s.subscriptions.isEmpty());
        return r;
    }

    private ArrayNode rateLimits(String method) {
        ArrayNode a = NODES.arrayNode();
        if (isOrderMethod(method)) {
            a.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
                    .put("limit", 50).put("count", orders10s.get());
            a.addObject().put("rateLimitType", "ORDERS").put("interval", "DAY").put("intervalNum", 1)
                    .put("limit", 160000).put("count", ordersDay.get());
        }
        a.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                .put("limit", 6000).put("count", weight.get());
        return a;
    }

    private static int weightOf(String method) {
        return switch (method) {
            case "exchangeInfo", "account.status" -> 20;
            case "trades.recent" -> 25;
            case "depth" -> 5;
            case "order.status", "orderList.status" -> 4;
            case "openOrders.status" -> 6;
            case "klines", "avgPrice", "ticker.price", "ticker.book", "session.logon", "session.status",
                    "session.logout", "userDataStream.subscribe", "userDataStream.subscribe.signature",
                    "userDataStream.unsubscribe" -> 2;
            default -> 1;
        };
    }

    /** Whether a method places orders, and so counts against the order limits. */
    private static boolean isOrderMethod(String method) {
        return method.startsWith("order.place") || method.startsWith("orderList.place")
                || method.equals("order.cancelReplace");
    }

    private static boolean isEd25519(PublicKey key) {
        return key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA");
    }



    private static final class Session {
        final ScriptedWsServer.Client client;
        final long connectedSince = System.currentTimeMillis();
        volatile String apiKey;
        volatile long authorizedSince;
        /** subscription id -> made by userDataStream.subscribe (true) or .subscribe.signature (false). */
        final Map<Long, Boolean> subscriptions = new ConcurrentHashMap<>();
        long nextSubscriptionId;

        Session(ScriptedWsServer.Client client) {
            this.client = client;
        }
    }

    /** One request, as a {@link Handler} sees it. */
    public final class Call {
        private final Session session;
        private final JsonNode request;

        private Call(Session session, JsonNode request) {
            this.session = session;
            this.request = request;
        }

        /** @return the method */
        public String method() {
            return request.path("method").asText();
        }

        /** @return the params ({@code {}} when the request had none) */
        public JsonNode params() {
            JsonNode p = request.get("params");
            return p == null || p.isNull() ? NODES.objectNode() : p;
        }

        /** @return the whole request */
        public JsonNode request() {
            return request;
        }

        /** @return the number of the connection it came on (from 1) */
        public int connection() {
            return session.client.number();
        }

        /**
         * Answers {@code {"id":..,"status":200,"result":result,"rateLimits":[..]}}.
         *
         * @param result the result
         */
        public void reply(JsonNode result) {
            ObjectNode r = NODES.objectNode();
            r.put("status", 200);
            r.set("result", result);
            replyResponse(r);
        }

        /**
         * Answers an error: {@code {"id":..,"status":status,"error":{"code":code,"msg":msg}}}.
         *
         * @param status the status (400, 401, 429, 418, ...)
         * @param code Binance's error code
         * @param msg the message
         */
        public void replyError(int status, int code, String msg) {
            ObjectNode r = NODES.objectNode();
            r.put("status", status);
            r.putObject("error").put("code", code).put("msg", msg);
            replyResponse(r);
        }

        /**
         * Answers "too many requests" (429) or "IP banned" (418) with {@code error.data.retryAfter}.
         *
         * @param status 429 or 418
         * @param retryAfter when the client may retry
         */
        public void replyRateLimited(int status, Instant retryAfter) {
            ObjectNode r = NODES.objectNode();
            r.put("status", status);
            ObjectNode error = r.putObject("error");
            error.put("code", -1003);
            error.put("msg", status == 418
                    ? "Way too much request weight used; IP banned until " + retryAfter.toEpochMilli()
                    + ". Please use WebSocket Streams for live updates to avoid bans."
                    : "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. "
                    + "Please use WebSocket Streams for live updates to avoid polling the API.");
            error.putObject("data").put("serverTime", System.currentTimeMillis())
                    .put("retryAfter", retryAfter.toEpochMilli());
            replyResponse(r);
        }

        /**
         * Answers with a whole response object; its {@code id} is set to the request's and its
         * {@code rateLimits} to the fake's counts (left out if the request asked
         * {@code "returnRateLimits": false}).
         *
         * @param response the response ({@code status} and {@code result} or {@code error})
         */
        public void replyResponse(JsonNode response) {
            ObjectNode r = NODES.objectNode();
            r.set("id", request.get("id") == null ? NODES.nullNode() : request.get("id"));
            for (Iterator<Map.Entry<String, JsonNode>> it = response.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("id") && !e.getKey().equals("rateLimits")) {
                    r.set(e.getKey(), e.getValue());
                }
            }
            if (params().path("returnRateLimits").asBoolean(true)) {
                r.set("rateLimits", rateLimits(method()));
            }
            session.client.send(r.toString());
        }
    }
}
