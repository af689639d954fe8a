package dev.relaykit.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A fake Binance spot market-stream server ({@code wss://stream.binance.com:9443}) on a free
 * loopback port, built on {@link ScriptedWsServer}.
 *
 * <p>It behaves as Binance's "WebSocket Streams" page documents
 * (https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams):
 * <ul>
 *   <li>raw streams at {@code /ws} and {@code /ws/<stream>[/<stream>...]} deliver bare payloads;
 *       combined streams at {@code /stream?streams=a/b} wrap them as
 *       {@code {"stream":"<name>","data":<payload>}};</li>
 *   <li>the live-subscription protocol: {@code SUBSCRIBE}, {@code UNSUBSCRIBE},
 *       {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY} / {@code GET_PROPERTY} ({@code combined}),
 *       answered {@code {"result":null,"id":1}}, and errors such as
 *       {@code {"error":{"code":2,"msg":"Invalid request: unknown variant ..."},"id":1}};</li>
 *   <li>the limits: a connection that sends more than 5 messages within one second is closed
 *       (Binance disconnects it), and more than 1024 streams on one connection is refused with an
 *       error (the message text for that case is the fake's own: Binance documents the limit, not
 *       the wording).</li>
 * </ul>
 *
 * <pre>{@code
 * try (FakeBinanceStreams fake = FakeBinanceStreams.start();
 *      BinanceSpot binance = BinanceSpot.builder()
 *          .environment(BinanceEnvironment.custom("http://127.0.0.1:1", fake.baseUrl(), "ws://127.0.0.1:1/ws-api/v3"))
 *          .build();
 *      MarketStreams streams = binance.streams()) {
 *     BlockingQueue<TradeEvent> trades = new LinkedBlockingQueue<>();
 *     streams.subscribe(MarketStream.trade("BTCUSDT"), trades::add).ready().join();
 *     fake.awaitSubscribed("btcusdt@trade", Duration.ofSeconds(5));
 *     fake.publish("btcusdt@trade", FakeBinanceStreams.fixture("stream-trade.json"));
 *     assertThat(trades.poll(5, TimeUnit.SECONDS)).isNotNull();
 *     fake.dropAll();            // every client must reconnect and subscribe again
 * }
 * }</pre>
 *
 * <p>Client pings are not counted towards the 5-messages rule (the underlying server does not
 * expose them per connection); JSON messages are. Thread-safe; {@link #close()} stops everything.
 */
public final class FakeBinanceStreams implements AutoCloseable {
    /** Binance's limit of incoming messages per second per connection. */
    public static final int MAX_MESSAGES_PER_SECOND = 5;
    /** Binance's limit of streams per connection. */
    public static final int MAX_STREAMS_PER_CONNECTION = 1024;
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9]{1,36}");
    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    /**
     * What the fake knows about one connection.
     *
     * @param number the connection number, from 1
     * @param path the path (with query) the client connected to
     * @param streams the streams it is subscribed to now, in subscription order
     * @param combined whether payloads are wrapped ({@code /stream}, or {@code SET_PROPERTY combined true})
     * @param open whether it is still connected
     * @param route the routed path it came in on ({@code public}, {@code market}, {@code private}), or
     *     {@code null} on the spot fake
     * @param listenKeys the listen keys of a private connection (empty otherwise)
     */
    public record Connection(int number, String path, List<String> streams, boolean combined, boolean open,
                             String route, List<String> listenKeys) {
        /**
         * A spot connection (no route, no listen keys).
         *
         * @param number the connection number
         * @param path the path
         * @param streams the streams
         * @param combined combined
         * @param open open
         */
        public Connection(int number, String path, List<String> streams, boolean combined, boolean open) {
            this(number, path, streams, combined, open, null, List.of());
        }
    }

    /**
     * How a fake with split paths (Binance USD-M futures: {@code /public}, {@code /market},
     * {@code /private}) routes. Not used by the spot fake.
     *
     * @param routes the routed path prefixes, e.g. {@code public}, {@code market}, {@code private}
     * @param unrouted the route a path without a prefix counts as ({@code public}, as on Binance)
     * @param routeOf the route that carries a stream name
     * @param isListenKey whether a {@code /ws/<name>} segment is a listen key (a private connection)
     */
    record Routing(Set<String> routes, String unrouted, java.util.function.Function<String, String> routeOf,
                   Predicate<String> isListenKey) {
    }

    private final ScriptedWsServer server;
    private final Routing routing; // null: spot, one path
    private final Map<Integer, Conn> conns = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimitCloses = new AtomicInteger();
    private final Object changed = new Object();
    private volatile int maxStreams = MAX_STREAMS_PER_CONNECTION;

    private FakeBinanceStreams(ScriptedWsServer server) {
        this(server, null);
    }

    /** A fake with split paths (used by {@link FakeBinanceFuturesStreams}). */
    FakeBinanceStreams(ScriptedWsServer server, Routing routing) {
        this.server = server;
        this.routing = routing;
        server.onOpen(this::opened);
        server.onText(this::onText);
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake
     */
    public static FakeBinanceStreams start() {
        return new FakeBinanceStreams(ScriptedWsServer.builder().start());
    }

    /** @return the stream base, {@code ws://127.0.0.1:PORT}, for {@code BinanceEnvironment.custom} */
    public String baseUrl() {
        return "ws://127.0.0.1:" + server.port();
    }

    /**
     * Lowers the streams-per-connection limit (Binance's is 1024), to see how a client handles
     * the error answer without subscribing a thousand streams.
     *
     * @param max the new limit
     * @return this
     */
    public FakeBinanceStreams limitStreamsPerConnection(int max) {
        this.maxStreams = max;
        return this;
    }

    /** @return the underlying scripted server, for handshakes, pongs and refusals */
    public ScriptedWsServer server() {
        return server;
    }

    // ------------------------------------------------------------------ pushing events

    /**
     * Pushes an event to every connection subscribed to {@code stream}: the bare payload on raw
     * connections, wrapped as {@code {"stream":...,"data":...}} on combined ones.
     *
     * @param stream the stream name, e.g. {@code btcusdt@trade}
     * @param json the payload
     * @return how many connections it was sent to
     */
    public int publish(String stream, String json) {
        JsonNode data = Json.tree(json);
        String raw = data.toString();
        String wrapped = null;
        int sent = 0;
        for (Conn c : conns.values()) {
            boolean combined;
            synchronized (c) {
                if (!c.streams.contains(stream) || !carries(c, stream)) {
                    continue; // a stream subscribed on the wrong path is accepted and never delivered
                }
                combined = c.combined;
            }
            if (combined && wrapped == null) {
                ObjectNode w = JsonNodeFactory.instance.objectNode();
                w.put("stream", stream);
                w.set("data", data);
                wrapped = w.toString();
            }
            c.client.send(combined ? wrapped : raw);
            sent++;
        }
        return sent;
    }

    /** Whether connection {@code c}'s path carries {@code stream}. */
    private boolean carries(Conn c, String stream) {
        return routing == null || routing.routeOf().apply(stream).equals(c.route);
    }

    /**
     * Sends a user data event to the private connections opened with a listen key {@code valid}
     * accepts and whose {@code events=} list (if any) names the event's kind; raw on {@code /ws},
     * wrapped as {@code {"stream":"<listenKey>","data":..}} on {@code /stream}.
     *
     * @param valid which listen keys are live
     * @param json the event
     * @return how many connections it was sent to
     */
    int pushUserData(Predicate<String> valid, String json) {
        JsonNode data = Json.tree(json);
        String kind = data.path("e").asText("");
        int sent = 0;
        for (Conn c : conns.values()) {
            String key = null;
            boolean combined;
            synchronized (c) {
                for (Map.Entry<String, Set<String>> k : c.listenKeys.entrySet()) {
                    if (valid.test(k.getKey()) && (k.getValue().isEmpty() || k.getValue().contains(kind))) {
                        key = k.getKey();
                        break;
                    }
                }
                combined = c.combined;
            }
            if (key == null || !c.client.isOpen()) {
                continue;
            }
            if (combined) {
                ObjectNode w = JsonNodeFactory.instance.objectNode();
                w.put("stream", key);
                w.set("data", data);
                c.client.send(w.toString());
            } else {
                c.client.send(data.toString());
            }
            sent++;
        }
        return sent;
    }

    /**
     * Replays recorded messages in order, as received from a combined stream: one JSON message per
     * line, each {@code {"stream":"<name>","data":{...}}}. Blank lines and lines starting with
     * {@code #} are skipped.
     *
     * @param recording the file
     * @return how many messages were published (to at least one connection or not)
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if a line is not a combined-stream message
     */
    public int replay(Path recording) {
        List<String> lines;
        try {
            lines = Files.readAllLines(recording, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode m = Json.tree(line);
            if (!m.path("stream").isTextual() || !m.has("data")) {
                throw new IllegalArgumentException("not a combined-stream message {\"stream\":...,\"data\":...}: "
                        + line.substring(0, Math.min(80, line.length())));
            }
            publish(m.get("stream").asText(), m.get("data").toString());
            count++;
        }
        return count;
    }

    /**
     * Sends a text frame to every connection subscribed to {@code stream}, exactly as given (for
     * malformed payloads and events the fake does not wrap).
     *
     * @param stream the stream whose subscribers get it
     * @param text the frame
     */
    public void sendRaw(String stream, String text) {
        for (Conn c : conns.values()) {
            synchronized (c) {
                if (!c.streams.contains(stream)) {
                    continue;
                }
            }
            c.client.send(text);
        }
    }

    // ------------------------------------------------------------------ failures

    /** Drops every connection without a close frame (as a network failure would). */
    public void dropAll() {
        server.dropAll();
    }

    /**
     * Drops one connection without a close frame.
     *
     * @param number the connection number
     */
    public void drop(int number) {
        Conn c = conns.get(number);
        if (c != null) {
            c.client.drop();
        }
    }

    // ------------------------------------------------------------------ observations

    /** @return every connection seen so far, in connection order */
    public List<Connection> connections() {
        List<Connection> out = new ArrayList<>();
        conns.values().stream().sorted((a, b) -> Integer.compare(a.client.number(), b.client.number())).forEach(c -> {
            synchronized (c) {
                out.add(new Connection(c.client.number(), c.client.path(), List.copyOf(c.streams), c.combined,
                        c.client.isOpen(), c.route, List.copyOf(c.listenKeys.keySet())));
            }
        });
        return out;
    }

    /** @return the connections open now */
    public List<Connection> openConnections() {
        return connections().stream().filter(Connection::open).toList();
    }

    /** @return every text message clients sent, in arrival order */
    public List<String> requests() {
        return server.messages();
    }

    /** @return how many connections the fake closed for sending more than 5 messages in a second */
    public int rateLimitCloses() {
        return rateLimitCloses.get();
    }

    /**
     * Waits until some open connection is subscribed to {@code stream}.
     *
     * @param stream the stream name
     * @param timeout how long to wait
     * @return the connection
     * @throws TimeoutException if none is in time
     * @throws InterruptedException if interrupted
     */
    public Connection awaitSubscribed(String stream, Duration timeout) throws TimeoutException, InterruptedException {
        return await(c -> c.open() && c.streams().contains(stream), timeout, "a connection subscribed to " + stream);
    }

    /**
     * Waits until an open connection satisfies a condition.
     *
     * @param condition the condition
     * @param timeout how long to wait
     * @param what what is awaited, for the timeout message
     * @return the first matching connection
     * @throws TimeoutException if none does in time (the message lists the connections)
     * @throws InterruptedException if interrupted
     */
    public Connection await(Predicate<Connection> condition, Duration timeout, String what)
            throws TimeoutException, InterruptedException {
        return waitFor(() -> connections().stream().filter(condition).findFirst().orElse(null), timeout,
                "no " + what);
    }

    /**
     * Waits until the open connections together carry exactly this many streams.
     *
     * @param count the total
     * @param timeout how long to wait
     * @throws TimeoutException if not in time
     * @throws InterruptedException if interrupted
     */
    public void awaitTotalStreams(int count, Duration timeout) throws TimeoutException, InterruptedException {
        waitFor(() -> openConnections().stream().mapToInt(c -> c.streams().size()).sum() == count ? count : null,
                timeout, "expected " + count + " streams on open connections");
    }

    /**
     * Waits, woken by connection changes, until {@code found} gives something other than {@code null}.
     *
     * @param awaited what was expected, for the timeout message (which adds the deadline and the connections)
     */
    private <T> T waitFor(Supplier<T> found, Duration timeout, String awaited)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                T t = found.get();
                if (t != null) {
                    return t;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(awaited + " within " + timeout.toMillis() + " ms; connections: "
                            + summary());
                }
                changed.wait(Math.max(1, Math.min(50, left / 1_000_000))); // closes are not signalled: poll
            }
        }
    }

    private String summary() {
        StringBuilder b = new StringBuilder();
        for (Connection c : connections()) {
            b.append("#").append(c.number()).append(c.open() ? " open " : " closed ").append(c.streams().size())
                    .append(" stream(s) ");
        }
        return b.toString();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------ protocol

    private static final class Conn {
        final ScriptedWsServer.Client client;
        final Set<String> streams = new LinkedHashSet<>();
        final ArrayDeque<Long> recent = new ArrayDeque<>();
        final Map<String, Set<String>> listenKeys = new java.util.LinkedHashMap<>(); // private: key -> events
        boolean combined;
        String route; // null on the spot fake

        Conn(ScriptedWsServer.Client client) {
            this.client = client;
        }
    }

    private void opened(ScriptedWsServer.Client client) {
        Conn c = new Conn(client);
        String path = client.path();
        int q = path.indexOf('?');
        String base = q < 0 ? path : path.substring(0, q);
        if (routing != null) {
            c.route = routing.unrouted();
            for (String r : routing.routes()) {
                if (base.startsWith("/" + r + "/")) {
                    c.route = r;
                    base = base.substring(r.length() + 1);
                    break;
                }
            }
            if (privateConnection(c, base, q < 0 ? "" : path.substring(q + 1))) {
                conns.put(client.number(), c);
                signal();
                return;
            }
        }
        if (base.equals("/stream") || base.equals("/stream/")) {
            c.combined = true;
            String query = q < 0 ? "" : path.substring(q + 1);
            for (String part : query.split("&")) {
                if (part.startsWith("streams=")) {
                    addAll(c.streams, part.substring(8));
                }
            }
        } else if (base.equals("/ws") || base.startsWith("/ws/")) {
            addAll(c.streams, base.length() > 4 ? base.substring(4) : "");
        } else {
            client.close(1008, "unknown path " + base);
            return;
        }
        conns.put(client.number(), c);
        if (c.streams.size() > maxStreams) {
            client.close(1008, "too many streams: " + c.streams.size() + " > " + maxStreams);
        }
        signal();
    }

    /**
     * A user data connection: {@code /private/ws?listenKey=K&events=A/B} or
     * {@code /private/stream?listenKey=K1&events=A&listenKey=K2&events=B} (the change notice's forms),
     * or {@code /ws/<listenKey>} (COIN-M, and USD-M's older pages).
     *
     * @return whether it was one
     */
    private boolean privateConnection(Conn c, String base, String query) {
        if ("private".equals(c.route)) {
            c.combined = base.startsWith("/stream");
            String lastKey = null;
            for (String part : query.split("&")) {
                if (part.startsWith("listenKey=")) {
                    lastKey = java.net.URLDecoder.decode(part.substring(10), StandardCharsets.UTF_8);
                    c.listenKeys.put(lastKey, new LinkedHashSet<>());
                } else if (part.startsWith("events=") && lastKey != null) {
                    addAll(c.listenKeys.get(lastKey), part.substring(7));
                }
            }
            if (base.startsWith("/ws/") && base.length() > 4) {
                c.listenKeys.put(base.substring(4), new LinkedHashSet<>());
            }
            return true;
        }
        if (base.startsWith("/ws/") && routing.isListenKey().test(base.substring(4))) {
            c.listenKeys.put(base.substring(4), new LinkedHashSet<>());
            return true;
        }
        return false;
    }

    private static void addAll(Set<String> into, String slashSeparated) {
        for (String s : slashSeparated.split("/")) {
            if (!s.isEmpty()) {
                into.add(java.net.URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
    }

    private void onText(ScriptedWsServer.Client client, String text) {
        Conn c = conns.get(client.number());
        if (c == null) {
            return;
        }
        String answer;
        synchronized (c) {
            long now = System.nanoTime();
            c.recent.addLast(now);
            while (!c.recent.isEmpty() && now - c.recent.peekFirst() >= 1_000_000_000L) {
                c.recent.pollFirst();
            }
            if (c.recent.size() > MAX_MESSAGES_PER_SECOND) {
                rateLimitCloses.incrementAndGet();
                client.close(1008, "Too many messages; more than " + MAX_MESSAGES_PER_SECOND + " per second");
                signal();
                return;
            }
            answer = handle(c, text);
        }
        client.send(answer);
        signal();
    }

    /** Answers one request; caller holds the connection's lock. */
    private String handle(Conn c, String text) {
        JsonNode req;
        try {
            req = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            return error(null, 3, "Invalid JSON: expected value at line " + line + " column " + col);
        }
        if (req == null || !req.isObject()) {
            return error(null, 3, "Invalid JSON: expected value at line 1 column 1");
        }
        JsonNode id = req.get("id");
        if (id != null && !(id.isNull() || id.canConvertToLong() && id.isIntegralNumber()
                || id.isTextual() && STRING_ID.matcher(id.asText()).matches())) {
            return error(null, 2, "Invalid request: request ID must be an unsigned integer");
        }
        JsonNode method = req.get("method");
        if (method == null) {
            return error(id, 2, "Invalid request: missing field `method` at line 1 column " + text.length());
        }
        JsonNode params = req.get("params");
        switch (method.asText()) {
            case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                if (params == null || !params.isArray()) {
                    return error(id, 2, "Invalid request: missing field `params`");
                }
                List<String> names = new ArrayList<>();
                for (JsonNode p : params) {
                    if (!p.isTextual()) {
                        return error(id, 2, "Invalid request: stream names must be strings");
                    }
                    names.add(p.asText());
                }
                if (method.asText().equals("SUBSCRIBE")) {
                    Set<String> after = new LinkedHashSet<>(c.streams);
                    after.addAll(names);
                    if (after.size() > maxStreams) {
                        return error(id, 2, "Invalid request: too many streams on this connection ("
                                + after.size() + " > " + maxStreams + ")");
                    }
                    c.streams.addAll(names);
                } else {
                    names.forEach(c.streams::remove);
                }
                return result(id, null);
            }
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                c.streams.forEach(list::add);
                return result(id, list);
            }
            case "SET_PROPERTY" -> {
                if (params == null || !params.isArray() || params.size() < 1 || !params.get(0).isTextual()) {
                    return error(id, 2, "Invalid request: property name must be a string");
                }
                if (params.size() > 2) {
                    return error(id, 2, "Invalid request: too many parameters");
                }
                if (!params.get(0).asText().equals("combined")) {
                    return error(id, 0, "Unknown property");
                }
                if (params.size() < 2 || !params.get(1).isBoolean()) {
                    return error(id, 1, "Invalid value type: expected Boolean");
                }
                c.combined = params.get(1).asBoolean();
                return result(id, null);
            }
            case "GET_PROPERTY" -> {
                if (params == null || !params.isArray() || params.size() < 1 || !params.get(0).isTextual()) {
                    return error(id, 2, "Invalid request: property name must be a string");
                }
                if (params.size() > 1) {
                    return error(id, 2, "Invalid request: too many parameters");
                }
                if (!params.get(0).asText().equals("combined")) {
                    return error(id, 0, "Unknown property");
                }
                return result(id, JsonNodeFactory.instance.booleanNode(c.combined));
            }
            default -> {
                return error(id, 2, "Invalid request: unknown variant `" + method.asText() + "`, expected one of "
                        + METHODS + " at line 1 column 28");
            }
        }
    }

    private static String result(JsonNode id, JsonNode result) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
        o.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        return o.toString();
    }

    private static String error(JsonNode id, int code, String msg) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode e = o.putObject("error");
        e.put("code", code);
        e.put("msg", msg);
        o.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        return o.toString();
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /**
     * Reads a stream fixture ({@code relaykit/fake-binance/stream-*.json}).
     *
     * @param name the file name, e.g. {@code stream-trade.json}
     * @return its text
     */
    public static String fixture(String name) {
        return FakeBinance.resource(name);
    }
}
