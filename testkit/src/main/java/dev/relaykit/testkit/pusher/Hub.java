package dev.relaykit.testkit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.ScriptedWsServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Pusher Channels protocol (version 7) over the testkit's WebSocket server: connections, subscriptions with
 * their auth checks, presence, client events, user sign-in, cache channels, and the triggers the HTTP API and
 * {@link PusherServer#trigger} make. Every change to channels happens under this object's one lock, so what a
 * subscriber sees (its member list, then each member_added) is always in order; sends only queue frames, so holding
 * the lock while sending is cheap.
 */
final class Hub {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Pusher's channel naming rule (Channels docs, "Channel naming conventions"); 164 characters at most. */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9_\\-=@,.;]{1,164}");
    private static final Pattern APP_PATH = Pattern.compile("/app/([^/?]+)/?(?:\\?(.*))?");
    private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");
    static final String USER_CHANNEL_PREFIX = "#server-to-user-";

    private final PusherServer.Options options;
    private final Signatures signatures;
    private final ScheduledExecutorService timer;
    private final SecureRandom random = new SecureRandom();
    private final Map<ScriptedWsServer.Client, Conn> byClient = new ConcurrentHashMap<>();
    private final Map<String, Conn> bySocketId = new LinkedHashMap<>();
    private final Map<String, ChannelState> channels = new TreeMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final BlockingQueue<PusherConnection> established = new LinkedBlockingQueue<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<PusherServer.TriggeredEvent> triggered = new CopyOnWriteArrayList<>();

    /** The last event triggered on a cache channel, kept for the cache TTL. */
    record Cached(String event, String data, long expiresAtNanos) {
    }

    /** Subscribers of one channel; for presence channels, the members too. */
    static final class ChannelState {
        final Map<String, Conn> subscribers = new LinkedHashMap<>();
        /** user id -> how many of its connections are subscribed (a user counts once however many tabs it has) */
        final Map<String, Integer> memberConnections = new LinkedHashMap<>();
        final Map<String, JsonNode> memberInfo = new LinkedHashMap<>();
    }

    Hub(PusherServer.Options options, Signatures signatures, ScheduledExecutorService timer) {
        this.options = options;
        this.signatures = signatures;
        this.timer = timer;
    }

    // ------------------------------------------------------------------ connection lifecycle

    void onOpen(ScriptedWsServer.Client client) {
        java.util.regex.Matcher m = APP_PATH.matcher(client.path());
        if (!m.matches()) {
            refuse(client, 4005, "Path not found");
            return;
        }
        String key = decode(m.group(1));
        Map<String, String> query = parseQuery(m.group(2));
        if (!key.equals(signatures.key())) {
            refuse(client, 4001, "App key " + key + " does not exist");
            return;
        }
        String protocol = query.get("protocol");
        if (protocol == null) {
            refuse(client, 4008, "No protocol version supplied");
            return;
        }
        if (!protocol.matches("\\d+")) {
            refuse(client, 4006, "Invalid version string format");
            return;
        }
        if (!protocol.equals("7")) {
            refuse(client, 4007, "Unsupported protocol version " + protocol + " (this server speaks protocol 7)");
            return;
        }
        Conn conn = new Conn(client, newSocketId());
        synchronized (this) {
            byClient.put(client, conn);
            bySocketId.put(conn.socketId, conn);
        }
        ObjectNode data = NODES.objectNode();
        data.put("socket_id", conn.socketId);
        data.put("activity_timeout", options.activityTimeout.toSeconds());
        // the protocol sends this event's data as a JSON string, not an object
        client.send(frame("pusher:connection_established", null, NODES.textNode(data.toString())));
        established.add(conn);
        Duration signIn = options.signInTimeout;
        if (signIn != null) {
            timer.schedule(() -> {
                if (conn.isOpen() && conn.userId == null) {
                    error(conn, 4009, "Connection not authorized within timeout");
                    conn.close(4009, "Connection not authorized within timeout");
                }
            }, signIn.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onClose(ScriptedWsServer.Client client) {
        Conn conn = byClient.remove(client);
        if (conn == null) {
            return;
        }
        synchronized (this) {
            bySocketId.remove(conn.socketId);
            for (String channel : new ArrayList<>(conn.channels)) {
                leave(conn, channel);
            }
            notifyAll();
        }
    }

    private void refuse(ScriptedWsServer.Client client, int code, String message) {
        rejections.add("connection " + client.path() + ": " + code + " " + message);
        client.send(errorFrame(code, message));
        client.close(code, message);
    }

    private String newSocketId() {
        return (1 + random.nextInt(999_999_999)) + "." + (1 + random.nextInt(999_999_999));
    }

    // ------------------------------------------------------------------ frames from clients

    void onText(ScriptedWsServer.Client client, String text) {
        Conn conn = byClient.get(client);
        if (conn == null) {
            return; // a refused connection's last words
        }
        conn.received.add(text);
        JsonNode msg;
        try {
            msg = Json.tree(text);
        } catch (RuntimeException e) {
            error(conn, null, "Invalid JSON: " + abbreviate(text));
            return;
        }
        String event = msg.path("event").asText("");
        JsonNode data = dataObject(msg.get("data"));
        switch (event) {
            case "pusher:ping" -> conn.client.send(frame("pusher:pong", null, NODES.objectNode()));
            case "pusher:pong" -> conn.pongs.incrementAndGet();
            case "pusher:subscribe" -> subscribe(conn, data);
            case "pusher:unsubscribe" -> {
                synchronized (this) {
                    leave(conn, data.path("channel").asText(""));
                    notifyAll();
                }
            }
            case "pusher:signin" -> signIn(conn, data);
            default -> {
                if (event.startsWith("client-")) {
                    clientEvent(conn, event, msg.path("channel").asText(""), msg.get("data"));
                }
                // any other event from a client is not part of the protocol: Pusher ignores it, and so do we
            }
        }
    }

    private void subscribe(Conn conn, JsonNode data) {
        String channel = data.path("channel").asText("");
        if (!CHANNEL_NAME.matcher(channel).matches() && !channel.startsWith(USER_CHANNEL_PREFIX)) {
            error(conn, null, "Invalid channel name '" + abbreviate(channel) + "'");
            return;
        }
        String channelData = null;
        String userId = null;
        JsonNode userInfo = null;
        if (channel.startsWith(USER_CHANNEL_PREFIX)) {
            // pusher-js subscribes the server-to-user channel of the signed-in user, with no auth of its own
            String owner = channel.substring(USER_CHANNEL_PREFIX.length());
            if (!owner.equals(conn.userId)) {
                error(conn, null, "Cannot subscribe to " + channel + ": the connection is not signed in as " + owner);
                return;
            }
        } else if (channel.startsWith("private-")) {
            if (!checkAuth(conn, data.path("auth").asText(""), conn.socketId + ":" + channel)) {
                return;
            }
        } else if (channel.startsWith("presence-")) {
            JsonNode raw = data.get("channel_data");
            channelData = raw == null || raw.isNull() ? null : raw.isTextual() ? raw.asText() : raw.toString();
            if (channelData == null) {
                error(conn, null, "Presence channel " + channel + " needs channel_data");
                return;
            }
            if (!checkAuth(conn, data.path("auth").asText(""), conn.socketId + ":" + channel + ":" + channelData)) {
                return;
            }
            JsonNode parsed;
            try {
                parsed = Json.tree(channelData);
            } catch (RuntimeException e) {
                error(conn, null, "Invalid channel_data: not JSON");
                return;
            }
            JsonNode id = parsed.get("user_id");
            if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isEmpty()) {
                error(conn, null, "Invalid channel_data: user_id must be a non-empty string or number");
                return;
            }
            userId = id.asText();
            userInfo = parsed.get("user_info");
        }
        synchronized (this) {
            if (!conn.isOpen()) {
                return;
            }
            ChannelState state = channels.computeIfAbsent(channel, c -> new ChannelState());
            boolean already = state.subscribers.containsKey(conn.socketId);
            state.subscribers.put(conn.socketId, conn);
            conn.channels.add(channel);
            ObjectNode succeeded = NODES.objectNode();
            if (userId != null && !already) {
                conn.presenceUser.put(channel, userId);
                int before = state.memberConnections.getOrDefault(userId, 0);
                state.memberConnections.put(userId, before + 1);
                state.memberInfo.put(userId, userInfo == null ? NODES.nullNode() : userInfo);
                if (before == 0) {
                    ObjectNode added = NODES.objectNode();
                    added.put("user_id", userId);
                    if (userInfo != null) {
                        added.set("user_info", userInfo);
                    }
                    String frame = frame("pusher_internal:member_added", channel, NODES.textNode(added.toString()));
                    state.subscribers.values().stream().filter(c -> c != conn).forEach(c -> c.client.send(frame));
                }
            }
            if (channel.startsWith("presence-")) {
                succeeded.set("presence", presence(state));
            }
            conn.client.send(frame("pusher_internal:subscription_succeeded", channel,
                    NODES.textNode(succeeded.toString())));
            if (isCache(channel)) {
                Cached cached = cache.get(channel);
                if (cached != null && System.nanoTime() - cached.expiresAtNanos < 0) {
                    conn.client.send(frame(cached.event, channel, NODES.textNode(cached.data)));
                } else {
                    conn.client.send(frame("pusher:cache_miss", channel, null));
                }
            }
            if (!already) {
                subscriptionCountChanged(channel, state);
            }
            notifyAll();
        }
    }

    private boolean checkAuth(Conn conn, String auth, String signed) {
        int colon = auth.indexOf(':');
        String key = colon < 0 ? auth : auth.substring(0, colon);
        String signature = colon < 0 ? "" : auth.substring(colon + 1);
        if (!key.equals(signatures.key())) {
            error(conn, null, "Invalid key in subscription auth data: '" + abbreviate(key) + "'");
            return false;
        }
        if (!signatures.verify(signed, signature)) {
            // Pusher's own words: a pusher:error with no code, and the connection stays up
            error(conn, null, "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got "
                    + abbreviate(signature));
            return false;
        }
        return true;
    }

    /** Under the lock. */
    private void leave(Conn conn, String channel) {
        ChannelState state = channels.get(channel);
        conn.channels.remove(channel);
        if (state == null || state.subscribers.remove(conn.socketId) == null) {
            return;
        }
        String userId = conn.presenceUser.remove(channel);
        if (userId != null) {
            int left = state.memberConnections.getOrDefault(userId, 1) - 1;
            if (left <= 0) {
                state.memberConnections.remove(userId);
                state.memberInfo.remove(userId);
                ObjectNode removed = NODES.objectNode();
                removed.put("user_id", userId);
                String frame = frame("pusher_internal:member_removed", channel, NODES.textNode(removed.toString()));
                state.subscribers.values().forEach(c -> c.client.send(frame));
            } else {
                state.memberConnections.put(userId, left);
            }
        }
        if (state.subscribers.isEmpty()) {
            channels.remove(channel);
        } else {
            subscriptionCountChanged(channel, state);
        }
    }

    /** Under the lock: {@code pusher_internal:subscription_count} to every subscriber, when the app enables it. */
    private void subscriptionCountChanged(String channel, ChannelState state) {
        if (!options.subscriptionCountEvents || channel.startsWith("presence-")) {
            return; // Pusher sends the count on every channel kind but presence (which has its member events)
        }
        ObjectNode count = NODES.objectNode();
        count.put("subscription_count", state.subscribers.size());
        String frame = frame("pusher_internal:subscription_count", channel, NODES.textNode(count.toString()));
        state.subscribers.values().forEach(c -> c.client.send(frame));
    }

    private void signIn(Conn conn, JsonNode data) {
        String auth = data.path("auth").asText("");
        String userData = data.path("user_data").asText("");
        int colon = auth.indexOf(':');
        String key = colon < 0 ? auth : auth.substring(0, colon);
        String signature = colon < 0 ? "" : auth.substring(colon + 1);
        String signed = conn.socketId + "::user::" + userData;
        if (!key.equals(signatures.key())) {
            error(conn, null, "Invalid key in sign-in auth data: '" + abbreviate(key) + "'");
            return;
        }
        if (!signatures.verify(signed, signature)) {
            error(conn, null, "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got "
                    + abbreviate(signature));
            return;
        }
        JsonNode user;
        try {
            user = Json.tree(userData);
        } catch (RuntimeException e) {
            error(conn, null, "Invalid user_data: not JSON");
            return;
        }
        JsonNode id = user.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            error(conn, null, "Invalid user_data: id must be a non-empty string");
            return;
        }
        conn.userId = id.asText();
        ObjectNode success = NODES.objectNode();
        success.put("user_data", userData);
        conn.client.send(frame("pusher:signin_success", null, success));
        synchronized (this) {
            notifyAll();
        }
    }

    private void clientEvent(Conn conn, String event, String channel, JsonNode data) {
        if (!channel.startsWith("private-") && !channel.startsWith("presence-")) {
            error(conn, null, "Client event rejected - only supported on private and presence channels");
            return;
        }
        if (channel.startsWith("private-encrypted-")) {
            error(conn, null, "Client event rejected - not supported on encrypted channels");
            return;
        }
        if (!conn.allowClientEvent(options.clientEventsPerSecond)) {
            error(conn, 4301, "Client event rejected due to rate limit");
            return;
        }
        synchronized (this) {
            ChannelState state = channels.get(channel);
            if (state == null || !state.subscribers.containsKey(conn.socketId)) {
                error(conn, null, "Client event rejected - you must be subscribed to " + channel);
                return;
            }
            ObjectNode out = NODES.objectNode();
            out.put("event", event);
            out.put("channel", channel);
            out.set("data", data == null ? NODES.nullNode() : data);
            String userId = conn.presenceUser.get(channel);
            if (userId != null) {
                out.put("user_id", userId); // presence channels say who sent it
            }
            String frame = out.toString();
            state.subscribers.values().stream().filter(c -> c != conn).forEach(c -> c.client.send(frame));
        }
    }

    // ------------------------------------------------------------------ server side

    /**
     * Sends an event to a channel's subscribers (except {@code exceptSocketId}) and, on a cache channel, keeps it
     * for the next subscribers.
     *
     * @return how many connections it was sent to
     */
    int trigger(String channel, String event, String data, String exceptSocketId) {
        triggered.add(new PusherServer.TriggeredEvent(channel, event, data, Optional.ofNullable(exceptSocketId)));
        String frame = frame(event, channel, NODES.textNode(data));
        synchronized (this) {
            if (isCache(channel)) {
                cache.put(channel, new Cached(event, data, System.nanoTime() + options.cacheTtl.toNanos()));
            }
            ChannelState state = channels.get(channel);
            if (state == null) {
                return 0;
            }
            int sent = 0;
            for (Conn c : state.subscribers.values()) {
                if (!c.socketId.equals(exceptSocketId)) {
                    c.client.send(frame);
                    sent++;
                }
            }
            return sent;
        }
    }

    /** Closes every connection signed in as {@code userId}; @return how many */
    int terminateUser(String userId) {
        List<Conn> theirs;
        synchronized (this) {
            theirs = bySocketId.values().stream().filter(c -> userId.equals(c.userId)).toList();
        }
        for (Conn c : theirs) {
            // Pusher's docs name no code for this; 4009 "Connection is unauthorized" (refused: do not reconnect)
            // is what self-hosted Pusher-protocol servers send
            error(c, 4009, "You got disconnected by the app.");
            c.close(4009, "You got disconnected by the app.");
        }
        return theirs.size();
    }

    synchronized Map<String, Integer> occupied() {
        Map<String, Integer> out = new TreeMap<>();
        channels.forEach((name, state) -> out.put(name, state.subscribers.size()));
        return out;
    }

    synchronized int subscriptionCount(String channel) {
        ChannelState state = channels.get(channel);
        return state == null ? 0 : state.subscribers.size();
    }

    synchronized List<String> members(String channel) {
        ChannelState state = channels.get(channel);
        return state == null ? List.of() : List.copyOf(state.memberConnections.keySet());
    }

    Optional<Cached> cached(String channel) {
        Cached c = cache.get(channel);
        return c != null && System.nanoTime() - c.expiresAtNanos < 0 ? Optional.of(c) : Optional.empty();
    }

    synchronized List<PusherConnection> connections() {
        return List.copyOf(bySocketId.values());
    }

    synchronized Optional<PusherConnection> connection(String socketId) {
        return Optional.ofNullable(bySocketId.get(socketId));
    }

    PusherConnection awaitConnection(Duration timeout) throws TimeoutException, InterruptedException {
        PusherConnection c = established.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (c == null) {
            throw new TimeoutException("no Pusher connection established within " + timeout.toMillis() + " ms");
        }
        return c;
    }

    /** Waits until {@code done} holds of the open connections (checked under the lock after every change). */
    synchronized List<PusherConnection> await(Predicate<List<Conn>> done, Duration timeout, String what)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Conn> open = List.copyOf(bySocketId.values());
            if (done.test(open)) {
                return List.copyOf(open);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("expected " + what + " within " + timeout.toMillis() + " ms; channels now: "
                        + occupied());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    List<String> rejections() {
        return List.copyOf(rejections);
    }

    void rejected(String line) {
        rejections.add(line);
    }

    List<PusherServer.TriggeredEvent> triggered() {
        return List.copyOf(triggered);
    }

    static boolean isCache(String channel) {
        return channel.startsWith("cache-") || channel.startsWith("private-cache-")
                || channel.startsWith("private-encrypted-cache-") || channel.startsWith("presence-cache-");
    }

    static boolean validChannelName(String channel) {
        return CHANNEL_NAME.matcher(channel).matches() || channel.startsWith(USER_CHANNEL_PREFIX);
    }

    static boolean validSocketId(String socketId) {
        return SOCKET_ID.matcher(socketId).matches();
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode presence(ChannelState state) {
        ObjectNode presence = NODES.objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode ids = presence.putArray("ids");
        state.memberConnections.keySet().forEach(ids::add);
        ObjectNode hash = NODES.objectNode();
        state.memberInfo.forEach(hash::set);
        presence.set("hash", hash);
        presence.put("count", state.memberConnections.size());
        return presence;
    }

    private void error(Conn conn, Integer code, String message) {
        rejections.add("pusher:error to " + conn.socketId + ": " + (code == null ? "" : code + " ") + message);
        conn.client.send(errorFrame(code, message));
    }

    private static String errorFrame(Integer code, String message) {
        ObjectNode data = NODES.objectNode();
        data.put("message", message);
        if (code == null) {
            data.putNull("code");
        } else {
            data.put("code", code);
        }
        return frame("pusher:error", null, data);
    }

    static String frame(String event, String channel, JsonNode data) {
        ObjectNode out = NODES.objectNode();
        out.put("event", event);
        if (channel != null) {
            out.put("channel", channel);
        }
        if (data != null) {
            out.set("data", data);
        }
        return out.toString();
    }

    /** A client's {@code data} is an object; some clients send it as a JSON string: both are read. */
    private static JsonNode dataObject(JsonNode data) {
        if (data != null && data.isTextual()) {
            try {
                return Json.tree(data.asText());
            } catch (RuntimeException e) {
                return NODES.objectNode();
            }
        }
        return data == null ? NODES.objectNode() : data;
    }

    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = decode(eq < 0 ? part : part.substring(0, eq));
            String v = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.put(k, v);
        }
        return out;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    // ------------------------------------------------------------------ one connection

    /** A connection; its channel set and presence ids are changed under the hub's lock only. */
    static final class Conn implements PusherConnection {
        final ScriptedWsServer.Client client;
        final String socketId;
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        final Map<String, String> presenceUser = new ConcurrentHashMap<>();
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicInteger pongs = new AtomicInteger();
        private final Deque<Long> clientEventTimes = new ArrayDeque<>();
        volatile String userId;

        Conn(ScriptedWsServer.Client client, String socketId) {
            this.client = client;
            this.socketId = socketId;
        }

        /** Pusher's limit: at most {@code perSecond} client events in any one second (a sliding window). */
        synchronized boolean allowClientEvent(int perSecond) {
            long now = System.nanoTime();
            while (!clientEventTimes.isEmpty() && now - clientEventTimes.peekFirst() >= 1_000_000_000L) {
                clientEventTimes.pollFirst();
            }
            if (clientEventTimes.size() >= perSecond) {
                return false;
            }
            clientEventTimes.addLast(now);
            return true;
        }

        @Override
        public String socketId() {
            return socketId;
        }

        @Override
        public String path() {
            return client.path();
        }

        @Override
        public Optional<String> userId() {
            return Optional.ofNullable(userId);
        }

        @Override
        public Set<String> channels() {
            return Set.copyOf(new LinkedHashSet<>(channels));
        }

        @Override
        public List<String> received() {
            return List.copyOf(received);
        }

        @Override
        public int pongsReceived() {
            return pongs.get();
        }

        @Override
        public boolean isOpen() {
            return client.isOpen();
        }

        @Override
        public void send(String frame) {
            client.send(frame);
        }

        @Override
        public void ping() {
            client.send(frame("pusher:ping", null, NODES.objectNode()));
        }

        @Override
        public void close(int code, String reason) {
            client.close(code, reason);
        }

        @Override
        public void drop() {
            client.drop();
        }

        @Override
        public String toString() {
            return "PusherConnection[" + socketId + (userId == null ? "" : ", user " + userId) + ", " + channels + "]";
        }
    }
}
