package dev.relaykit.pusher.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.net.ProxyConfig;
import dev.relaykit.core.net.TlsConfig;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * The server side of Pusher Channels, for a backend that holds the app secret: the HTTP API
 * (trigger, batch trigger, channel queries, presence users, terminating a user's connections),
 * the answers a backend's own auth endpoints return (channel authorization, user authentication),
 * and webhook verification. Every request is signed as the HTTP API reference says
 * ({@code auth_key}, {@code auth_timestamp}, {@code auth_version=1.0}, {@code body_md5},
 * {@code auth_signature}) and runs on sdk-core's {@link RestClient}: rate limits, retries of the
 * idempotent queries (a trigger is never sent twice), redacted logs, typed errors.
 *
 * <pre>{@code
 * try (PusherServerClient pusher = PusherServerClient.builder()
 *         .appId("3")
 *         .key("278d425bdf160c739803")
 *         .secret(Secret.of(System.getenv("PUSHER_SECRET")))
 *         .cluster("eu")                                 // https://api-eu.pusher.com
 *         .build()) {
 *     pusher.trigger("orders", "order-filled", Map.of("id", 42));
 *     pusher.triggerAsync("orders", "order-filled", "{\"id\":43}").join();
 *     ChannelInfo lobby = pusher.channel("presence-lobby", ChannelAttribute.USER_COUNT);
 * }
 * }</pre>
 *
 * <p><b>Limits are checked before anything is sent</b>: at most 100 channels per trigger, 10 events
 * per batch, event names of 1 to 200 characters, 10 KB of data per event (raise it with
 * {@link Builder#maxEventDataBytes(int)} if your plan allows more), valid channel names and socket
 * ids. A request Pusher would refuse is an {@link IllegalArgumentException} naming the value, thrown
 * by the sync and the async form alike, and no request leaves the process.
 *
 * <p><b>Encrypted channels</b>: with an {@linkplain Builder#encryptionMasterKeyBase64(String)
 * encryption master key}, data triggered on a {@code private-encrypted-} channel is encrypted for
 * that channel ({@code {"nonce","ciphertext"}}, NaCl secretbox with the channel's shared secret), so
 * Pusher never sees it; a trigger naming an encrypted channel beside any other channel is refused,
 * as the official server libraries refuse it (each channel has its own key).
 *
 * <p><b>Errors</b>: an answer other than 2xx is a {@link dev.relaykit.core.ApiException} carrying
 * the HTTP status and Pusher's own message ({@code "pusher error (HTTP 413): ..."}); see
 * {@link RestClient} for rate limits and transport failures. Async forms complete exceptionally with
 * the same exceptions.
 *
 * <p>Immutable and thread-safe; {@link #close()} releases the REST client.
 */
public final class PusherServerClient implements AutoCloseable {
    private static final String SERVICE = "pusher";
    private static final String ENCRYPTED_PREFIX = EncryptedChannels.PREFIX;
    private static final Pattern CLUSTER = Pattern.compile("[a-z0-9-]+");

    private final String appId;
    private final PusherSigner signer;
    private final Secret secret; // kept only to hand to webhookHandler()
    private final Secret masterKey;
    private final int maxDataBytes;
    private final RestClient rest;
    private final WebhookVerifier webhooks;
    private final String baseUrl;

    private PusherServerClient(Builder b) {
        this.appId = b.appId;
        this.signer = new PusherSigner(b.key, b.secret);
        this.secret = b.secret;
        this.masterKey = b.masterKey;
        this.maxDataBytes = b.maxDataBytes;
        this.baseUrl = b.baseUrl();
        this.webhooks = new WebhookVerifier(b.key, b.secret);
        OkHttpClient http = HttpClients.configure(b.httpClient, b.proxy, b.tls);
        RestClient.Builder rb = RestClient.builder()
                .service(SERVICE)
                .baseUrl(baseUrl)
                .httpClient(http)
                .signer(new ApiSigner(signer, b.clock))
                .retryPolicy(b.retryPolicy);
        if (b.rateLimiter != null) {
            rb.rateLimiter(b.rateLimiter);
        }
        this.rest = rb.build();
    }

    /**
     * @return a builder; app id, key and secret are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the app id */
    public String appId() {
        return appId;
    }

    /** @return the app key (public) */
    public String key() {
        return signer.key();
    }

    /** @return the HTTP API's base URL, for example {@code https://api-eu.pusher.com} */
    public String baseUrl() {
        return baseUrl;
    }

    // ---------------------------------------------------------------- trigger

    /**
     * Triggers an event on one channel.
     *
     * <pre>{@code
     * pusher.trigger("orders", "order-filled", Map.of("id", 42));   // data {"id":42}
     * }</pre>
     *
     * @param channel the channel
     * @param event the event name
     * @param data a {@code String} is sent as it is, anything else written as JSON
     * @return Pusher's answer (no attributes: none were asked for)
     * @throws IllegalArgumentException if a limit is broken; nothing was sent
     */
    public TriggerResult trigger(String channel, String event, Object data) {
        return trigger(TriggerRequest.builder().channel(channel).event(event).data(data).build());
    }

    /**
     * Triggers an event on one or more channels, optionally leaving one connection out and asking
     * for channel attributes.
     *
     * <pre>{@code
     * TriggerResult r = pusher.trigger(TriggerRequest.builder()
     *         .channels("presence-desk-1", "presence-desk-2").event("quote").data("{\"px\":\"101.5\"}")
     *         .excludeSocketId("1234.1234")
     *         .info(ChannelAttribute.USER_COUNT)
     *         .build());
     * }</pre>
     *
     * @param request the event and its channels
     * @return Pusher's answer, with the attributes asked for per channel
     * @throws IllegalArgumentException if a limit is broken; nothing was sent
     * @throws IllegalStateException if it names an encrypted channel and no master key is configured
     */
    public TriggerResult trigger(TriggerRequest request) {
        return readTrigger(rest.execute(triggerRequest(request)));
    }

    /**
     * The async form of {@link #trigger(String, String, Object)}.
     *
     * <pre>{@code
     * pusher.triggerAsync("orders", "order-filled", "{\"id\":42}")
     *         .exceptionally(e -> { System.err.println("not sent: " + e); return null; });
     * }</pre>
     *
     * @param channel the channel
     * @param event the event name
     * @param data a {@code String} is sent as it is, anything else written as JSON
     * @return completes with Pusher's answer
     * @throws IllegalArgumentException at once if a limit is broken; nothing was sent
     */
    public CompletableFuture<TriggerResult> triggerAsync(String channel, String event, Object data) {
        return triggerAsync(TriggerRequest.builder().channel(channel).event(event).data(data).build());
    }

    /**
     * The async form of {@link #trigger(TriggerRequest)}.
     *
     * <pre>{@code
     * CompletableFuture<TriggerResult> sent = pusher.triggerAsync(TriggerRequest.builder()
     *         .channels("a", "b").event("tick").data("{}").build());
     * }</pre>
     *
     * @param request the event and its channels
     * @return completes with Pusher's answer
     * @throws IllegalArgumentException at once if a limit is broken; nothing was sent
     */
    public CompletableFuture<TriggerResult> triggerAsync(TriggerRequest request) {
        return rest.executeAsync(triggerRequest(request)).thenApply(PusherServerClient::readTrigger);
    }

    /**
     * Triggers up to 10 events, each on its own channel, in one request.
     *
     * <pre>{@code
     * List<ChannelInfo> infos = pusher.triggerBatch(List.of(
     *         BatchEvent.of("orders-eu", "order-filled", "{\"id\":1}"),
     *         BatchEvent.of("orders-us", "order-filled", "{\"id\":2}")));
     * }</pre>
     *
     * @param events 1 to 10 events
     * @return per event, in order, the attributes asked for with {@link BatchEvent#withInfo}
     *     ({@code null} counts where none were asked for)
     * @throws IllegalArgumentException if a limit is broken; nothing was sent
     * @throws IllegalStateException if an event is on an encrypted channel and no master key is configured
     */
    public List<ChannelInfo> triggerBatch(List<BatchEvent> events) {
        return readBatch(events, rest.execute(batchRequest(events)));
    }

    /**
     * The async form of {@link #triggerBatch(List)}.
     *
     * <pre>{@code
     * pusher.triggerBatchAsync(List.of(BatchEvent.of("orders", "a", "{}"), BatchEvent.of("orders", "b", "{}"))).join();
     * }</pre>
     *
     * @param events 1 to 10 events
     * @return completes with the per-event attributes
     * @throws IllegalArgumentException at once if a limit is broken; nothing was sent
     */
    public CompletableFuture<List<ChannelInfo>> triggerBatchAsync(List<BatchEvent> events) {
        RestRequest r = batchRequest(events);
        List<BatchEvent> copy = List.copyOf(events);
        return rest.executeAsync(r).thenApply(body -> readBatch(copy, body));
    }

    private RestRequest triggerRequest(TriggerRequest t) {
        Objects.requireNonNull(t, "request");
        String data = t.data();
        if (t.channels().stream().anyMatch(PusherServerClient::encrypted)) {
            if (t.channels().size() > 1) {
                throw new IllegalArgumentException("cannot trigger on several channels when one is encrypted ("
                        + t.channels() + "): each private-encrypted- channel has its own key; trigger it on its own");
            }
            data = encrypt(t.channels().get(0), data);
        }
        Limits.dataSize("event data", data, maxDataBytes);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", t.event());
        ArrayNode channels = body.putArray("channels");
        t.channels().forEach(channels::add);
        body.put("data", data);
        if (t.socketId() != null) {
            body.put("socket_id", t.socketId());
        }
        if (!t.info().isEmpty()) {
            body.put("info", infoParam(t.info()));
        }
        return RestRequest.post(appPath("/events")).jsonBody(body).signed().build();
    }

    private RestRequest batchRequest(List<BatchEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one event");
        }
        if (events.size() > Limits.MAX_EVENTS_PER_BATCH) {
            throw new IllegalArgumentException("a batch holds " + events.size() + " events; Pusher allows at most "
                    + Limits.MAX_EVENTS_PER_BATCH);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode batch = body.putArray("batch");
        for (int i = 0; i < events.size(); i++) {
            BatchEvent e = Objects.requireNonNull(events.get(i), "events[" + i + "]");
            String data = encrypted(e.channel()) ? encrypt(e.channel(), e.data()) : e.data();
            Limits.dataSize("data of batch event " + i + " (" + e.event() + " on " + e.channel() + ")", data, maxDataBytes);
            ObjectNode o = batch.addObject();
            o.put("channel", e.channel());
            o.put("name", e.event());
            o.put("data", data);
            if (e.socketId() != null) {
                o.put("socket_id", e.socketId());
            }
            if (!e.info().isEmpty()) {
                o.put("info", infoParam(e.info()));
            }
        }
        return RestRequest.post(appPath("/batch_events")).jsonBody(body).signed().build();
    }

    private static TriggerResult readTrigger(JsonNode body) {
        Map<String, ChannelInfo> out = new LinkedHashMap<>();
        body.path("channels").fields().forEachRemaining(e -> out.put(e.getKey(), ChannelInfo.from(e.getKey(), e.getValue(), true)));
        return new TriggerResult(out);
    }

    private static List<ChannelInfo> readBatch(List<BatchEvent> events, JsonNode body) {
        JsonNode batch = body.path("batch");
        List<ChannelInfo> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode n = batch.path(i);
            out.add(ChannelInfo.from(events.get(i).channel(), n.isObject() ? n : Json.mapper().createObjectNode(), true));
        }
        return List.copyOf(out);
    }

    private static boolean encrypted(String channel) {
        return channel.startsWith(ENCRYPTED_PREFIX);
    }

    private String encrypt(String channel, String data) {
        if (masterKey == null) {
            throw new IllegalStateException("cannot trigger on " + channel
                    + ": no encryption master key is configured (builder.encryptionMasterKeyBase64)");
        }
        byte[] shared = EncryptedChannels.sharedSecret(channel, masterKey.bytes());
        return Json.write(EncryptedChannels.encrypt(shared, data));
    }

    private static String infoParam(Set<ChannelAttribute> info) {
        return Arrays.stream(ChannelAttribute.values()).filter(info::contains).map(ChannelAttribute::wireName)
                .collect(Collectors.joining(","));
    }

    // ---------------------------------------------------------------- queries

    /**
     * Lists the app's occupied channels.
     *
     * <pre>{@code
     * Map<String, ChannelInfo> rooms = pusher.channels("presence-room-", ChannelAttribute.USER_COUNT);
     * rooms.forEach((name, info) -> System.out.println(name + ": " + info.userCount()));
     * }</pre>
     *
     * @param prefix only channels whose name starts with it ({@code filter_by_prefix}), or {@code null} for all
     * @param attributes attributes to report per channel; {@code USER_COUNT} needs a {@code presence-} prefix
     * @return channel name to its attributes, in Pusher's order
     * @throws IllegalArgumentException if {@code USER_COUNT} is asked for without a {@code presence-} prefix
     */
    public Map<String, ChannelInfo> channels(String prefix, ChannelAttribute... attributes) {
        return readChannels(rest.execute(channelsRequest(prefix, attributes)));
    }

    /**
     * The async form of {@link #channels(String, ChannelAttribute...)}.
     *
     * <pre>{@code
     * pusher.channelsAsync(null).thenAccept(all -> System.out.println(all.keySet()));
     * }</pre>
     *
     * @param prefix the name prefix, or {@code null} for all
     * @param attributes attributes to report per channel
     * @return completes with channel name to its attributes
     */
    public CompletableFuture<Map<String, ChannelInfo>> channelsAsync(String prefix, ChannelAttribute... attributes) {
        return rest.executeAsync(channelsRequest(prefix, attributes)).thenApply(PusherServerClient::readChannels);
    }

    private RestRequest channelsRequest(String prefix, ChannelAttribute... attributes) {
        Set<ChannelAttribute> info = Set.of(attributes);
        if (info.contains(ChannelAttribute.USER_COUNT) && (prefix == null || !prefix.startsWith("presence-"))) {
            throw new IllegalArgumentException("user_count can only be listed with a filter_by_prefix starting with presence-, got "
                    + (prefix == null ? "no prefix" : "'" + prefix + "'"));
        }
        RestRequest.Builder r = RestRequest.get(appPath("/channels")).signed();
        if (prefix != null) {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("prefix is empty; pass null to list every channel");
            }
            r.param("filter_by_prefix", prefix);
        }
        if (!info.isEmpty()) {
            r.param("info", infoParam(info));
        }
        return r.build();
    }

    private static Map<String, ChannelInfo> readChannels(JsonNode body) {
        Map<String, ChannelInfo> out = new LinkedHashMap<>();
        body.path("channels").fields().forEachRemaining(e -> out.put(e.getKey(), ChannelInfo.from(e.getKey(), e.getValue(), true)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Asks about one channel: whether it is occupied, and the attributes asked for.
     *
     * <pre>{@code
     * ChannelInfo info = pusher.channel("private-orders", ChannelAttribute.SUBSCRIPTION_COUNT);
     * }</pre>
     *
     * @param channel the channel
     * @param attributes attributes to report; {@code USER_COUNT} only for a presence channel
     * @return what Pusher reported
     * @throws IllegalArgumentException if the channel name is invalid or USER_COUNT is asked of a non-presence channel
     */
    public ChannelInfo channel(String channel, ChannelAttribute... attributes) {
        return ChannelInfo.from(channel, rest.execute(channelRequest(channel, attributes)), false);
    }

    /**
     * The async form of {@link #channel(String, ChannelAttribute...)}.
     *
     * <pre>{@code
     * pusher.channelAsync("private-orders").thenAccept(i -> System.out.println(i.occupied()));
     * }</pre>
     *
     * @param channel the channel
     * @param attributes attributes to report
     * @return completes with what Pusher reported
     */
    public CompletableFuture<ChannelInfo> channelAsync(String channel, ChannelAttribute... attributes) {
        return rest.executeAsync(channelRequest(channel, attributes)).thenApply(b -> ChannelInfo.from(channel, b, false));
    }

    private RestRequest channelRequest(String channel, ChannelAttribute... attributes) {
        Limits.channel(channel);
        Set<ChannelAttribute> info = Set.of(attributes);
        if (info.contains(ChannelAttribute.USER_COUNT) && !channel.startsWith("presence-")) {
            throw new IllegalArgumentException("user_count is only reported for presence channels, not for " + channel);
        }
        RestRequest.Builder r = RestRequest.get(appPath("/channels/" + channel)).signed();
        if (!info.isEmpty()) {
            r.param("info", infoParam(info));
        }
        return r.build();
    }

    /**
     * Lists the users on a presence channel.
     *
     * <pre>{@code
     * List<PresenceUser> here = pusher.presenceUsers("presence-lobby");
     * }</pre>
     *
     * @param channel a {@code presence-} channel
     * @return its users
     * @throws IllegalArgumentException if the channel is not a valid presence channel name
     */
    public List<PresenceUser> presenceUsers(String channel) {
        return readUsers(rest.execute(usersRequest(channel)));
    }

    /**
     * The async form of {@link #presenceUsers(String)}.
     *
     * <pre>{@code
     * pusher.presenceUsersAsync("presence-lobby").thenAccept(users -> System.out.println(users.size()));
     * }</pre>
     *
     * @param channel a {@code presence-} channel
     * @return completes with its users
     */
    public CompletableFuture<List<PresenceUser>> presenceUsersAsync(String channel) {
        return rest.executeAsync(usersRequest(channel)).thenApply(PusherServerClient::readUsers);
    }

    private RestRequest usersRequest(String channel) {
        Limits.channel(channel);
        if (!channel.startsWith("presence-")) {
            throw new IllegalArgumentException("users can only be listed for presence channels, not for " + channel);
        }
        return RestRequest.get(appPath("/channels/" + channel + "/users")).signed().build();
    }

    private static List<PresenceUser> readUsers(JsonNode body) {
        List<PresenceUser> out = new ArrayList<>();
        for (JsonNode u : body.path("users")) {
            JsonNode id = u.get("id");
            if (id != null && !id.isNull() && !id.isContainerNode()) {
                out.add(new PresenceUser(id.asText()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Closes every connection of a signed-in user (see "Terminating user connections").
     *
     * <pre>{@code
     * pusher.terminateUserConnections("user-42");
     * }</pre>
     *
     * @param userId the user's id, as the backend gave it at sign-in
     * @throws IllegalArgumentException if the id is empty, longer than 200 characters, or has
     *     characters a request path would have to escape
     */
    public void terminateUserConnections(String userId) {
        rest.execute(terminateRequest(userId));
    }

    /**
     * The async form of {@link #terminateUserConnections(String)}.
     *
     * <pre>{@code
     * pusher.terminateUserConnectionsAsync("user-42").join();
     * }</pre>
     *
     * @param userId the user's id
     * @return completes when Pusher accepted it
     */
    public CompletableFuture<Void> terminateUserConnectionsAsync(String userId) {
        return rest.executeAsync(terminateRequest(userId)).thenApply(b -> null);
    }

    private RestRequest terminateRequest(String userId) {
        Limits.userId(userId);
        // the official libraries post an empty JSON object, so the request carries a body_md5
        return RestRequest.post(appPath("/users/" + userId + "/terminate_connections"))
                .jsonBody(Json.mapper().createObjectNode()).signed().build();
    }

    // ---------------------------------------------------------------- raw access

    /**
     * Sends any signed GET below {@code /apps/[app_id]}, for an endpoint or field this class does
     * not cover yet.
     *
     * <pre>{@code
     * JsonNode raw = pusher.get("/channels", Map.of("filter_by_prefix", "private-"));
     * }</pre>
     *
     * @param path the path below the app, starting with {@code /}
     * @param params query parameters, sent and signed
     * @return the answer's JSON
     */
    public JsonNode get(String path, Map<String, String> params) {
        RestRequest.Builder r = RestRequest.get(appPath(path)).signed();
        params.forEach(r::param);
        return rest.execute(r.build());
    }

    /**
     * Sends any signed POST with a JSON body below {@code /apps/[app_id]}. Limits are not checked:
     * this is the raw door.
     *
     * <pre>{@code
     * JsonNode raw = pusher.post("/events", Map.of("name", "e", "channels", List.of("c"), "data", "{}"));
     * }</pre>
     *
     * @param path the path below the app, starting with {@code /}
     * @param body anything the shared mapper writes as a JSON object
     * @return the answer's JSON
     */
    public JsonNode post(String path, Object body) {
        return rest.execute(RestRequest.post(appPath(path)).jsonBody(body).signed().build());
    }

    private String appPath(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return "/apps/" + appId + path;
    }

    // ---------------------------------------------------------------- auth endpoints

    /**
     * The JSON body a backend's channel authorization endpoint returns for a private or
     * private-encrypted channel: {@code {"auth":"key:signature"}}, plus {@code shared_secret}
     * (base64) for a {@code private-encrypted-} channel. Decide first whether the user may
     * subscribe; this only signs.
     *
     * <pre>{@code
     * String json = pusher.authorizeChannel("1234.1234", "private-orders");
     * // {"auth":"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"} for the docs' app
     * }</pre>
     *
     * @param socketId the connection's socket id, from the client's request
     * @param channel the channel, from the client's request
     * @return the response body ({@code application/json})
     * @throws IllegalArgumentException if the socket id or channel is invalid, or the channel is a
     *     presence channel (use the form with {@link PresenceData}) or a public one
     * @throws IllegalStateException for an encrypted channel without a master key
     */
    public String authorizeChannel(String socketId, String channel) {
        PusherSigner.checkSocketId(socketId);
        PusherSigner.checkChannelName(channel);
        if (channel.startsWith("presence-")) {
            throw new IllegalArgumentException(channel + " is a presence channel: authorize it with PresenceData");
        }
        if (!channel.startsWith("private-")) {
            throw new IllegalArgumentException(channel + " is a public channel: it needs no authorization");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("auth", signer.authorizeChannel(socketId, channel));
        if (encrypted(channel)) {
            if (masterKey == null) {
                throw new IllegalStateException("cannot authorize " + channel
                        + ": no encryption master key is configured (builder.encryptionMasterKeyBase64)");
            }
            out.put("shared_secret", Base64.getEncoder().encodeToString(
                    EncryptedChannels.sharedSecret(channel, masterKey.bytes())));
        }
        return Json.write(out);
    }

    /**
     * The JSON body a backend's channel authorization endpoint returns for a presence channel:
     * {@code {"auth":"key:signature","channel_data":"{\"user_id\":..,\"user_info\":..}"}}, the
     * signature covering the exact {@code channel_data} string.
     *
     * <pre>{@code
     * String json = pusher.authorizeChannel("1234.1234", "presence-lobby",
     *         new PresenceData("42", Map.of("name", "Ada")));
     * }</pre>
     *
     * @param socketId the connection's socket id
     * @param channel a {@code presence-} channel
     * @param member who the connection is on the channel
     * @return the response body ({@code application/json})
     * @throws IllegalArgumentException if the socket id or channel is invalid or not a presence channel
     */
    public String authorizeChannel(String socketId, String channel, PresenceData member) {
        Objects.requireNonNull(member, "member");
        PusherSigner.checkSocketId(socketId);
        PusherSigner.checkChannelName(channel);
        if (!channel.startsWith("presence-")) {
            throw new IllegalArgumentException(channel + " is not a presence channel: presence data belongs to presence- channels");
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("user_id", member.userId());
        if (member.userInfo() != null) {
            data.set("user_info", Json.mapper().valueToTree(member.userInfo()));
        }
        String channelData = Json.write(data);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("auth", signer.authorizePresence(socketId, channel, channelData));
        out.put("channel_data", channelData);
        return Json.write(out);
    }

    /**
     * The JSON body a backend's user authentication endpoint returns for {@code pusher:signin}:
     * {@code {"auth":"key:signature","user_data":"<the user data as a JSON string>"}}. The user
     * data must hold a non-empty string {@code id}; {@code user_info} and {@code watchlist} are
     * optional.
     *
     * <pre>{@code
     * String json = pusher.authenticateUser("1234.1234", Map.of("id", "42", "user_info", Map.of("name", "Ada")));
     * }</pre>
     *
     * @param socketId the connection's socket id
     * @param userData the user data: a JSON string, or anything the shared mapper writes as a JSON object
     * @return the response body ({@code application/json})
     * @throws IllegalArgumentException if the socket id is invalid or the data has no non-empty string {@code id}
     */
    public String authenticateUser(String socketId, Object userData) {
        Objects.requireNonNull(userData, "userData");
        PusherSigner.checkSocketId(socketId);
        String text = userData instanceof String s ? s : Json.write(userData);
        JsonNode parsed;
        try {
            parsed = Json.tree(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("user data is not JSON");
        }
        JsonNode id = parsed.path("id");
        if (!parsed.isObject() || !id.isTextual() || id.asText().isEmpty()) {
            throw new IllegalArgumentException("user data needs a non-empty string \"id\"");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("auth", signer.authenticateUser(socketId, text));
        out.put("user_data", text);
        return Json.write(out);
    }

    // ---------------------------------------------------------------- webhooks

    /**
     * Verifies and reads a webhook delivered to your own endpoint: {@code X-Pusher-Key} must be
     * this app's key and {@code X-Pusher-Signature} the body's hex HMAC-SHA256 with the app secret
     * (compared in constant time); only then is the body parsed.
     *
     * <pre>{@code
     * Webhook hook = pusher.webhook(req.getHeader("X-Pusher-Key"), req.getHeader("X-Pusher-Signature"),
     *         req.getInputStream().readAllBytes());
     * }</pre>
     *
     * @param key the {@code X-Pusher-Key} header, or {@code null} if absent
     * @param signature the {@code X-Pusher-Signature} header, or {@code null} if absent
     * @param body the exact body bytes
     * @return the delivery
     * @throws InvalidWebhookException if the key or signature is wrong, or the signed body is not a webhook
     */
    public Webhook webhook(String key, String signature, byte[] body) {
        return webhooks.verify(key, signature, Objects.requireNonNull(body, "body"));
    }

    /**
     * A webhook receiver for this app (same key and secret) to serve on the SDK's embedded webhook
     * server or in your own framework; see {@link PusherWebhookHandler}.
     *
     * <pre>{@code
     * WebhookServer server = WebhookServer.builder()
     *         .route("/pusher/webhooks", pusher.webhookHandler(hook -> System.out.println(hook.events())))
     *         .start();
     * }</pre>
     *
     * @param listener receives each verified delivery
     * @return the handler
     */
    public PusherWebhookHandler webhookHandler(WebhookListener listener) {
        return PusherWebhookHandler.builder().key(signer.key()).secret(secret).listener(listener).build();
    }

    /** Closes the REST client; calls after this fail. */
    @Override
    public void close() {
        rest.close();
    }

    /** @return app id, key and base URL; never the secret or master key */
    @Override
    public String toString() {
        return "PusherServerClient[appId=" + appId + ", key=" + signer.key() + ", baseUrl=" + baseUrl
                + ", encryption=" + (masterKey != null) + "]";
    }

    // ---------------------------------------------------------------- builder

    /** Configures a {@link PusherServerClient}. App id, key and secret are required. */
    public static final class Builder {
        private String appId;
        private String key;
        private Secret secret;
        private Secret masterKey;
        private String cluster;
        private String host;
        private int port = -1;
        private boolean tlsOn = true;
        private int maxDataBytes = Limits.DEFAULT_MAX_DATA_BYTES;
        private OkHttpClient httpClient = HttpClients.shared();
        private ProxyConfig proxy;
        private TlsConfig tls;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimiter rateLimiter;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param appId the app id from the dashboard's App Keys; required
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = nonEmpty(appId, "appId");
            if (!appId.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("appId has characters a request path would have to escape: " + appId);
            }
            return this;
        }

        /**
         * @param key the app key (public); required
         * @return this builder
         */
        public Builder key(String key) {
            this.key = nonEmpty(key, "key");
            return this;
        }

        /**
         * @param secret the app secret; required, never logged
         * @return this builder
         */
        public Builder secret(Secret secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("secret is empty");
            }
            this.secret = secret;
            return this;
        }

        /**
         * The master key for {@code private-encrypted-} channels: 32 random bytes, base64 (for
         * example {@code openssl rand -base64 32}). Without it, triggers on and authorization of
         * encrypted channels are refused.
         *
         * @param base64 the key in standard base64
         * @return this builder
         * @throws IllegalArgumentException if it is not base64 of exactly 32 bytes (the message never shows it)
         */
        public Builder encryptionMasterKeyBase64(String base64) {
            Objects.requireNonNull(base64, "base64");
            byte[] k;
            try {
                k = Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encryption master key is not valid base64");
            }
            if (k.length != 32) {
                throw new IllegalArgumentException("encryption master key must be 32 bytes, got " + k.length);
            }
            this.masterKey = Secret.ofBytes(k);
            return this;
        }

        /**
         * The app's cluster: requests go to {@code https://api-<cluster>.pusher.com}. The default,
         * without a cluster or host, is {@code mt1}.
         *
         * @param cluster the cluster, for example {@code eu}, {@code us2}, {@code ap1}
         * @return this builder
         */
        public Builder cluster(String cluster) {
            nonEmpty(cluster, "cluster");
            if (!CLUSTER.matcher(cluster).matches()) {
                throw new IllegalArgumentException("not a cluster name: " + cluster);
            }
            this.cluster = cluster;
            this.host = null;
            return this;
        }

        /**
         * A host of your own instead of a cluster: a self-hosted Pusher-protocol server, or the
         * testkit's {@code PusherServer} in tests.
         *
         * @param host the host name or address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = nonEmpty(host, "host");
            this.cluster = null;
            return this;
        }

        /**
         * @param port the port; default 443 with TLS, 80 without
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param useTls {@code https} (default) or plain {@code http}
         * @return this builder
         */
        public Builder useTls(boolean useTls) {
            this.tlsOn = useTls;
            return this;
        }

        /**
         * The largest event data accepted before sending (default 10 KB, Pusher's standard limit;
         * raise it only if your plan allows larger messages).
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxEventDataBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxEventDataBytes must be at least 1, got " + bytes);
            }
            this.maxDataBytes = bytes;
            return this;
        }

        /**
         * @param client the OkHttp client to derive from (shares its pool); default the SDK's shared one
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param proxy an HTTP or SOCKS5 proxy, or {@code null} for none
         * @return this builder
         */
        public Builder proxy(ProxyConfig proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * @param tls TLS options (custom CA, pinning), or {@code null} for the defaults
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        /**
         * @param policy retries of the idempotent queries (triggers are never retried); default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param limiter a local budget every request takes from (for example your plan's message
         *     rate), or {@code null} for none
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = limiter;
            return this;
        }

        /** For tests: the clock {@code auth_timestamp} is read from. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        String baseUrl() {
            String h = host != null ? host : "api-" + (cluster != null ? cluster : "mt1") + ".pusher.com";
            String scheme = tlsOn ? "https" : "http";
            boolean defaultPort = port == -1 || (tlsOn && port == 443) || (!tlsOn && port == 80);
            String hostPart = h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
            return scheme + "://" + hostPart + (defaultPort ? "" : ":" + port);
        }

        /**
         * @return the client
         * @throws IllegalStateException if the app id, key or secret is missing
         */
        public PusherServerClient build() {
            if (appId == null || key == null || secret == null) {
                throw new IllegalStateException("pusher: appId, key and secret are required");
            }
            return new PusherServerClient(this);
        }

        private static String nonEmpty(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return value;
        }
    }
}
