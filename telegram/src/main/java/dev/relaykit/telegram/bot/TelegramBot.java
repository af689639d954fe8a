package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.secret.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client of the Telegram Bot API (core.telegram.org/bots/api; names as of Bot API 10.x) on
 * sdk-core's REST client: any method raw ({@link #call(String, Map)}), typed methods for the common
 * ones in groups ({@link #messages()}, {@link #chats()}, {@link #files()}, {@link #payments()}, and
 * the bot's own settings here), long polling ({@link #longPolling(UpdateListener)}) and webhook
 * management.
 *
 * <pre>{@code
 * try (TelegramBot bot = TelegramBot.builder(Secret.of(System.getenv("TELEGRAM_BOT_TOKEN"))).build()) {
 *     BotUser me = bot.getMe();
 *     BotMessage sent = bot.messages().sendMessage(123456789L, "hello from @" + me.username(), SendOptions.create());
 *     JsonNode raw = bot.call("getChat", Map.of("chat_id", 123456789L)); // any method, answered as JSON
 * }
 * }</pre>
 *
 * <p><b>Parameters</b> are named as the Bot API documents them. Typed methods take their optional
 * parameters as a map ({@link SendOptions} has setters for the common ones), so a parameter Telegram
 * adds later needs no new release; results are small records that keep the whole JSON object
 * ({@code raw()}), and decoding never fails on a field or update kind this release does not know.
 *
 * <p><b>Requests</b> are {@code POST https://api.telegram.org/bot<token>/<method>} with a JSON body
 * (multipart when a local file is uploaded); the answer's {@code result} is returned. The token is a
 * {@link Secret}: it is masked in every log line, exception message and {@code toString()}, though it
 * is part of the URL path.
 *
 * <p><b>Errors</b>: {@link TelegramApiException} with Telegram's {@code error_code},
 * {@code description} and {@code parameters}; {@link TelegramConflictException} for 409;
 * {@link TelegramRateLimitedException} for 429; sdk-core's {@link dev.relaykit.core.TransportException}
 * when the connection fails.
 *
 * <p><b>Retries</b>: a 429 means Telegram did not act on the request, so it is repeated after
 * {@code parameters.retry_after}, for any method, when that wait is at most
 * {@link Builder#maxRetryAfter(Duration)} (default 10 s), at most twice; a longer wait is thrown at
 * once. Methods whose name starts with {@code get} are also repeated after a connection failure or a
 * 5xx; a send never is (it may have been delivered).
 *
 * <p><b>Pacing</b>: see {@link Pacing}; off by default.
 *
 * <p>Thread-safe; {@link #close()} stops long polling and leaves no thread or timer behind.
 */
public final class TelegramBot implements AutoCloseable {
    /** The Bot API server Telegram runs. */
    public static final String DEFAULT_BASE_URL = "https://api.telegram.org";

    private final Secret token;
    private final String baseUrl;
    private final OkHttpClient http;
    private final RestClient rest;
    private final Pacer pacer;
    private final Duration maxRetryAfter;
    private final TimerScope timer = SharedTimer.scope(null, SharedTimer.workers(), Runnable::run);
    private final Set<AutoCloseable> pollers = ConcurrentHashMap.newKeySet();
    private final RestClient fileRest;
    private final BotMessages messages = new BotMessages(this::call);
    private final BotChats chats = new BotChats(this::call);
    private final BotPayments payments = new BotPayments(this::call);
    private final BotFiles files;

    private TelegramBot(Builder b) {
        this.token = b.token;
        this.baseUrl = b.baseUrl;
        this.maxRetryAfter = b.maxRetryAfter;
        this.http = b.http.newBuilder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                .build();
        this.rest = restClient(http, new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(5), maxRetryAfter));
        this.pacer = new Pacer(b.pacing);
        // downloads come from /file/bot<token>/<file_path>, beside the methods' /bot<token>/<method>
        this.fileRest = RestClient.builder()
                .service("telegram")
                .baseUrl(baseUrl + "/file/bot" + token.reveal())
                .redactValue(token)
                .httpClient(http)
                .errorParser(new BotErrors())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(5), maxRetryAfter))
                .build();
        this.files = new BotFiles(this::call, fileRest);
    }

    private RestClient restClient(OkHttpClient client, RetryPolicy policy) {
        return RestClient.builder()
                .service("telegram")
                .baseUrl(baseUrl + "/bot" + token.reveal())
                .redactValue(token)
                .httpClient(client)
                .errorParser(new BotErrors())
                .retryPolicy(policy)
                // Telegram acted on nothing it answered with 429: repeating it is safe for any method
                .retryRejected(e -> e instanceof TelegramRateLimitedException)
                .build();
    }

    /**
     * @param token the bot's token from @BotFather
     * @return a new builder
     */
    public static Builder builder(Secret token) {
        return new Builder(token);
    }

    // ---------------------------------------------------------------- raw access

    /**
     * Calls any Bot API method with the given parameters, sent as a JSON object ({@code null} values
     * left out; maps, lists and records nested as JSON), and returns the answer's {@code result}. An
     * {@link InputFile} upload anywhere in the parameters makes it a {@code multipart/form-data}
     * request: a top-level one is the part of its parameter's name, a nested one (a media group's
     * item, a {@code thumbnail}) a part named in its place as {@code attach://<name>}.
     *
     * <pre>{@code
     * JsonNode chat = bot.call("getChat", Map.of("chat_id", "@telegram"));
     * String title = chat.path("title").asText();
     * }</pre>
     *
     * @param method the method name as documented ({@code "sendMessage"})
     * @param params its parameters
     * @return the {@code result}
     * @throws TelegramApiException if Telegram answered an error
     * @throws TelegramRateLimitedException if Telegram asked to wait longer than the client waits
     * @throws dev.relaykit.core.RateLimitedException (local) if pacing had no room within its maximum wait
     * @throws dev.relaykit.core.TransportException if the connection failed
     */
    public JsonNode call(String method, Map<String, ?> params) {
        RestRequest request = jsonRequest(method, params);
        for (RateLimiter l : pacer.limitersFor(method, params.get("chat_id"))) {
            l.acquire(1);
        }
        return result(rest.execute(request));
    }

    /**
     * Async form of {@link #call(String, Map)}: pacing waits on the SDK's shared timer, the request
     * goes through OkHttp's dispatcher; no thread is blocked.
     *
     * <pre>{@code
     * bot.callAsync("sendMessage", Map.of("chat_id", chatId, "text", "hi"))
     *         .thenAccept(message -> System.out.println("sent " + message.path("message_id")));
     * }</pre>
     *
     * @param method the method name
     * @param params its parameters
     * @return the {@code result}, or the exceptions {@link #call(String, Map)} throws
     */
    public CompletableFuture<JsonNode> callAsync(String method, Map<String, ?> params) {
        RestRequest request = jsonRequest(method, params);
        CompletableFuture<Void> room = new CompletableFuture<>();
        pace(pacer.limitersFor(method, params.get("chat_id")), 0, 0, room);
        return room.thenCompose(ok -> rest.executeAsync(request)).thenApply(TelegramBot::result);
    }

    /**
     * Calls the method and decodes its {@code result} into a type (fields Telegram added later are
     * ignored).
     *
     * <pre>{@code
     * BotUser me = bot.call("getMe", Map.of(), BotUser.class);
     * }</pre>
     *
     * @param method the method name
     * @param params its parameters
     * @param type the type of the {@code result}
     * @param <T> the result type
     * @return the decoded result
     * @throws RelayKitException as {@link #call(String, Map)}, or a decode failure
     */
    public <T> T call(String method, Map<String, ?> params, Class<T> type) {
        return Json.read(call(method, params), type);
    }

    private void pace(RateLimiter[] limiters, int index, long waited, CompletableFuture<Void> room) {
        try {
            for (int i = index; i < limiters.length; i++) {
                long wait = limiters[i].reserve(1, waited);
                if (wait > 0) {
                    int at = i;
                    timer.schedule(() -> pace(limiters, at, waited + wait, room), wait, TimeUnit.MILLISECONDS);
                    return;
                }
            }
            room.complete(null);
        } catch (RuntimeException e) {
            room.completeExceptionally(e);
        }
    }

    private static RestRequest jsonRequest(String method, Map<String, ?> params) {
        checkMethod(method);
        return BotBody.request(method, params, isIdempotent(method));
    }

    private static void checkMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("not a Bot API method name: " + method);
        }
    }

    /** Reads do not change anything: repeating one after a failure is safe. */
    static boolean isIdempotent(String method) {
        return method.startsWith("get");
    }

    static JsonNode result(JsonNode body) {
        if (body != null && body.path("ok").asBoolean(false)) {
            return body.path("result");
        }
        // an ok:false inside a 200 (some local Bot API servers and emulators answer so)
        if (body != null && body.isObject() && body.has("ok")) {
            throw BotErrors.fromBody(200, body, null);
        }
        throw new dev.relaykit.core.DecodeException("telegram: answer is not a Bot API response object");
    }

    // ---------------------------------------------------------------- typed methods

    /**
     * {@code getMe}: the bot's own user; a cheap check that the token works.
     *
     * <pre>{@code
     * BotUser me = bot.getMe();
     * }</pre>
     *
     * @return the bot's user
     * @throws TelegramApiException 401 if the token is wrong
     */
    public BotUser getMe() {
        return call("getMe", Map.of(), BotUser.class);
    }

    /**
     * {@code sendMessage} with plain text, answered as JSON; {@link #messages()} has the same with a
     * typed {@link BotMessage} result.
     *
     * <pre>{@code
     * JsonNode message = bot.sendMessage(123456789L, "hello");
     * long id = message.path("message_id").asLong();
     * }</pre>
     *
     * @param chatId a chat id ({@code Long}) or {@code "@channelusername"}
     * @param text the text, 1-4096 characters after entities parsing
     * @return the sent Message
     */
    public JsonNode sendMessage(Object chatId, String text) {
        return sendMessage(chatId, text, Map.of());
    }

    /**
     * {@code sendMessage} with any of its optional parameters, named as documented:
     * {@code parse_mode} ({@code "MarkdownV2"}, {@code "HTML"}), {@code entities},
     * {@code link_preview_options}, {@code reply_parameters}, {@code reply_markup} (an inline or
     * reply keyboard), {@code disable_notification}, {@code message_thread_id}, ...
     *
     * <pre>{@code
     * bot.sendMessage(chatId, "<b>Pick one</b>", Map.of(
     *         "parse_mode", "HTML",
     *         "reply_parameters", Map.of("message_id", 42),
     *         "link_preview_options", Map.of("is_disabled", true),
     *         "reply_markup", Map.of("inline_keyboard", List.of(List.of(
     *                 Map.of("text", "Yes", "callback_data", "yes"),
     *                 Map.of("text", "No", "callback_data", "no"))))));
     * }</pre>
     *
     * @param chatId a chat id or {@code "@channelusername"}
     * @param text the text
     * @param options optional parameters by their documented names
     * @return the sent Message
     */
    public JsonNode sendMessage(Object chatId, String text, Map<String, ?> options) {
        Map<String, Object> p = new LinkedHashMap<>(options);
        p.put("chat_id", Objects.requireNonNull(chatId, "chatId"));
        p.put("text", Objects.requireNonNull(text, "text"));
        return call("sendMessage", p);
    }

    /**
     * {@code sendPhoto}: by file id, URL or upload (multipart), answered as JSON ({@link BotMessages#sendPhoto}
     * answers a {@link BotMessage}).
     *
     * <pre>{@code
     * bot.sendPhoto(chatId, InputFile.upload(Path.of("chart.png"), "image/png"), Map.of("caption", "today"));
     * }</pre>
     *
     * @param chatId a chat id or {@code "@channelusername"}
     * @param photo the photo
     * @param options optional parameters ({@code caption}, {@code parse_mode}, ...)
     * @return the sent Message
     */
    public JsonNode sendPhoto(Object chatId, InputFile photo, Map<String, ?> options) {
        return sendFile("sendPhoto", "photo", chatId, photo, options);
    }

    /**
     * {@code sendDocument}: by file id, URL or upload (multipart).
     *
     * <pre>{@code
     * bot.sendDocument(chatId, InputFile.upload(Path.of("report.pdf"), "application/pdf"), Map.of());
     * }</pre>
     *
     * @param chatId a chat id or {@code "@channelusername"}
     * @param document the file
     * @param options optional parameters
     * @return the sent Message
     */
    public JsonNode sendDocument(Object chatId, InputFile document, Map<String, ?> options) {
        return sendFile("sendDocument", "document", chatId, document, options);
    }

    /**
     * Any {@code send*} method that takes one file ({@code sendAudio} / {@code "audio"},
     * {@code sendVideo} / {@code "video"}, {@code sendAnimation}, {@code sendVoice},
     * {@code sendSticker}, {@code sendVideoNote}): the file goes as a multipart part when it is an
     * upload, as a string otherwise. In a multipart request every other parameter is a text part,
     * objects and lists JSON-encoded, as the Bot API reads them.
     *
     * <pre>{@code
     * bot.sendFile("sendVoice", "voice", chatId, InputFile.upload(Path.of("hello.ogg"), "audio/ogg"), Map.of());
     * }</pre>
     *
     * @param method the method name
     * @param field the file parameter's name
     * @param chatId a chat id or {@code "@channelusername"}
     * @param file the file
     * @param options other optional parameters
     * @return the sent Message
     */
    public JsonNode sendFile(String method, String field, Object chatId, InputFile file, Map<String, ?> options) {
        return call(method, BotCalls.params(options, "chat_id", chatId, field, file));
    }

    // ---------------------------------------------------------------- method groups

    /**
     * Sending, editing, deleting and forwarding messages; answering callback and inline queries.
     *
     * <pre>{@code
     * BotMessage m = bot.messages().sendMessage(chatId, "hi", SendOptions.create().protectContent());
     * }</pre>
     *
     * @return the messages group
     */
    public BotMessages messages() {
        return messages;
    }

    /**
     * Chats and members: reading, banning, restricting, promoting, invite links, pinning.
     *
     * <pre>{@code
     * int members = bot.chats().getChatMemberCount(chatId);
     * }</pre>
     *
     * @return the chats group
     */
    public BotChats chats() {
        return chats;
    }

    /**
     * {@code getFile} and streamed downloads with progress.
     *
     * <pre>{@code
     * bot.files().download("BQACAgIAAxkBAAIC", Path.of("report.pdf"), DownloadProgress.NONE);
     * }</pre>
     *
     * @return the files group
     */
    public BotFiles files() {
        return files;
    }

    /**
     * Invoices, invoice links and the answers to shipping and pre-checkout queries.
     *
     * <pre>{@code
     * bot.payments().answerPreCheckoutQuery("4382bfdwdsb323b2d9", null);
     * }</pre>
     *
     * @return the payments group
     */
    public BotPayments payments() {
        return payments;
    }

    // ---------------------------------------------------------------- bot commands

    /**
     * {@code setMyCommands}: the command list users see for a scope and language.
     *
     * <pre>{@code
     * bot.setMyCommands(List.of(new BotCommand("start", "Start"), new BotCommand("help", "Help")), null, null);
     * }</pre>
     *
     * @param commands at most 100 commands
     * @param scope who sees them, or {@code null} for {@link CommandScope#defaultScope()}
     * @param languageCode a two-letter ISO 639-1 code, or {@code null} for users of every language
     *     without a dedicated list
     * @return {@code true}
     */
    public boolean setMyCommands(List<BotCommand> commands, CommandScope scope, String languageCode) {
        Map<String, Object> p = commandParams(scope, languageCode);
        p.put("commands", List.copyOf(commands));
        return call("setMyCommands", p).asBoolean();
    }

    /**
     * {@code getMyCommands}.
     *
     * <pre>{@code
     * List<BotCommand> adminCommands = bot.getMyCommands(CommandScope.allChatAdministrators(), null);
     * }</pre>
     *
     * @param scope the scope, or {@code null} for the default one
     * @param languageCode the language, or {@code null}
     * @return the commands (empty if none are set for exactly that scope and language)
     */
    public List<BotCommand> getMyCommands(CommandScope scope, String languageCode) {
        List<BotCommand> out = new ArrayList<>();
        call("getMyCommands", commandParams(scope, languageCode)).forEach(c ->
                out.add(new BotCommand(c.path("command").asText(), c.path("description").asText())));
        return List.copyOf(out);
    }

    /**
     * {@code deleteMyCommands}: users of that scope and language then see the next broader list.
     *
     * <pre>{@code
     * bot.deleteMyCommands(CommandScope.chat(chatId), null);
     * }</pre>
     *
     * @param scope the scope, or {@code null} for the default one
     * @param languageCode the language, or {@code null}
     * @return {@code true}
     */
    public boolean deleteMyCommands(CommandScope scope, String languageCode) {
        return call("deleteMyCommands", commandParams(scope, languageCode)).asBoolean();
    }

    private static Map<String, Object> commandParams(CommandScope scope, String languageCode) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (scope != null) {
            p.put("scope", scope);
        }
        if (languageCode != null) {
            p.put("language_code", languageCode);
        }
        return p;
    }

    // ---------------------------------------------------------------- webhook management

    /**
     * {@code setWebhook}: Telegram then POSTs updates to {@code url} with the secret token in the
     * {@code X-Telegram-Bot-Api-Secret-Token} header; {@code getUpdates} stops working meanwhile.
     *
     * <pre>{@code
     * Secret webhookSecret = Secret.of(System.getenv("TELEGRAM_WEBHOOK_SECRET"));
     * bot.setWebhook("https://bot.example.com/telegram", webhookSecret, Map.of("max_connections", 40));
     * }</pre>
     *
     * @param url the HTTPS URL
     * @param secretToken 1-256 characters {@code A-Z a-z 0-9 _ -}, or {@code null} for none
     * @param options other optional parameters ({@code allowed_updates}, {@code drop_pending_updates}, ...)
     * @return {@code true} on success
     */
    public boolean setWebhook(String url, Secret secretToken, Map<String, ?> options) {
        Map<String, Object> p = new LinkedHashMap<>(options);
        p.put("url", Objects.requireNonNull(url, "url"));
        if (secretToken != null) {
            p.put("secret_token", secretToken.reveal());
        }
        return call("setWebhook", p).asBoolean();
    }

    /**
     * {@code deleteWebhook}, so that {@code getUpdates} works again.
     *
     * <pre>{@code
     * bot.deleteWebhook(false);
     * }</pre>
     *
     * @param dropPendingUpdates whether Telegram drops the updates waiting for delivery
     * @return {@code true} on success
     */
    public boolean deleteWebhook(boolean dropPendingUpdates) {
        return call("deleteWebhook", Map.of("drop_pending_updates", dropPendingUpdates)).asBoolean();
    }

    /**
     * {@code getWebhookInfo}: the WebhookInfo object ({@code url}, {@code pending_update_count},
     * {@code last_error_message}, ...).
     *
     * <pre>{@code
     * int pending = bot.getWebhookInfo().path("pending_update_count").asInt();
     * }</pre>
     *
     * @return the WebhookInfo
     */
    public JsonNode getWebhookInfo() {
        return call("getWebhookInfo", Map.of());
    }

    // ---------------------------------------------------------------- long polling

    /**
     * Starts describing long polling with {@code getUpdates}; {@link LongPolling.Builder#start()}
     * starts it.
     *
     * <pre>{@code
     * LongPolling polling = bot.longPolling(update -> System.out.println(update.text().orElse("")))
     *         .timeout(Duration.ofSeconds(30))
     *         .start();
     * }</pre>
     *
     * @param listener receives the updates, one at a time, in order
     * @return a builder
     */
    public LongPolling.Builder longPolling(UpdateListener listener) {
        return new LongPolling.Builder(this::pollSource, pollers, listener);
    }

    /** A getUpdates caller whose read timeout exceeds the poll's, and whose open call close() can cancel. */
    private PollSource pollSource(Duration readTimeout) {
        Set<Call> open = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        OkHttpClient client = http.newBuilder()
                .readTimeout(readTimeout)
                .addInterceptor(chain -> {
                    open.add(chain.call());
                    if (closed.get()) {
                        chain.call().cancel(); // close() ran before this call reached OkHttp's thread
                    }
                    try {
                        return chain.proceed(chain.request());
                    } finally {
                        open.remove(chain.call());
                    }
                })
                .build();
        RestClient pollRest = restClient(client, RetryPolicy.none()); // the poller's own backoff decides
        return new PollSource() {
            @Override
            public CompletableFuture<JsonNode> getUpdates(Map<String, ?> params) {
                // parsed straight from the connection's bytes: a full batch is ~40 KB, not copied into a
                // String first and then parsed again as chars
                return pollRest.executeStreamingAsync(jsonRequest("getUpdates", params),
                        (head, body) -> Json.mapper().readTree(body)).thenApply(TelegramBot::result);
            }

            @Override
            public void close() {
                closed.set(true); // a call not yet in "open" cancels itself when it gets there
                pollRest.close();
                open.forEach(Call::cancel);
            }
        };
    }

    /**
     * Stops every long polling started from this client (each returns promptly, its open
     * {@code getUpdates} cancelled) and the client. Idempotent.
     */
    @Override
    public void close() {
        for (AutoCloseable p : pollers) {
            try {
                p.close();
            } catch (Exception e) {
                // a poller's close does not throw; nothing to add here
            }
        }
        rest.close(); // first: a send waiting for pacing room then fails instead of going out
        fileRest.close();
        for (Runnable waiting : timer.shutdownNow()) {
            waiting.run();
        }
    }

    /** @return the base URL; never the token */
    @Override
    public String toString() {
        return "TelegramBot[baseUrl=" + baseUrl + "]";
    }

    /** Builds a {@link TelegramBot}. */
    public static final class Builder {
        private final Secret token;
        private String baseUrl = DEFAULT_BASE_URL;
        private OkHttpClient http = HttpClients.shared();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(10);
        private Pacing pacing = Pacing.none();

        private Builder(Secret token) {
            this.token = Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("the bot token is empty");
            }
        }

        /**
         * @param baseUrl the Bot API server: a local Bot API server ({@code http://localhost:8081}),
         *     an emulator, or a test fake; default {@link TelegramBot#DEFAULT_BASE_URL}. The client
         *     appends {@code /bot<token>/<method>}.
         * @return this builder
         * @throws IllegalArgumentException if it is not an http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            String b = Objects.requireNonNull(baseUrl, "baseUrl");
            while (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            if (HttpUrl.parse(b) == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + b);
            }
            this.baseUrl = b;
            return this;
        }

        /**
         * @param client the OkHttp client to derive from (proxy, TLS); default the SDK's shared one
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param connect connect timeout; default 10 s
         * @param read read timeout of ordinary calls (long polling sets its own, longer than its
         *     poll timeout); default 30 s
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.readTimeout = Objects.requireNonNull(read, "read");
            return this;
        }

        /**
         * @param max the longest {@code retry_after} of a 429 the client waits out before repeating
         *     the request itself (at most twice); a longer one is thrown as
         *     {@link TelegramRateLimitedException}. Default 10 s; {@code Duration.ZERO} never waits
         * @return this builder
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * @param pacing how fast sends go; default {@link Pacing#none()}
         * @return this builder
         */
        public Builder pacing(Pacing pacing) {
            this.pacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        /** @return the client */
        public TelegramBot build() {
            return new TelegramBot(this);
        }
    }
}
