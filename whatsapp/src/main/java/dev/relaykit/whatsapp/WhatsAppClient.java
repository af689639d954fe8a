package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.net.ProxyConfig;
import dev.relaykit.core.net.TlsConfig;
import dev.relaykit.core.rest.ErrorParser;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.secret.Redactor;
import dev.relaykit.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The WhatsApp Cloud API client for one business phone number: send every message kind, mark
 * messages read, upload/download/delete media, read the phone number and business profile, list
 * message templates.
 *
 * <pre>{@code
 * try (WhatsAppClient wa = WhatsAppClient.builder()
 *         .accessToken(Secret.of(System.getenv("WHATSAPP_TOKEN")))
 *         .phoneNumberId("106540352242922")
 *         .businessAccountId("102290129340398")          // for templates and phone number lists
 *         .build()) {
 *     SendResult r = wa.send(Message.text("+16505551234", "Hello from RelayKit"));
 *     String mediaId = wa.uploadMedia(Path.of("menu.png"), "image/png");
 *     wa.sendAsync(Message.image("+16505551234", MediaRef.id(mediaId)).caption("Today's menu"));
 * }
 * }</pre>
 *
 * <p><b>Authentication</b>: every request carries {@code Authorization: Bearer <token>}. The token is
 * kept as a {@link Secret} and scrubbed from log lines, exception messages and {@code toString()}.
 *
 * <p><b>Validation</b>: messages check Meta's documented limits when built, uploads check the MIME
 * type and size per {@link MediaKind} before sending; bad input throws
 * {@link IllegalArgumentException} and sends nothing.
 *
 * <p><b>Errors and retries</b>: Meta's error objects become {@link WhatsAppApiException} (code,
 * subcode, details, fbtrace id, {@link WhatsAppApiException#kind() kind},
 * {@link WhatsAppApiException#isRetryable() retryability}). Errors by which Meta rejected a request
 * and that can pass (rate limits 130429, 131056, 80007, 4, 613; transient 1, 2, 131000, 131016) are
 * retried under the {@link RetryPolicy} (default: 3 attempts, backoff from 250 ms up to 5 s): Meta
 * did not take the message, so a retry cannot duplicate it. A send whose connection failed or timed
 * out after the request went out is never retried: it throws {@link MessageOutcomeUnknownException}.
 * Reads, deletes, read receipts and profile updates, which are harmless to repeat, are also retried
 * after connection failures and 5xx answers.
 *
 * <p>Every remote call has a sync form and an async form returning a {@link CompletableFuture} that
 * completes exceptionally with the same exceptions. Thread-safe; {@link #close()} stops new calls.
 */
public final class WhatsAppClient implements AutoCloseable {
    /** The Graph API version used unless {@link Builder#apiVersion(String)} says otherwise. */
    public static final String DEFAULT_API_VERSION = "v26.0";
    /** The Graph API's base URL. */
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

    private static final String PHONE_FIELDS =
            "id,display_phone_number,verified_name,quality_rating,code_verification_status,name_status,platform_type,throughput";

    private final String phoneNumberId;
    private final String businessAccountId;
    private final String apiVersion;
    private final HttpUrl baseUrl;
    private final RestClient rest;

    private WhatsAppClient(Builder b) {
        this.phoneNumberId = b.phoneNumberId;
        this.businessAccountId = b.businessAccountId;
        this.apiVersion = b.apiVersion;
        this.baseUrl = HttpUrl.get(b.baseUrl);
        String token = b.accessToken.reveal();
        Redactor tokenRedactor = Redactor.standard().withValues(List.of(token));
        ErrorParser meta = (service, status, body, retryAt) -> {
            String clean = tokenRedactor.redact(body);
            WhatsAppApiException e = WhatsAppApiException.parse(status, clean);
            return e != null ? e : ErrorParser.standard().parse(service, status, clean, retryAt);
        };
        OkHttpClient http = HttpClients.configure(b.httpClient, b.proxy, b.tls);
        this.rest = RestClient.builder()
                .service("whatsapp")
                .baseUrl(b.baseUrl + "/" + b.apiVersion) // every path is below the version
                .httpClient(http)
                .defaultHeader("Authorization", "Bearer " + token)
                .errorParser(meta)
                .retryPolicy(b.retryPolicy)
                .retryRejected(WhatsAppClient::rejectedAndRetryable)
                .build();
    }

    private static boolean rejectedAndRetryable(RelayKitException e) {
        return e instanceof WhatsAppApiException w ? w.isRetryable()
                : e instanceof RateLimitedException r && !r.isLocal();
    }

    /** @return a builder; the access token and phone number id are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the phone number id messages are sent from */
    public String phoneNumberId() {
        return phoneNumberId;
    }

    /** @return the WhatsApp Business Account id, or {@code null} if none was given */
    public String businessAccountId() {
        return businessAccountId;
    }

    /** @return the Graph API version in every path ({@code "v26.0"}) */
    public String apiVersion() {
        return apiVersion;
    }

    // ------------------------------------------------------------------ messages

    /**
     * Sends a message.
     *
     * @param message the message; see {@link Message} for every kind
     * @return the new message's id and the recipient's WhatsApp id
     * @throws WhatsAppApiException if Meta refused it (after retries where retrying can help)
     * @throws MessageOutcomeUnknownException if the connection failed after the request was sent:
     *     the message may have gone out, so it was not sent again
     * @throws TransportException if the connection could not be made: nothing was sent
     */
    public SendResult send(Message<?> message) {
        return await(sendAsync(message));
    }

    /**
     * Async form of {@link #send(Message)}.
     *
     * @param message the message
     * @return a future completed with the result, or exceptionally as {@link #send(Message)} throws
     */
    public CompletableFuture<SendResult> sendAsync(Message<?> message) {
        Objects.requireNonNull(message, "message");
        RestRequest request = RestRequest.post(path(phoneNumberId, "messages")).jsonBody(message.toJson()).build();
        String what = "a " + message.type() + " message to " + message.to();
        return sendRequest(request, what).thenApply(SendResult::from);
    }

    /**
     * Marks a received message (and the ones before it) as read: blue check marks for the user.
     *
     * @param messageId the received message's {@code wamid...}
     * @return {@code true} if Meta answered {@code success}
     */
    public boolean markRead(String messageId) {
        return await(markReadAsync(messageId));
    }

    /**
     * Async form of {@link #markRead(String)}.
     *
     * @param messageId the received message's id
     * @return a future completed with Meta's {@code success}
     */
    public CompletableFuture<Boolean> markReadAsync(String messageId) {
        return markReadAsync(phoneNumberId, messageId);
    }

    /**
     * Marks a message received by another phone number of the same token as read (for a webhook
     * that serves several numbers).
     *
     * @param phoneNumberId the number that received the message
     * @param messageId the received message's id
     * @return a future completed with Meta's {@code success}
     */
    public CompletableFuture<Boolean> markReadAsync(String phoneNumberId, String messageId) {
        return status(checkId(phoneNumberId, "phone number id"), messageId, false);
    }

    /**
     * Marks a received message as read and shows the user a typing indicator until you answer (or
     * for 25 seconds). Show it only if you will answer.
     *
     * @param messageId the received message's id
     * @return {@code true} if Meta answered {@code success}
     */
    public boolean showTypingIndicator(String messageId) {
        return await(showTypingIndicatorAsync(messageId));
    }

    /**
     * Async form of {@link #showTypingIndicator(String)}.
     *
     * @param messageId the received message's id
     * @return a future completed with Meta's {@code success}
     */
    public CompletableFuture<Boolean> showTypingIndicatorAsync(String messageId) {
        return status(phoneNumberId, messageId, true);
    }

    private CompletableFuture<Boolean> status(String fromNumber, String messageId, boolean typing) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("status", "read");
        body.put("message_id", Message.require(messageId, "message id"));
        if (typing) {
            body.putObject("typing_indicator").put("type", "text");
        }
        // marking read twice is harmless, so this POST may be retried like a read
        RestRequest request = RestRequest.post(path(fromNumber, "messages")).jsonBody(body).idempotent(true).build();
        return call(request, WhatsAppClient::success);
    }

    // ------------------------------------------------------------------ media

    /**
     * Uploads a file as {@code multipart/form-data}, streamed from disk. The MIME type must be one
     * WhatsApp accepts ({@link MediaKind}) and the file within that kind's size limit; both are
     * checked before anything is sent.
     *
     * @param file the file
     * @param mimeType its MIME type ({@code "image/png"})
     * @return the media id, for {@link MediaRef#id(String)}
     * @throws IllegalArgumentException if the type is not accepted, the file is empty or too big
     * @throws UncheckedIOException if the file cannot be read
     */
    public String uploadMedia(Path file, String mimeType) {
        return await(uploadMediaAsync(file, mimeType));
    }

    /**
     * Async form of {@link #uploadMedia(Path, String)}; the checks run before it returns.
     *
     * @param file the file
     * @param mimeType its MIME type
     * @return a future completed with the media id
     */
    public CompletableFuture<String> uploadMediaAsync(Path file, String mimeType) {
        MediaKind kind = MediaKind.forMimeType(mimeType);
        long size;
        try {
            size = Files.size(Objects.requireNonNull(file, "file"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file to upload: " + file, e);
        }
        if (size == 0) {
            throw new IllegalArgumentException("media file is empty: " + file);
        }
        if (size > kind.maxBytes()) {
            throw new IllegalArgumentException("media file " + file.getFileName() + " is " + size + " bytes; WhatsApp accepts "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " up to " + kind.maxBytes() + " bytes");
        }
        String type = MediaKind.baseType(mimeType);
        // a repeated upload only leaves an unused media object behind, so it may be retried
        RestRequest request = RestRequest.post(path(phoneNumberId, "media"))
                .part(RestRequest.Part.text("messaging_product", "whatsapp"))
                .part(RestRequest.Part.text("type", type))
                .part(RestRequest.Part.file("file", file, file.getFileName().toString(), type))
                .idempotent(true)
                .build();
        return call(request, body -> {
            String id = body.path("id").asText(null);
            if (id == null) {
                throw new DecodeException("whatsapp: media upload answered without an id");
            }
            return id;
        });
    }

    /**
     * Looks up media: its temporary download URL, MIME type, size and SHA-256.
     *
     * @param mediaId the media id (uploaded, or from a received message)
     * @return the media information
     */
    public MediaInfo retrieveMedia(String mediaId) {
        return await(retrieveMediaAsync(mediaId));
    }

    /**
     * Async form of {@link #retrieveMedia(String)}.
     *
     * @param mediaId the media id
     * @return a future completed with the media information
     */
    public CompletableFuture<MediaInfo> retrieveMediaAsync(String mediaId) {
        return rest.executeAsync(RestRequest.get(path(checkId(mediaId, "media id"))).build(), MediaInfo.class);
    }

    /**
     * Downloads media to a file, streamed (never held in memory). The file appears complete or not
     * at all: the bytes go to a temporary file next to it, are checked against Meta's SHA-256, and
     * the file is then moved into place (replacing an existing one).
     *
     * @param mediaId the media id
     * @param target the file to write
     * @return the media information
     * @throws DecodeException if the download does not match Meta's SHA-256 (nothing is written)
     */
    public MediaInfo downloadMedia(String mediaId, Path target) {
        return await(downloadMediaAsync(mediaId, target));
    }

    /**
     * Async form of {@link #downloadMedia(String, Path)}.
     *
     * @param mediaId the media id
     * @param target the file to write
     * @return a future completed with the media information
     */
    public CompletableFuture<MediaInfo> downloadMediaAsync(String mediaId, Path target) {
        Path t = Objects.requireNonNull(target, "target").toAbsolutePath();
        return retrieveMediaAsync(mediaId).thenCompose(info -> download(info, in -> {
            Path part = Files.createTempFile(t.getParent(), t.getFileName().toString(), ".part");
            try {
                try (OutputStream out = Files.newOutputStream(part)) {
                    copyChecked(info, in, out);
                }
                try {
                    Files.move(part, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, t, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(part);
            }
            return info;
        }));
    }

    /**
     * Downloads media into a stream, streamed (never held in memory). The stream is not closed. If
     * the bytes do not match Meta's SHA-256 a {@link DecodeException} is thrown after they were
     * written: discard what the stream received.
     *
     * @param mediaId the media id
     * @param out where the bytes go
     * @return the media information
     */
    public MediaInfo downloadMedia(String mediaId, OutputStream out) {
        return await(downloadMediaAsync(mediaId, out));
    }

    /**
     * Async form of {@link #downloadMedia(String, OutputStream)}; the stream is written on an
     * OkHttp thread.
     *
     * @param mediaId the media id
     * @param out where the bytes go
     * @return a future completed with the media information
     */
    public CompletableFuture<MediaInfo> downloadMediaAsync(String mediaId, OutputStream out) {
        Objects.requireNonNull(out, "out");
        return retrieveMediaAsync(mediaId).thenCompose(info -> download(info, in -> {
            copyChecked(info, in, out);
            return info;
        }));
    }

    /** Reads the download body; may throw I/O errors. */
    @FunctionalInterface
    private interface BodyHandler {
        MediaInfo handle(InputStream in) throws IOException;
    }

    private CompletableFuture<MediaInfo> download(MediaInfo info, BodyHandler handler) {
        HttpUrl url = info.url() == null ? null : HttpUrl.parse(info.url());
        if (url == null) {
            return CompletableFuture.failedFuture(new DecodeException("whatsapp: media " + info.id() + " has no download URL"));
        }
        if (!url.isHttps() && !url.host().equals(baseUrl.host())) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "whatsapp: refusing to send the access token to a plain-http media URL on " + url.host()));
        }
        return rest.executeStreamingAsync(RestRequest.get(url.toString()).build(), (head, in) -> handler.handle(in));
    }

    private static void copyChecked(MediaInfo info, InputStream in, OutputStream out) throws IOException {
        MessageDigest sha = DigestUtils.getSha256Digest();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            sha.update(buf, 0, n);
            out.write(buf, 0, n);
            total += n;
        }
        out.flush();
        String actual = Hex.encodeHexString(sha.digest());
        if (info.sha256() != null && !info.sha256().isBlank() && !info.sha256().equalsIgnoreCase(actual)) {
            throw new DecodeException("whatsapp: media " + info.id() + " downloaded " + total
                    + " bytes that do not match its sha256 (expected " + info.sha256() + ", got " + actual + ")");
        }
    }

    /**
     * Deletes uploaded media.
     *
     * @param mediaId the media id
     * @return {@code true} if Meta answered {@code success}
     */
    public boolean deleteMedia(String mediaId) {
        return await(deleteMediaAsync(mediaId));
    }

    /**
     * Async form of {@link #deleteMedia(String)}.
     *
     * @param mediaId the media id
     * @return a future completed with Meta's {@code success}
     */
    public CompletableFuture<Boolean> deleteMediaAsync(String mediaId) {
        return call(RestRequest.delete(path(checkId(mediaId, "media id"))).build(), WhatsAppClient::success);
    }

    // ------------------------------------------------------------------ phone numbers, profile, templates

    /**
     * Reads this client's phone number (display number, verified name, quality rating, ...).
     *
     * @return the phone number
     */
    public PhoneNumber phoneNumber() {
        return await(phoneNumberAsync());
    }

    /**
     * Async form of {@link #phoneNumber()}.
     *
     * @return a future completed with the phone number
     */
    public CompletableFuture<PhoneNumber> phoneNumberAsync() {
        return rest.executeAsync(RestRequest.get(path(phoneNumberId)).param("fields", PHONE_FIELDS).build(), PhoneNumber.class);
    }

    /**
     * Lists the business account's phone numbers, one page at a time.
     *
     * @param after the cursor from the previous page's {@link Page#after()}, or {@code null} for the first page
     * @return one page
     * @throws IllegalStateException if the client has no business account id
     */
    public Page<PhoneNumber> phoneNumbers(String after) {
        return await(phoneNumbersAsync(after));
    }

    /**
     * Async form of {@link #phoneNumbers(String)}.
     *
     * @param after the cursor, or {@code null}
     * @return a future completed with one page
     */
    public CompletableFuture<Page<PhoneNumber>> phoneNumbersAsync(String after) {
        RestRequest request = RestRequest.get(path(waba("list phone numbers"), "phone_numbers"))
                .param("fields", PHONE_FIELDS).param("after", after).build();
        return call(request, body -> page(body, PhoneNumber.class));
    }

    /**
     * Reads the business profile of this client's phone number.
     *
     * @return the profile
     */
    public BusinessProfile businessProfile() {
        return await(businessProfileAsync());
    }

    /**
     * Async form of {@link #businessProfile()}.
     *
     * @return a future completed with the profile
     */
    public CompletableFuture<BusinessProfile> businessProfileAsync() {
        RestRequest request = RestRequest.get(path(phoneNumberId, "whatsapp_business_profile"))
                .param("fields", BusinessProfile.FIELDS).build();
        return call(request, body -> {
            JsonNode first = body.path("data").path(0);
            if (!first.isObject()) {
                throw new DecodeException("whatsapp: business profile answer has no data[0]");
            }
            return Json.read(first, BusinessProfile.class);
        });
    }

    /**
     * Changes fields of the business profile; fields not set in the update stay as they are.
     *
     * @param update the changes
     * @return {@code true} if Meta answered {@code success}
     */
    public boolean updateBusinessProfile(BusinessProfile.Update update) {
        return await(updateBusinessProfileAsync(update));
    }

    /**
     * Async form of {@link #updateBusinessProfile(BusinessProfile.Update)}.
     *
     * @param update the changes
     * @return a future completed with Meta's {@code success}
     */
    public CompletableFuture<Boolean> updateBusinessProfileAsync(BusinessProfile.Update update) {
        // setting the same fields twice is harmless, so this POST may be retried
        RestRequest request = RestRequest.post(path(phoneNumberId, "whatsapp_business_profile"))
                .jsonBody(Objects.requireNonNull(update, "update").toJson()).idempotent(true).build();
        return call(request, WhatsAppClient::success);
    }

    /**
     * Lists the business account's message templates, one page at a time.
     *
     * @param limit templates per page, 1 to 1000
     * @param after the cursor from the previous page's {@link Page#after()}, or {@code null}
     * @return one page
     * @throws IllegalStateException if the client has no business account id
     */
    public Page<MessageTemplate> templates(int limit, String after) {
        return await(templatesAsync(limit, after));
    }

    /**
     * Async form of {@link #templates(int, String)}.
     *
     * @param limit templates per page
     * @param after the cursor, or {@code null}
     * @return a future completed with one page
     */
    public CompletableFuture<Page<MessageTemplate>> templatesAsync(int limit, String after) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("template page size must be 1 to 1000: " + limit);
        }
        RestRequest request = RestRequest.get(path(waba("list message templates"), "message_templates"))
                .param("fields", "id,name,language,status,category,parameter_format,components")
                .param("limit", limit).param("after", after).build();
        return call(request, body -> page(body, MessageTemplate.class));
    }

    // ------------------------------------------------------------------ raw access

    /**
     * Sends any Graph API request with this client's token, retries and error mapping, for what the
     * typed methods do not cover. The path is below the API version:
     * {@code RestRequest.get("/" + phoneNumberId).param("fields", "health_status").build()}. A POST
     * is retried only on Meta's retryable rejections, never after a connection failure.
     *
     * @param request the request, path without the version
     * @return the answer's JSON
     */
    public JsonNode call(RestRequest request) {
        return await(callAsync(request));
    }

    /**
     * Async form of {@link #call(RestRequest)}.
     *
     * @param request the request
     * @return a future completed with the answer's JSON
     */
    public CompletableFuture<JsonNode> callAsync(RestRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.isAbsoluteUrl()) {
            throw new IllegalArgumentException("call() takes a path below the API version, not a URL");
        }
        return rest.executeAsync(request);
    }

    /** Stops the client: later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        rest.close();
    }

    /** @return phone number id, business account id, version and base URL; never the token */
    @Override
    public String toString() {
        return "WhatsAppClient[phoneNumberId=" + phoneNumberId + ", businessAccountId=" + businessAccountId
                + ", apiVersion=" + apiVersion + ", baseUrl=" + baseUrl + "]";
    }

    // ------------------------------------------------------------------ plumbing

    /** @return the path below the REST client's base URL, which ends in the API version */
    private static String path(String... segments) {
        return "/" + String.join("/", segments);
    }

    private String waba(String what) {
        if (businessAccountId == null) {
            throw new IllegalStateException("whatsapp: to " + what + " the client needs businessAccountId (the WABA id)");
        }
        return businessAccountId;
    }

    private static String checkId(String id, String what) {
        if (id == null || !id.matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException(what + " must be digits only: " + id);
        }
        return id;
    }

    private <T> CompletableFuture<T> call(RestRequest request, Function<JsonNode, T> decode) {
        return rest.executeAsync(request).thenApply(decode);
    }

    private CompletableFuture<JsonNode> sendRequest(RestRequest request, String what) {
        CompletableFuture<JsonNode> out = new CompletableFuture<>();
        rest.executeAsync(request).whenComplete((body, failure) -> {
            if (failure == null) {
                out.complete(body);
            } else {
                out.completeExceptionally(outcome(unwrap(failure), what));
            }
        });
        return out;
    }

    /** Says plainly when a failed send may nevertheless have been delivered. */
    private static Throwable outcome(Throwable failure, String what) {
        if (failure instanceof TransportException t) {
            Throwable cause = t.getCause();
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return t; // no connection was made: nothing was sent
            }
            return new MessageOutcomeUnknownException("whatsapp: the outcome of sending " + what + " is unknown ("
                    + t.getMessage() + "); it may have been delivered, so it was not sent again."
                    + " Check the statuses webhook before resending", t);
        }
        if (failure instanceof ApiException a && !(failure instanceof WhatsAppApiException) && a.httpStatus() >= 500) {
            return new MessageOutcomeUnknownException("whatsapp: the outcome of sending " + what + " is unknown (HTTP "
                    + a.httpStatus() + " without Meta's error object); it may have been delivered, so it was not sent"
                    + " again. Check the statuses webhook before resending", a);
        }
        return failure;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new RelayKitException("whatsapp: unexpected failure: " + cause, cause);
        }
    }

    private static boolean success(JsonNode body) {
        return body.path("success").asBoolean(false);
    }

    private static <T> Page<T> page(JsonNode body, Class<T> type) {
        List<T> items = new ArrayList<>();
        body.path("data").forEach(n -> items.add(Json.read(n, type)));
        JsonNode paging = body.path("paging");
        JsonNode cursors = paging.path("cursors");
        return new Page<>(items, cursors.path("before").asText(null), cursors.path("after").asText(null),
                paging.hasNonNull("next"));
    }

    /** Builds a {@link WhatsAppClient}. */
    public static final class Builder {
        private Secret accessToken;
        private String phoneNumberId;
        private String businessAccountId;
        private String apiVersion = DEFAULT_API_VERSION;
        private String baseUrl = DEFAULT_BASE_URL;
        private OkHttpClient httpClient = HttpClients.shared();
        private ProxyConfig proxy;
        private TlsConfig tls;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {
        }

        /**
         * @param token a system-user or business access token with {@code whatsapp_business_messaging}
         *     (and {@code whatsapp_business_management} for templates and profiles)
         * @return this builder
         */
        public Builder accessToken(Secret token) {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("access token is empty");
            }
            this.accessToken = token;
            return this;
        }

        /**
         * @param id the business phone number id to send from (digits, from the App Dashboard)
         * @return this builder
         */
        public Builder phoneNumberId(String id) {
            this.phoneNumberId = checkId(id, "phone number id");
            return this;
        }

        /**
         * @param id the WhatsApp Business Account id (digits), needed for templates and phone number lists
         * @return this builder
         */
        public Builder businessAccountId(String id) {
            this.businessAccountId = checkId(id, "business account id");
            return this;
        }

        /**
         * @param version the Graph API version ({@code "v26.0"}); default {@value #DEFAULT_API_VERSION}
         * @return this builder
         */
        public Builder apiVersion(String version) {
            if (version == null || !version.matches("v\\d+\\.\\d+")) {
                throw new IllegalArgumentException("API version must look like v26.0: " + version);
            }
            this.apiVersion = version;
            return this;
        }

        /**
         * @param url the Graph API base URL; default {@value #DEFAULT_BASE_URL} (a
         *     {@code FakeGraphApi}'s URL in tests)
         * @return this builder
         */
        public Builder baseUrl(String url) {
            if (url == null || HttpUrl.parse(url) == null) {
                throw new IllegalArgumentException("base URL must be an http(s) URL: " + url);
            }
            this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        /**
         * @param client the OkHttp client to derive from (shares its pool); default the shared one
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
         * @param tls TLS options (custom CA, client certificate, pinning), or {@code null} for the defaults
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        /**
         * @param policy attempts and backoff for retryable failures; {@link RetryPolicy#none()} turns retries off
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if the access token or phone number id is missing
         */
        public WhatsAppClient build() {
            if (accessToken == null) {
                throw new IllegalStateException("whatsapp: accessToken is required");
            }
            if (phoneNumberId == null) {
                throw new IllegalStateException("whatsapp: phoneNumberId is required");
            }
            return new WhatsAppClient(this);
        }
    }
}
