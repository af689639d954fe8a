package dev.relaykit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plays Meta's part in testing your WhatsApp webhook receiver: posts realistic deliveries (Meta's
 * documented examples, with the values you choose) to your URL, signed with your app secret the way
 * Meta signs them, or deliberately wrongly signed, or unsigned, and tells you the HTTP status your
 * receiver answered.
 *
 * <pre>{@code
 * Secret appSecret = Secret.of(System.getenv("WHATSAPP_APP_SECRET"));   // the one your receiver checks with
 * try (WhatsAppWebhookSender meta = new WhatsAppWebhookSender("http://127.0.0.1:8080/webhook", appSecret)) {
 *     WhatsAppWebhookSender.Payload hello = WhatsAppWebhookSender.Payload.text("491701234567", "hello bot");
 *     int ok = meta.send(hello);                                    // expect 200
 *     int dup = meta.send(hello);                                   // the same message ID again: 200, delivered once
 *     int forged = meta.sendWronglySigned(WhatsAppWebhookSender.Payload.fixture("message-order").toJson()); // 401
 *     int unsigned = meta.sendUnsigned(WhatsAppWebhookSender.Payload.fixture("status-read").toJson());      // 401
 * }
 * }</pre>
 *
 * <p>Every request is a {@code POST} with {@code Content-Type: application/json}, the body exactly as
 * given, and {@code X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body, lower-case hex>}.
 */
public final class WhatsAppWebhookSender implements AutoCloseable {
    /** The header Meta signs deliveries with. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl url;
    private final Secret appSecret;
    private final OkHttpClient http;
    private final boolean ownClient;

    /**
     * @param receiverUrl your webhook URL, for example {@code http://127.0.0.1:8080/webhook}
     * @param appSecret the app secret your receiver verifies with
     * @throws IllegalArgumentException if the URL is not an http(s) URL
     */
    public WhatsAppWebhookSender(String receiverUrl, Secret appSecret) {
        this(receiverUrl, appSecret, new OkHttpClient(), true);
    }

    /**
     * With your own OkHttp client, for example one that trusts your receiver's self-signed certificate.
     *
     * @param receiverUrl your webhook URL
     * @param appSecret the app secret your receiver verifies with
     * @param http the client to send with; not closed by {@link #close()}
     */
    public WhatsAppWebhookSender(String receiverUrl, Secret appSecret, OkHttpClient http) {
        this(receiverUrl, appSecret, http, false);
    }

    private WhatsAppWebhookSender(String receiverUrl, Secret appSecret, OkHttpClient http, boolean ownClient) {
        Objects.requireNonNull(receiverUrl, "receiverUrl");
        HttpUrl parsed = HttpUrl.parse(receiverUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http or https URL: " + receiverUrl);
        }
        this.url = parsed;
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.http = Objects.requireNonNull(http, "http");
        this.ownClient = ownClient;
    }

    /**
     * Posts a payload, correctly signed.
     *
     * @param payload the delivery
     * @return the HTTP status your receiver answered
     * @throws UncheckedIOException if the request fails (connection refused, ...)
     */
    public int send(Payload payload) {
        return send(payload.toJson());
    }

    /**
     * Posts a body, correctly signed.
     *
     * @param json the exact body to send
     * @return the HTTP status your receiver answered
     */
    public int send(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(body, signatureHeader(body, appSecret));
    }

    /**
     * Posts a body with a well-formed signature computed with a different secret: a forgery your
     * receiver must refuse.
     *
     * @param json the exact body to send
     * @return the HTTP status your receiver answered
     */
    public int sendWronglySigned(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(body, signatureHeader(body, Secret.of("not-" + appSecret.reveal())));
    }

