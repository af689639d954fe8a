package dev.relaykit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A fake WhatsApp Cloud API (Graph API) on a free loopback port, for testing bots offline.
 *
 * <pre>{@code
 * try (FakeGraphApi fake = FakeGraphApi.start("test-token");
 *      WhatsAppClient wa = WhatsAppClient.builder()
 *              .baseUrl(fake.baseUrl())
 *              .accessToken(Secret.of("test-token"))
 *              .phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID)
 *              .businessAccountId(FakeGraphApi.BUSINESS_ACCOUNT_ID)
 *              .build()) {
 *     wa.send(Message.text("+16505551234", "Hello from the bot under test"));
 *     assertThat(fake.sentMessages()).singleElement()
 *             .satisfies(m -> assertThat(m.path("text").path("body").asText()).startsWith("Hello"));
 * }
 * }</pre>
 *
 * <p>What it does, under any Graph API version ({@code /v26.0/...}):
 * <ul>
 *   <li>Every request must carry {@code Authorization: Bearer <token>}; otherwise it answers
 *       HTTP 401 with Meta's {@code OAuthException} code 190 body.</li>
 *   <li>{@code POST /{phone-number-id}/messages} records the message ({@link #sentMessages()}) and
 *       answers Meta's success body with a new {@code wamid...} id; a read receipt or typing
 *       indicator ({@code "status":"read"}) answers {@code {"success":true}} and is recorded in
 *       {@link #readReceipts()}. A body without {@code messaging_product}, {@code to} or
 *       {@code type} gets error 100.</li>
 *   <li>{@code POST /{phone-number-id}/media} ({@code multipart/form-data} with {@code file},
 *       {@code type}, {@code messaging_product}) stores the bytes and answers {@code {"id":...}};
 *       {@code GET /{media-id}} answers the media URL (on this fake), MIME type, SHA-256 and size;
 *       that URL serves the bytes to a request with the token; {@code DELETE /{media-id}} deletes.
 *       {@link #storeMedia(byte[], String)} plants received media for a bot to download.</li>
 *   <li>{@code GET /{PHONE_NUMBER_ID}}, {@code GET /{BUSINESS_ACCOUNT_ID}/phone_numbers},
 *       {@code GET|POST /{PHONE_NUMBER_ID}/whatsapp_business_profile} and
 *       {@code GET /{BUSINESS_ACCOUNT_ID}/message_templates} (two pages, by {@code after}) answer
 *       Meta's documented examples.</li>
 *   <li>{@link #failNextSend(int)} makes the next send fail with Meta's error body for that code;
 *       {@link #dropNextSend()} drops the connection instead of answering.</li>
 * </ul>
 *
 * <p>Fixtures live under {@code relaykit/whatsapp/client/} on the classpath; its {@code README.md}
 * names the Meta documentation page each came from. {@link #rest()} gives the WireMock server for
 * stubs of your own (they win over the fake's routes) and for inspecting requests.
 */
public final class FakeGraphApi implements AutoCloseable {
    /** The business phone number id the fake serves (from Meta's phone number examples). */
    public static final String PHONE_NUMBER_ID = "1906385232743451";
    /** The WhatsApp Business Account id the fake serves (from Meta's examples). */
    public static final String BUSINESS_ACCOUNT_ID = "102290129340398";

    static final String ROOT = "relaykit/whatsapp/client/";
    private static final Pattern GRAPH_PATH = Pattern.compile("/v\\d+\\.\\d+/([0-9]+)(?:/([a-z_]+))?/?");
    private static final String DOWNLOAD_PATH = "/whatsapp_business/attachments/";
    private static final String ROUTER = "relaykit-graph-api";

    /** One documented error: HTTP status, title and details, by code. */
    private record ErrorSpec(int status, String title, String details) {
    }

    /** Media held by the fake. */
    private record StoredMedia(byte[] bytes, String mimeType, String sha256) {
    }

    private final String token;
    private final RestFake rest;
    private final SortedMap<Integer, ErrorSpec> errors = loadErrors();
    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> sendFailures = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextMediaId = new AtomicLong(1_000_000_000_000_000L);
    private final SecureRandom random = new SecureRandom();

    private FakeGraphApi(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the fake needs the access token it accepts");
        }
        this.token = token;
        // one catch-all stub; route(...) answers every request
        this.rest = RestFake.start(RestFake.responder(ROUTER, event -> route(event.getRequest())));
        rest.wireMock().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(ROUTER)));
    }

    /**
     * Starts the fake.
     *
     * @param accessToken the only access token it accepts
     * @return the running fake
     */
    public static FakeGraphApi start(String accessToken) {
        return new FakeGraphApi(accessToken);
    }

    /** @return {@code http://127.0.0.1:PORT}, for the client's base URL */
    public String baseUrl() {
        return rest.baseUrl();
    }

    /** @return the WireMock server, for stubs of your own and the request journal */
    public RestFake rest() {
        return rest;
    }

    /** @return every message accepted so far (request bodies, in order); read receipts excluded */
    public List<JsonNode> sentMessages() {
        return List.copyOf(sent);
    }

    /** @return the ids of the messages marked read so far (with or without a typing indicator), in order */
    public List<String> readReceipts() {
        return List.copyOf(reads);
    }

    /**
     * Makes the next {@code POST .../messages} fail with Meta's documented error for {@code code}
     * (HTTP status, {@code (#code) title} message, details, {@code OAuthException} type, a trace id).
     * Calls queue up: two calls fail the next two sends.
     *
     * @param code a code from the table in {@code relaykit/whatsapp/client/errors.tsv}, e.g.
     *     130429, 131047, 131026, 190, 100
     * @return this
     * @throws IllegalArgumentException for a code the table does not have (its message lists them)
     */
    public FakeGraphApi failNextSend(int code) {
        if (!errors.containsKey(code)) {
            throw new IllegalArgumentException("no documented error " + code + "; known: " + errors.keySet());
        }
        sendFailures.add(code);
        return this;
    }

    /**
     * Makes the next {@code POST .../messages} read the request and then reset the connection
     * without answering, so the client cannot know whether the message went out.
     *
     * @return this
     */
    public FakeGraphApi dropNextSend() {
        sendFailures.add(-1);
        return this;
    }

    /**
     * Stores media as if a user had sent it, for a bot to look up and download.
     *
     * @param bytes the content
     * @param mimeType its MIME type
     * @return the media id
     */
    public String storeMedia(byte[] bytes, String mimeType) {
        String id = String.valueOf(nextMediaId.incrementAndGet());
        media.put(id, new StoredMedia(bytes.clone(), mimeType, sha256(bytes)));
        return id;
    }

    /**
     * @param mediaId a media id
     * @return the stored bytes, or {@code null} if there is no such media (never uploaded, or deleted)
     */
    public byte[] media(String mediaId) {
        StoredMedia m = media.get(mediaId);
        return m == null ? null : m.bytes().clone();
    }

    /**
     * Reads a fixture file.
     *
     * @param name the file name under {@code relaykit/whatsapp/client/}
     * @return its text
     * @throws IllegalArgumentException if there is no such fixture
     */
    public static String resource(String name) {
        try (InputStream in = FakeGraphApi.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        rest.close();
    }

    // ------------------------------------------------------------------ routing

    private ResponseDefinition route(Request request) {
        HttpHeader auth = request.getHeaders().getHeader("Authorization");
        if (!auth.isPresent() || !("Bearer " + token).equals(auth.firstValue())) {
            return error(190);
        }
        String method = request.getMethod().getName();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        if (path.equals(DOWNLOAD_PATH) && method.equals("GET")) {
            QueryParameter mid = request.queryParameter("mid");
            StoredMedia m = mid.isPresent() ? media.get(mid.firstValue()) : null;
            return m == null ? RestFake.json(404, "{\"error\":{\"message\":\"Not found\",\"type\":\"GraphMethodException\",\"code\":100}}")
                    : new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", m.mimeType())
                            .withBody(m.bytes()).build();
        }
        Matcher g = GRAPH_PATH.matcher(path);
        if (!g.matches()) {
            return unsupported(path);
        }
        String id = g.group(1);
        String edge = g.group(2);
        String key = method + " " + (edge == null ? "node" : edge);
        return switch (key) {
            case "POST messages" -> send(request);
            case "POST media" -> upload(request);
            case "GET node" -> id.equals(PHONE_NUMBER_ID) ? fixture("phone-number.json") : mediaInfo(id);
            case "DELETE node" -> media.remove(id) != null ? RestFake.json(200, "{\"success\":true}") : unsupported(path);
            case "GET phone_numbers" -> id.equals(BUSINESS_ACCOUNT_ID) ? fixture("phone-numbers.json") : unsupported(path);
            case "GET whatsapp_business_profile" -> id.equals(PHONE_NUMBER_ID) ? fixture("business-profile.json") : unsupported(path);
            case "POST whatsapp_business_profile" -> id.equals(PHONE_NUMBER_ID) ? RestFake.json(200, "{\"success\":true}") : unsupported(path);
            case "GET message_templates" -> !id.equals(BUSINESS_ACCOUNT_ID) ? unsupported(path)
                    : request.queryParameter("after").isPresent() ? fixture("message-templates-page2.json")
                    : fixture("message-templates.json");
            default -> unsupported(path);
        };
    }

    private ResponseDefinition send(Request request) {
        Integer failure = sendFailures.poll();
        if (failure != null && failure == -1) {
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (failure != null) {
            return error(failure);
        }
        JsonNode body;
        try {
            body = Json.tree(request.getBodyAsString());
        } catch (RuntimeException e) {
            return error(100);
        }
        if (!"whatsapp".equals(body.path("messaging_product").asText())) {
            return error(100);
        }
        if (body.path("status").asText().equals("read") && body.hasNonNull("message_id")) {
            reads.add(body.path("message_id").asText());
            return RestFake.json(200, "{\"success\":true}");
        }
        if (!body.hasNonNull("to") || !body.hasNonNull("type") || !body.has(body.path("type").asText())) {
            return error(131008);
        }
        sent.add(body);
        String to = body.path("to").asText();
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to.replaceAll("[^0-9]", ""));
        ObjectNode m = answer.putArray("messages").addObject().put("id", wamid());
        if (body.path("type").asText().equals("template")) {
            m.put("message_status", "accepted");
        }
        return RestFake.json(200, answer.toString());
    }

    private ResponseDefinition upload(Request request) {
        if (!request.isMultipart()) {
            return error(100);
        }
        Request.Part file = request.getPart("file");
        Request.Part type = request.getPart("type");
        Request.Part product = request.getPart("messaging_product");
        if (file == null || type == null || product == null || !"whatsapp".equals(product.getBody().asString())) {
            return error(131008);
        }
        String id = storeMedia(file.getBody().asBytes(), type.getBody().asString());
        return RestFake.json(200, "{\"id\":\"" + id + "\"}");
    }

    private ResponseDefinition mediaInfo(String id) {
        StoredMedia m = media.get(id);
        if (m == null) {
            return unsupported("/" + id);
        }
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("messaging_product", "whatsapp");
        n.put("url", baseUrl() + DOWNLOAD_PATH + "?mid=" + id + "&ext=" + System.currentTimeMillis() / 1000 + "&hash=" + hex(8));
        n.put("mime_type", m.mimeType());
        n.put("sha256", m.sha256());
        n.put("file_size", String.valueOf(m.bytes().length));
        n.put("id", id);
        return RestFake.json(200, n.toString());
    }

    // ------------------------------------------------------------------ answers

    private ResponseDefinition fixture(String name) {
        return RestFake.json(200, resource(name));
    }

    private ResponseDefinition error(int code) {
        ErrorSpec spec = errors.get(code);
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode e = root.putObject("error");
        // Graph API authentication errors carry the bare message; the others are "(#code) title"
        e.put("message", code == 190 ? spec.title() : "(#" + code + ") " + spec.title());
        e.put("type", "OAuthException");
        e.put("code", code);
        if (code != 190 && code != 0) {
            e.putObject("error_data").put("messaging_product", "whatsapp").put("details", spec.details());
        }
        e.put("fbtrace_id", "A" + Base64.encodeBase64URLSafeString(bytes(16)).substring(0, 22));
        return RestFake.json(spec.status(), root.toString());
    }

    private ResponseDefinition unsupported(String path) {
        String body = "{\"error\":{\"message\":\"Unsupported request - method type or path: " + path.replace("\"", "")
                + "\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,\"fbtrace_id\":\"A"
                + hex(11) + "\"}}";
        return RestFake.json(400, body);
    }

    private String wamid() {
        return "wamid." + Base64.encodeBase64String(bytes(36));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String hex(int n) {
        return Hex.encodeHexString(bytes(n));
    }

    private static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }

    /** @return errors.tsv by code, ascending; read once, never changed */
    private static SortedMap<Integer, ErrorSpec> loadErrors() {
        SortedMap<Integer, ErrorSpec> out = new TreeMap<>();
        resource("errors.tsv").lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalStateException("errors.tsv: expected code, status, title, details: " + line);
            }
            out.put(Integer.parseInt(f[0]), new ErrorSpec(Integer.parseInt(f[1]), f[2], f[3]));
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /** @return the documented error codes {@link #failNextSend(int)} knows, ascending */
    public List<Integer> documentedErrorCodes() {
        return List.copyOf(errors.keySet());
    }
}