    /**
     * Posts a body without an {@code X-Hub-Signature-256} header.
     *
     * @param json the exact body to send
     * @return the HTTP status your receiver answered
     */
    public int sendUnsigned(String json) {
        return post(json.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * Posts a body with exactly this {@code X-Hub-Signature-256} value, for testing malformed
     * headers ({@code "sha1=..."}, {@code "sha256=xyz"}, ...).
     *
     * @param json the exact body to send
     * @param headerValue the header value, or {@code null} for none
     * @return the HTTP status your receiver answered
     */
    public int sendWithSignatureHeader(String json, String headerValue) {
        return post(json.getBytes(StandardCharsets.UTF_8), headerValue);
    }

    /**
     * The {@code X-Hub-Signature-256} value Meta would send with this body.
     *
     * @param body the exact body bytes
     * @param appSecret the app secret
     * @return {@code sha256=} followed by the lower-case hex HMAC-SHA256 of the body
     */
    public static String signatureHeader(byte[] body, Secret appSecret) {
        return "sha256=" + PayloadSigner.hmacSha256Hex(appSecret).sign(body);
    }

    private int post(byte[] body, String signature) {
        Request.Builder rb = new Request.Builder().url(url)
                .header("User-Agent", "facebookexternalua")
                .post(RequestBody.create(body, JSON));
        if (signature != null) {
            rb.header(SIGNATURE_HEADER, signature);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            return r.code();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot POST the webhook to " + url + ": " + e.getMessage(), e);
        }
    }

    /** Releases the connections and threads of the sender's own HTTP client. */
    @Override
    public void close() {
        if (ownClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /**
     * One webhook delivery, starting from one of Meta's documented examples (the fixtures in
     * {@code relaykit/whatsapp/webhook/}, listed with their sources in the README.md there), with
     * the values you choose. Not thread-safe; {@link #toJson()} gives the body to send.
     *
     * <p>Fixtures: {@code message-text}, {@code message-text-referred-product},
     * {@code message-text-ad-referral}, {@code message-text-username}, {@code message-image},
     * {@code message-image-forwarded}, {@code message-audio}, {@code message-video},
     * {@code message-document}, {@code message-sticker}, {@code message-location},
     * {@code message-contacts}, {@code message-interactive-list-reply},
     * {@code message-interactive-button-reply}, {@code message-button}, {@code message-reaction},
     * {@code message-reaction-removed}, {@code message-order}, {@code message-system},
     * {@code message-unsupported}, {@code status-sent}, {@code status-sent-v24},
     * {@code status-delivered-username}, {@code status-read}, {@code status-failed},
     * {@code change-user-preferences}.
     *
     * <pre>{@code
     * WhatsAppWebhookSender.Payload p = WhatsAppWebhookSender.Payload.fixture("message-image")
     *         .from("491701234567").messageId("wamid.test-1");
     * }</pre>
     */
    public static final class Payload {
        private static final String FIXTURES = "relaykit/whatsapp/webhook/";

        private final ObjectNode root;

        private Payload(ObjectNode root) {
            this.root = root;
        }

        /**
         * Loads a documented example.
         *
         * @param name the fixture name, for example {@code "message-text"}
         * @return a new payload
         * @throws IllegalArgumentException if there is no such fixture
         */
        public static Payload fixture(String name) {
            Objects.requireNonNull(name, "name");
            try (InputStream in = Payload.class.getClassLoader().getResourceAsStream(FIXTURES + name + ".json")) {
                if (in == null) {
                    throw new IllegalArgumentException("no WhatsApp webhook fixture '" + name + "'; see "
                            + FIXTURES + "README.md for the list");
                }
                return new Payload((ObjectNode) Json.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fixture " + name, e);
            }
        }

        /**
         * A text message from a user: Meta's text example with your sender and text, and a message ID of its own
         * (each call is a new message; post the same payload twice for a redelivery).
         *
         * @param from the user's phone number (also their {@code wa_id})
         * @param body the text
         * @return a new payload
         */
        public static Payload text(String from, String body) {
            return fixture("message-text").from(from).text(body)
                    .messageId("wamid.relaykit-" + java.util.UUID.randomUUID());
        }

        /**
         * A status update of a message you sent: Meta's {@code sent} example with your values.
         *
         * @param messageId the ID of the message you sent
         * @param status {@code sent}, {@code delivered}, {@code read}, {@code played} or {@code failed}
         * @return a new payload
         */
        public static Payload status(String messageId, String status) {
            return fixture("status-sent").messageId(messageId).status(status);
        }

        /**
         * Sets the sender: {@code from} of every message and {@code wa_id} of every contact.
         *
         * @param phone the user's phone number
         * @return this payload
         */
        public Payload from(String phone) {
            eachIn("messages", m -> m.put("from", phone));
            eachIn("contacts", c -> c.put("wa_id", phone));
            return this;
        }

        /**
         * @param name the sender's profile name (every contact's {@code profile.name})
         * @return this payload
         */
        public Payload profileName(String name) {
            eachIn("contacts", c -> c.withObjectProperty("profile").put("name", name));
            return this;
        }

        /**
         * Sets the ID of the first message or status: make it unique to post distinct deliveries,
         * keep it to post a redelivery.
         *
         * @param id a message ID, for example {@code wamid.test-1}
         * @return this payload
         */
        public Payload messageId(String id) {
            first(value().has("messages") ? "messages" : "statuses").put("id", id);
            return this;
        }

        /**
         * @param body the text of the first message
         * @return this payload
         * @throws IllegalStateException if the first message is not a text message
         */
        public Payload text(String body) {
            ObjectNode m = first("messages");
            if (!"text".equals(m.path("type").asText())) {
                throw new IllegalStateException("the first message is of type '" + m.path("type").asText()
                        + "', not 'text'");
            }
            m.withObjectProperty("text").put("body", body);
            return this;
        }

        /**
         * @param time the {@code timestamp} of every message and status (epoch seconds, as a string)
         * @return this payload
         */
        public Payload timestamp(Instant time) {
            String s = Long.toString(time.getEpochSecond());
            eachIn("messages", m -> m.put("timestamp", s));
            eachIn("statuses", m -> m.put("timestamp", s));
            return this;
        }

        /**
         * @param phoneNumberId your business phone number ID ({@code metadata.phone_number_id})
         * @return this payload
         */
        public Payload phoneNumberId(String phoneNumberId) {
            value().withObjectProperty("metadata").put("phone_number_id", phoneNumberId);
            return this;
        }

        /**
         * @param status the {@code status} of the first status, for example {@code delivered}
         * @return this payload
         */
        public Payload status(String status) {
            first("statuses").put("status", status);
            return this;
        }

        /**
         * @param recipientId the {@code recipient_id} of the first status
         * @return this payload
         */
        public Payload recipientId(String recipientId) {
            first("statuses").put("recipient_id", recipientId);
            return this;
        }

        /** @return an independent copy */
        public Payload copy() {
            return new Payload(root.deepCopy());
        }

        /** @return the body, compact JSON, exactly as it will be sent */
        public String toJson() {
            return Json.write(root);
        }

        @Override
        public String toString() {
            return toJson();
        }

        private ObjectNode value() {
            JsonNode v = root.path("entry").path(0).path("changes").path(0).path("value");
            if (!v.isObject()) {
                throw new IllegalStateException("this payload has no entry[0].changes[0].value object");
            }
            return (ObjectNode) v;
        }

        private ObjectNode first(String array) {
            JsonNode n = value().path(array).path(0);
            if (!n.isObject()) {
                throw new IllegalStateException("this payload has no " + array + " (it is a "
                        + root.path("entry").path(0).path("changes").path(0).path("field").asText() + " change)");
            }
            return (ObjectNode) n;
        }

        private void eachIn(String array, java.util.function.Consumer<ObjectNode> f) {
            for (JsonNode n : value().path(array)) {
                if (n.isObject()) {
                    f.accept((ObjectNode) n);
                }
            }
        }
    }
}
