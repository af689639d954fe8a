package dev.relaykit.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A fake Telegram Bot API server on a free loopback port, for testing bots offline: your bot talks to it as to
 * {@code https://api.telegram.org}, your test plays the users ({@link #injectMessage(long, String)}) and reads
 * what the bot sent ({@link #sentMessages()}).
 *
 * <pre>{@code
 * try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start("123456:TEST-token");
 *      TelegramBot bot = TelegramBot.builder(Secret.of("123456:TEST-token")).baseUrl(telegram.baseUrl()).build()) {
 *     bot.longPolling(u -> bot.sendMessage(u.chatId().orElseThrow(), "echo: " + u.text().orElse(""))).start();
 *     telegram.injectMessage(42L, "hello");
 *     List<FakeTelegramBotApi.SentMessage> sent = telegram.awaitSentMessages(1, Duration.ofSeconds(5));
 *     assert sent.get(0).text().equals("echo: hello");
 * }
 * }</pre>
 *
 * <p>What it does, following core.telegram.org/bots/api (each answer shaped like the object that page
 * documents for it, in the {@code {"ok":true,"result":...}} envelope of its "Making requests" section):
 * <ul>
 *   <li>Requests go to {@code /bot<token>/<method>}, {@code GET} or {@code POST}, with parameters in the query
 *       string, as {@code application/json}, {@code application/x-www-form-urlencoded} or
 *       {@code multipart/form-data} (files are read and recorded by name and size); method names in any case
 *       ({@code getupdates}), as Telegram reads them, recorded by their documented names. Another token: 401
 *       {@code Unauthorized}; a method it does not know: 404 {@code Not Found}, as Telegram answers both.</li>
 *   <li>{@code getUpdates} (#getupdates): the queued updates from the earliest unconfirmed one; an update is
 *       confirmed, and forgotten, once {@code getUpdates} is called with an {@code offset} above its id; a
 *       negative offset keeps the last {@code -offset} updates; {@code limit} (1-100, default 100);
 *       {@code timeout} holds the call open until an update arrives; {@code allowed_updates} filters and is
 *       remembered. A second {@code getUpdates} ends a held one with 409 "terminated by other getUpdates request";
 *       while a webhook is set, {@code getUpdates} answers 409 too.</li>
 *   <li>{@code setWebhook} / {@code deleteWebhook} / {@code getWebhookInfo} (#setwebhook, #webhookinfo): with a
 *       webhook set, queued and new updates are POSTed to it in order, one at a time, by a
 *       {@link TelegramWebhookSender} with the {@code secret_token}, repeated while not answered 2XX; an update
 *       that is still refused after the retries is dropped and reported in {@code last_error_message}.</li>
 *   <li>{@code getMe} (#getme, a User with the bot's fields), {@code sendMessage} and the other {@code send*}
 *       methods, {@code copyMessage}, {@code forwardMessage} (a Message; recorded in {@link #sentMessages()}),
 *       {@code editMessageText}, {@code editMessageCaption}, {@code editMessageReplyMarkup} (a Message),
 *       {@code answerCallbackQuery}, {@code deleteMessage}, {@code sendChatAction}, {@code setMyCommands},
 *       {@code deleteMyCommands}, {@code answerInlineQuery} ({@code true}), {@code getChat} (a ChatFullInfo of
 *       a private chat). {@link #answer(String, Function)} adds or replaces any method.</li>
 *   <li>{@link #failNext(String, int, String)} and {@link #rateLimitNext(String, int)} make the next call of a
 *       method fail with Telegram's error body ({@code parameters.retry_after} for 429).</li>
 * </ul>
 *
 * <p>Every call is recorded ({@link #calls()}). It runs on the JDK's HTTP server with a thread per open
 * request (a held {@code getUpdates} parks one); {@link #close()} ends held polls and stops everything.
 */
public final class FakeTelegramBotApi implements AutoCloseable {
    /** The bot id used when the token does not start with a number. */
    public static final long DEFAULT_BOT_ID = 123_456_789L;

    /**
     * One message the bot sent.
     *
     * @param method the method ({@code "sendMessage"}, {@code "sendPhoto"}, ...)
     * @param chatId the {@code chat_id} as given (a number or {@code @channelusername}), as a string
     * @param text the {@code text}, or the {@code caption}, or {@code null}
     * @param messageId the {@code message_id} the fake answered
     * @param params every parameter as received (JSON-encoded form values decoded)
     */
    public record SentMessage(String method, String chatId, String text, long messageId, JsonNode params) {
    }

    /**
     * One call the bot made.
     *
     * @param method the method name
     * @param params its parameters
     */
    public record Call(String method, JsonNode params) {
    }

    private record Queued(long id, String kind, String json) {
    }

    private record Failure(int code, String description, Integer retryAfter) {
    }

    private static final String NOT_FOUND = "Not Found";
    private static final Set<String> SENDS = Set.of("sendMessage", "sendPhoto", "sendAudio", "sendDocument",
            "sendVideo", "sendAnimation", "sendVoice", "sendVideoNote", "sendSticker", "sendLocation", "sendVenue",
            "sendContact", "sendPoll", "sendDice", "sendInvoice", "copyMessage", "forwardMessage");
    private static final Set<String> TRUE_METHODS = Set.of("answerCallbackQuery", "deleteMessage", "sendChatAction",
            "setMyCommands", "deleteMyCommands", "answerInlineQuery", "answerPreCheckoutQuery");

    /** Telegram reads method names case-insensitively ({@code getupdates} works): lower case to the documented name. */
    private static final Map<String, String> CANONICAL = canonicalNames();

    private final String token;
    private final long botId;
    private final HttpServer server;
    private final ExecutorService threads;
    private final String prefix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeMap<Long, Queued> queue = new TreeMap<>();
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, Object>> custom = new ConcurrentHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicInteger pollGeneration = new AtomicInteger();
    private long nextUpdateId = 10_000;
    private List<String> allowedUpdates = List.of();
    private volatile boolean closed;
    // webhook state, under lock
    private String webhookUrl = "";
    private Secret webhookSecret;
    private Thread pusher;
    private long lastErrorDate;
    private String lastErrorMessage;

    private FakeTelegramBotApi(String token) throws IOException {
        if (token == null || token.isBlank() || token.contains("/")) {
            throw new IllegalArgumentException("the fake needs the bot token it accepts (no '/')");
        }
        this.token = token;
        String head = token.contains(":") ? token.substring(0, token.indexOf(':')) : "";
        this.botId = head.matches("[0-9]{1,15}") ? Long.parseLong(head) : DEFAULT_BOT_ID;
        this.prefix = "/bot" + token + "/";
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram-bot-api");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::exchange);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts the fake on 127.0.0.1 and a free port.
     *
     * <pre>{@code
     * try (FakeTelegramBotApi fake = FakeTelegramBotApi.start("123456:TEST-token")) {
     *     String base = fake.baseUrl(); // give it to your client as its Bot API base URL
     * }
     * }</pre>
     *
     * @param token the only bot token it accepts, for example {@code "123456:TEST-token"}; its number before
     *     the colon is the bot's user id, as in Telegram
     * @return the running fake
     * @throws IllegalArgumentException if the token is blank
     * @throws java.io.UncheckedIOException if no port can be bound
     */
    public static FakeTelegramBotApi start(String token) {
        try {
            return new FakeTelegramBotApi(token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the fake Bot API", e);
        }
    }

    /**
     * <pre>{@code
     * TelegramBot bot = TelegramBot.builder(Secret.of("123456:TEST-token")).baseUrl(telegram.baseUrl()).build();
     * }</pre>
     *
     * @return {@code http://127.0.0.1:PORT}, the base URL a Bot API client is given
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * <pre>{@code
     * assert bot.getMe().id() == telegram.botId();
     * }</pre>
     *
     * @return the bot's user id, as {@code getMe} answers it
     */
    public long botId() {
        return botId;
    }

    // ------------------------------------------------------------------ the test's side

    /**
     * A user writes to the bot in a private chat.
     *
     * <pre>{@code
     * long updateId = telegram.injectMessage(42L, "/start");
     * }</pre>
     *
     * @param chatId the chat (and user) id
     * @param text the text; {@code /command ...} gets a {@code bot_command} entity
     * @return the new update's {@code update_id}
     */
    public long injectMessage(long chatId, String text) {
        long messageId = nextMessageId.getAndIncrement();
        return inject("message", TelegramUpdates.messagePayload(messageId, chatId, text));
    }

    /**
     * A user presses an inline keyboard button under one of the bot's messages.
     *
     * <pre>{@code
     * telegram.injectCallbackQuery(42L, "yes");
     * }</pre>
     *
     * @param chatId the chat (and user) id
     * @param data the button's {@code callback_data}
     * @return the new update's {@code update_id}
     */
    public long injectCallbackQuery(long chatId, String data) {
        ObjectNode q = TelegramUpdates.callbackPayload(nextMessageId.getAndIncrement(), chatId, data);
        ((ObjectNode) q.get("message")).set("from", botUser(botId));
        return inject("callback_query", q);
    }

    /**
     * Queues an update of any kind ({@code "edited_message"}, {@code "inline_query"}, ...).
     *
     * <pre>{@code
     * telegram.injectUpdate("my_chat_member", Json.tree("{\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":0}"));
     * }</pre>
     *
     * @param kind the Update field
     * @param payload its value
     * @return the new update's {@code update_id}
     */
    public long injectUpdate(String kind, JsonNode payload) {
        return inject(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(payload, "payload"));
    }

    /**
     * Queues several updates of one kind at once, from their payloads' JSON as written (for example
     * captured from Telegram); a poll sees all of them together. The JSON is checked to be an object, not
     * otherwise read.
     *
     * <pre>{@code
     * long first = telegram.injectUpdates("message", List.of(
     *         "{\"message_id\":1,\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1700000000,\"text\":\"a\"}",
     *         "{\"message_id\":2,\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1700000001,\"text\":\"b\"}"));
     * }</pre>
     *
     * @param kind the Update field, for example {@code "message"}
     * @param payloadsJson each update's payload, a JSON object
     * @return the first new {@code update_id}; the others follow it
     * @throws IllegalArgumentException if a payload is not a JSON object
     */
    public long injectUpdates(String kind, List<String> payloadsJson) {
        Objects.requireNonNull(kind, "kind");
        for (String p : payloadsJson) {
            String t = Objects.requireNonNull(p, "payload").strip();
            if (!t.startsWith("{") || !t.endsWith("}")) {
                throw new IllegalArgumentException("not a JSON object: " + (t.length() > 40 ? t.substring(0, 40) + "..." : t));
            }
        }
        String prefix = ",\"" + kind.replace("\\", "\\\\").replace("\"", "\\\"") + "\":";
        lock.lock();
        try {
            long first = nextUpdateId;
            for (String p : payloadsJson) {
                long id = nextUpdateId++;
                queue.put(id, new Queued(id, kind, "{\"update_id\":" + id + prefix + p + "}"));
            }
            changed.signalAll();
            return first;
        } finally {
            lock.unlock();
        }
    }

    private long inject(String kind, JsonNode payload) {
        lock.lock();
        try {
            long id = nextUpdateId++;
            queue.put(id, new Queued(id, kind, TelegramUpdates.wrap(id, kind, payload)));
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /**
     * <pre>{@code
     * int waiting = telegram.pendingUpdateCount(); // 0 once the bot confirmed everything
     * }</pre>
     *
     * @return updates queued and not yet confirmed (by {@code getUpdates}) or delivered (by webhook)
     */
    public int pendingUpdateCount() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * <pre>{@code
     * for (FakeTelegramBotApi.SentMessage m : telegram.sentMessages()) {
     *     System.out.println(m.method() + " to " + m.chatId() + ": " + m.text());
     * }
     * }</pre>
     *
     * @return every message the bot sent so far, in order
     */
    public List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    /**
     * Waits until the bot has sent at least {@code count} messages.
     *
     * <pre>{@code
     * FakeTelegramBotApi.SentMessage reply = telegram.awaitSentMessages(1, Duration.ofSeconds(5)).get(0);
     * }</pre>
     *
     * @param count how many
     * @param timeout how long at most
     * @return the first {@code count} messages
     * @throws AssertionError if they did not arrive in time (saying what did)
     * @throws IllegalStateException if interrupted
     */
    public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (sent.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the bot sent " + sent.size() + " of " + count + " messages within "
                            + timeout.toMillis() + " ms: " + sent);
                }
                changed.awaitNanos(left);
            }
            return List.copyOf(sent.subList(0, count));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * <pre>{@code
     * int calls = telegram.calls().size();
     * }</pre>
     *
     * @return every call the bot made, in order
     */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * <pre>{@code
     * String answered = telegram.calls("answerCallbackQuery").get(0).params().path("text").asText();
     * }</pre>
     *
     * @param method a method name
     * @return the calls of that method, in order
     */
    public List<Call> calls(String method) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.method().equals(method)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Waits until the bot has called {@code method} at least {@code count} times (a held {@code getUpdates}
     * counts once it arrived).
     *
     * <pre>{@code
     * telegram.awaitCalls("getUpdates", 1, Duration.ofSeconds(5)); // the bot is polling now
     * }</pre>
     *
     * @param method the method
     * @param count how many calls
     * @param timeout how long at most
     * @return the first {@code count} calls of it
     * @throws AssertionError if they did not come in time
     * @throws IllegalStateException if interrupted
     */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Call> seen = calls(method);
                if (seen.size() >= count) {
                    return List.copyOf(seen.subList(0, count));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the bot called " + method + " " + seen.size() + " of " + count
                            + " times within " + timeout.toMillis() + " ms");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the next call of {@code method} fail with Telegram's error body
     * {@code {"ok":false,"error_code":code,"description":...}} and that HTTP status. Calls queue up.
     *
     * <pre>{@code
     * telegram.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
     * }</pre>
     *
     * @param method the method
     * @param errorCode the {@code error_code} (and HTTP status)
     * @param description the {@code description}
     * @return this
     */
    public FakeTelegramBotApi failNext(String method, int errorCode, String description) {
        failures.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>())
                .add(new Failure(errorCode, Objects.requireNonNull(description, "description"), null));
        return this;
    }

    /**
     * Makes the next call of {@code method} answer 429 "Too Many Requests: retry after N" with
     * {@code parameters.retry_after}, as Telegram's flood control does.
     *
     * <pre>{@code
     * telegram.rateLimitNext("sendMessage", 2); // the client waits 2 s and sends again
     * }</pre>
     *
     * @param method the method
     * @param retryAfterSeconds the {@code retry_after}
     * @return this
     */
    public FakeTelegramBotApi rateLimitNext(String method, int retryAfterSeconds) {
        failures.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>())
                .add(new Failure(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds));
        return this;
    }

    /**
     * Answers {@code method} with what {@code handler} returns (any value Jackson writes, placed in
     * {@code result}); for a method the fake does not know, or to change an answer.
     *
     * <pre>{@code
     * telegram.answer("getChatMemberCount", params -> 12);
     * }</pre>
     *
     * @param method the method
     * @param handler from the call's parameters to its {@code result}
     * @return this
     */
    public FakeTelegramBotApi answer(String method, Function<JsonNode, Object> handler) {
        custom.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    // ------------------------------------------------------------------ HTTP

    private void exchange(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            String verb = ex.getRequestMethod();
            if (!verb.equals("GET") && !verb.equals("POST")) {
                reply(ex, error(405, "Method Not Allowed", null), 405);
                return;
            }
            if (!path.startsWith("/bot")) {
                reply(ex, error(404, NOT_FOUND, null), 404);
                return;
            }
            if (!path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0) {
                ex.getRequestBody().readAllBytes();
                reply(ex, error(401, "Unauthorized", null), 401);
                return;
            }
            String method = canonical(path.substring(prefix.length()));
            ObjectNode params;
            try {
                params = Params.read(ex);
            } catch (RuntimeException bad) {
                reply(ex, error(400, "Bad Request: can't parse request parameters", null), 400);
                return;
            }
            Failure f = nextFailure(method);
            lock.lock();
            try {
                if (f == null && method.equals("getUpdates")) {
                    confirm(params); // before the call is seen: whoever saw it sees what it confirmed
                }
                calls.add(new Call(method, params));
                changed.signalAll(); // for awaitCalls
            } finally {
                lock.unlock();
            }
            if (f != null) {
                reply(ex, error(f.code(), f.description(), f.retryAfter()), f.code());
                return;
            }
            String answer = route(method, params);
            reply(ex, answer, answer.startsWith("{\"ok\":false") ? Json.tree(answer).path("error_code").asInt(400) : 200);
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            ex.close();
        }
    }

    static {
        // the JDK server writes headers and body apart: without TCP_NODELAY each answer waits for the client's
        // delayed ACK (~40 ms on Linux), which would make every poll look slow. Read once, when the JDK's first
        // HttpServer starts; a value set by the user wins
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static Map<String, String> canonicalNames() {
        Map<String, String> m = new java.util.HashMap<>();
        for (Set<String> names : List.of(SENDS, TRUE_METHODS, Set.of("getMe", "getUpdates", "setWebhook", "deleteWebhook",
                "getWebhookInfo", "editMessageText", "editMessageCaption", "editMessageReplyMarkup", "getChat"))) {
            names.forEach(n -> m.put(n.toLowerCase(java.util.Locale.ROOT), n));
        }
        return Map.copyOf(m);
    }

    private String canonical(String method) {
        String lower = method.toLowerCase(java.util.Locale.ROOT);
        for (String c : custom.keySet()) {
            if (c.toLowerCase(java.util.Locale.ROOT).equals(lower)) {
                return c;
            }
        }
        return CANONICAL.getOrDefault(lower, method);
    }

    private Failure nextFailure(String method) {
        ConcurrentLinkedQueue<Failure> q = failures.get(method);
        return q == null ? null : q.poll();
    }

    private String route(String method, ObjectNode p) {
        Function<JsonNode, Object> handler = custom.get(method);
        if (handler != null) {
            return ok(Json.mapper().valueToTree(handler.apply(p)));
        }
        if (SENDS.contains(method)) {
            return send(method, p);
        }
        if (TRUE_METHODS.contains(method)) {
            return okRaw("true");
        }
        switch (method) {
            case "getMe":
                return ok(botMe());
            case "getUpdates":
                return getUpdates(p);
            case "setWebhook":
                return setWebhook(p);
            case "deleteWebhook":
                return deleteWebhook(p);
            case "getWebhookInfo":
                return ok(webhookInfo());
            case "editMessageText":
            case "editMessageCaption":
            case "editMessageReplyMarkup":
                return edit(p);
            case "getChat":
                return getChat(p);
            default:
                return error(404, NOT_FOUND, null);
        }
    }

    // ------------------------------------------------------------------ methods

    static ObjectNode botUser(long id) {
        ObjectNode u = Json.mapper().createObjectNode();
        u.put("id", id);
        u.put("is_bot", true);
        u.put("first_name", "RelayKit Test Bot");
        u.put("username", "relaykit_test_bot");
        return u;
    }

    private ObjectNode botMe() {
        ObjectNode u = botUser(botId);
        u.put("can_join_groups", true);
        u.put("can_read_all_group_messages", false);
        u.put("supports_inline_queries", false);
        u.put("can_connect_to_business", false);
        u.put("has_main_web_app", false);
        return u;
    }

    private String send(String method, ObjectNode p) {
        JsonNode chat = p.get("chat_id");
        if (chat == null || chat.asText().isEmpty()) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        if (method.equals("sendMessage") && p.path("text").asText().isEmpty()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        long messageId = nextMessageId.getAndIncrement();
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("message_id", messageId);
        m.set("from", botUser(botId));
        ObjectNode c = m.putObject("chat");
        if (chat.isNumber() || chat.asText().matches("-?[0-9]+")) {
            long id = chat.asLong();
            c.put("id", id);
            c.put("type", id > 0 ? "private" : "supergroup");
        } else {
            c.put("id", -1_001_000_000_000L - Math.abs(chat.asText().hashCode()));
            c.put("type", "channel");
            c.put("username", chat.asText().replaceFirst("^@", ""));
        }
        m.put("date", Instant.now().getEpochSecond());
        String text = null;
        for (String f : new String[] {"text", "caption"}) {
            if (p.hasNonNull(f)) {
                text = p.get(f).asText();
                m.put(f, text);
            }
        }
        for (String f : new String[] {"entities", "caption_entities", "reply_markup"}) {
            if (p.hasNonNull(f) && p.get(f).isContainerNode()) {
                if (!f.equals("reply_markup") || p.get(f).has("inline_keyboard")) {
                    m.set(f, p.get(f)); // a Message carries only an inline keyboard
                }
            }
        }
        String field = method.startsWith("send") ? Character.toLowerCase(method.charAt(4)) + method.substring(5) : null;
        if (field != null && p.has(field)) {
            m.set(field, fileObject(field, p.get(field), messageId));
        }
        lock.lock();
        try {
            sent.add(new SentMessage(method, chat.asText(), text, messageId, p));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return ok(m);
    }

    /** The sent file as the Message describes it: a PhotoSize array for photos, one object otherwise. */
    private static JsonNode fileObject(String field, JsonNode given, long messageId) {
        ObjectNode file = Json.mapper().createObjectNode();
        file.put("file_id", given.isTextual() && !given.asText().startsWith("http") && !given.asText().startsWith("attach://")
                ? given.asText() : "AgACAgIAAxkBAAI" + messageId);
        file.put("file_unique_id", "AQAD" + messageId);
        if (given.isObject() && given.has("size")) {
            file.put("file_size", given.get("size").asLong());
            if (given.has("filename") && !field.equals("photo")) {
                file.put("file_name", given.get("filename").asText());
            }
        }
        if (field.equals("photo")) {
            file.put("width", 90);
            file.put("height", 90);
            ArrayNode sizes = Json.mapper().createArrayNode();
            sizes.add(file);
            return sizes;
        }
        return given.isObject() && !given.has("size") ? given : file; // location, contact, poll, dice: as given
    }

    private String edit(ObjectNode p) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("message_id", p.path("message_id").asLong());
        m.set("from", botUser(botId));
        long chat = p.path("chat_id").asLong();
        m.set("chat", TelegramUpdates.privateChat(chat));
        m.put("date", Instant.now().getEpochSecond());
        m.put("edit_date", Instant.now().getEpochSecond());
        for (String f : new String[] {"text", "caption", "reply_markup"}) {
            if (p.hasNonNull(f)) {
                m.set(f, p.get(f));
            }
        }
        return ok(m);
    }

    private String getChat(ObjectNode p) {
        long id = p.path("chat_id").asLong();
        ObjectNode c = TelegramUpdates.privateChat(id);
        c.put("accent_color_id", 0);
        c.put("max_reaction_count", 11);
        return ok(c);
    }

    /** getUpdates' offset: updates below a positive one are confirmed (forgotten); a negative one keeps the last few. */
    private void confirm(ObjectNode p) {
        if (!webhookUrl.isEmpty()) {
            return; // answered 409: nothing confirmed
        }
        long offset = p.path("offset").asLong(0);
        if (offset > 0) {
            queue.headMap(offset).clear();
        } else if (offset < 0) {
            while (queue.size() > -offset) {
                queue.pollFirstEntry();
            }
        }
    }

    private String getUpdates(ObjectNode p) {
        int generation = pollGeneration.incrementAndGet();
        int limit = p.has("limit") ? p.get("limit").asInt() : 100;
        if (limit < 1 || limit > 100) {
            limit = Math.max(1, Math.min(100, limit)); // Telegram clamps silently
        }
        long timeoutSeconds = Math.max(0, p.path("timeout").asLong(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            changed.signalAll(); // ends an older held poll with 409
            if (!webhookUrl.isEmpty()) {
                return error(409, "Conflict: can't use getUpdates method while webhook is active; "
                        + "use deleteWebhook to delete the webhook first", null);
            }
            if (p.has("allowed_updates")) {
                List<String> kinds = new ArrayList<>();
                p.get("allowed_updates").forEach(k -> kinds.add(k.asText()));
                allowedUpdates = List.copyOf(kinds);
            }
            while (true) {
                if (closed) {
                    return okRaw("[]");
                }
                if (pollGeneration.get() != generation) {
                    return error(409, "Conflict: terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running", null);
                }
                StringBuilder out = new StringBuilder("[");
                int n = 0;
                for (Iterator<Queued> it = queue.values().iterator(); it.hasNext() && n < limit; ) {
                    Queued q = it.next();
                    if (!allowedUpdates.isEmpty() && !allowedUpdates.contains(q.kind())) {
                        it.remove(); // not wanted: Telegram does not keep it
                        continue;
                    }
                    out.append(n++ == 0 ? "" : ",").append(q.json());
                }
                long left = deadline - System.nanoTime();
                if (n > 0 || left <= 0) {
                    return okRaw(out.append(']').toString());
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return okRaw("[]");
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ webhook

    private String setWebhook(ObjectNode p) {
        String url = p.path("url").asText("");
        if (!url.isEmpty() && !url.matches("https?://.+")) {
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook", null);
        }
        String secret = p.path("secret_token").asText("");
        if (!secret.matches("[A-Za-z0-9_-]{0,256}")) {
            return error(400, "Bad Request: secret token contains unallowed characters", null);
        }
        lock.lock();
        try {
            if (p.path("drop_pending_updates").asBoolean(false)) {
                queue.clear();
            }
            webhookUrl = url;
            webhookSecret = secret.isEmpty() ? null : Secret.of(secret);
            pollGeneration.incrementAndGet(); // a held getUpdates ends with 409
            changed.signalAll();
            if (!url.isEmpty() && pusher == null) {
                pusher = new Thread(this::push, "fake-telegram-webhook-pusher");
                pusher.setDaemon(true);
                pusher.start();
            }
        } finally {
            lock.unlock();
        }
        return okRaw("true", url.isEmpty() ? "Webhook was deleted" : "Webhook was set");
    }

    private String deleteWebhook(ObjectNode p) {
        lock.lock();
        try {
            if (p.path("drop_pending_updates").asBoolean(false)) {
                queue.clear();
            }
            boolean had = !webhookUrl.isEmpty();
            webhookUrl = "";
            webhookSecret = null;
            changed.signalAll();
            return okRaw("true", had ? "Webhook was deleted" : "Webhook is already deleted");
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode webhookInfo() {
        lock.lock();
        try {
            ObjectNode i = Json.mapper().createObjectNode();
            i.put("url", webhookUrl);
            i.put("has_custom_certificate", false);
            i.put("pending_update_count", queue.size());
            if (!webhookUrl.isEmpty()) {
                i.put("max_connections", 40);
                i.put("ip_address", "127.0.0.1");
            }
            if (lastErrorMessage != null) {
                i.put("last_error_date", lastErrorDate);
                i.put("last_error_message", lastErrorMessage);
            }
            if (!allowedUpdates.isEmpty()) {
                ArrayNode a = i.putArray("allowed_updates");
                allowedUpdates.forEach(a::add);
            }
            return i;
        } finally {
            lock.unlock();
        }
    }

    /** The webhook's one delivery loop: the oldest queued update, until delivered or given up; in order. */
    private void push() {
        TelegramWebhookSender sender = null;
        String senderFor = null;
        try {
            while (true) {
                Queued next;
                String url;
                Secret secret;
                lock.lock();
                try {
                    while (!closed && (webhookUrl.isEmpty() || queue.isEmpty())) {
                        changed.await();
                    }
                    if (closed) {
                        return;
                    }
                    next = queue.firstEntry().getValue();
                    url = webhookUrl;
                    secret = webhookSecret;
                } finally {
                    lock.unlock();
                }
                String key = url + "\n" + (secret == null ? "" : secret.reveal());
                if (!key.equals(senderFor)) {
                    if (sender != null) {
                        sender.close();
                    }
                    sender = new TelegramWebhookSender(url, secret);
                    senderFor = key;
                }
                TelegramWebhookSender.Delivery d = sender.deliver(next.json());
                lock.lock();
                try {
                    if (!d.delivered()) {
                        lastErrorDate = Instant.now().getEpochSecond();
                        lastErrorMessage = d.lastStatus() != 0 ? "Wrong response from the webhook: " + d.lastStatus()
                                : "Connection refused";
                    }
                    queue.remove(next.id()); // delivered, or given up on as Telegram does
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException | IllegalStateException stopped) {
            // close() interrupted the loop
        } finally {
            if (sender != null) {
                sender.close();
            }
        }
    }

    // ------------------------------------------------------------------ envelopes

    private static String ok(JsonNode result) {
        return okRaw(Json.write(result));
    }

    private static String okRaw(String resultJson) {
        return "{\"ok\":true,\"result\":" + resultJson + "}";
    }

    private static String okRaw(String resultJson, String description) {
        return "{\"ok\":true,\"result\":" + resultJson + ",\"description\":" + Json.write(description) + "}";
    }

    private static String error(int code, String description, Integer retryAfter) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("ok", false);
        e.put("error_code", code);
        e.put("description", description);
        if (retryAfter != null) {
            e.putObject("parameters").put("retry_after", retryAfter);
        }
        return Json.write(e);
    }

    private static void reply(HttpExchange ex, String json, int status) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 429) {
            JsonNode after = Json.tree(json).path("parameters").path("retry_after");
            if (after.isNumber()) {
                ex.getResponseHeaders().set("Retry-After", after.asText());
            }
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Ends held polls, stops the webhook loop and the server; idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
            if (pusher != null) {
                pusher.interrupt();
            }
        } finally {
            lock.unlock();
        }
        server.stop(0);
        threads.shutdownNow();
    }

    /** @return the base URL; never the token */
    @Override
    public String toString() {
        return "FakeTelegramBotApi[" + baseUrl() + "]";
    }

    /** Request parameters from the query string and a JSON, form or multipart body, as one JSON object. */
    private static final class Params {
        static ObjectNode read(HttpExchange ex) throws IOException {
            ObjectNode p = Json.mapper().createObjectNode();
            String query = ex.getRequestURI().getRawQuery();
            if (query != null) {
                form(query, p);
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(java.util.Locale.ROOT);
            if (body.length == 0) {
                return p;
            }
            if (type.startsWith("application/json")) {
                JsonNode j = Json.mapper().readTree(body);
                if (!j.isObject()) {
                    throw new RelayKitException("not a JSON object");
                }
                p.setAll((ObjectNode) j);
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                form(new String(body, StandardCharsets.UTF_8), p);
            } else if (type.startsWith("multipart/form-data")) {
                String boundary = type.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
                // the boundary's case matters: read it from the header as sent
                String raw = ex.getRequestHeaders().getFirst("Content-Type");
                int at = raw.toLowerCase(java.util.Locale.ROOT).indexOf(boundary);
                multipart(body, raw.substring(at, at + boundary.length()), p);
            }
            return p;
        }

        private static void form(String encoded, ObjectNode p) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                p.set(k, value(v));
            }
        }

        /** A form value as the Bot API reads it: JSON-serialized objects and arrays, numbers, booleans, text. */
        private static JsonNode value(String v) {
            String t = v.strip();
            if (t.startsWith("{") || t.startsWith("[") || t.matches("-?[0-9]{1,18}") || t.equals("true") || t.equals("false")) {
                try {
                    return Json.tree(t);
                } catch (RelayKitException notJson) {
                    // plain text after all
                }
            }
            return Json.mapper().getNodeFactory().textNode(v);
        }

        private static void multipart(byte[] body, String boundary, ObjectNode p) {
            // ISO-8859-1 maps bytes to chars one to one, so offsets stay byte offsets
            String all = new String(body, StandardCharsets.ISO_8859_1);
            String delimiter = "--" + boundary;
            int pos = all.indexOf(delimiter);
            while (pos >= 0) {
                int headersStart = pos + delimiter.length();
                if (all.startsWith("--", headersStart)) {
                    return; // the closing delimiter
                }
                headersStart = all.indexOf("\r\n", headersStart) + 2;
                int headersEnd = all.indexOf("\r\n\r\n", headersStart);
                int next = all.indexOf("\r\n" + delimiter, headersEnd);
                if (headersEnd < 0 || next < 0) {
                    throw new RelayKitException("malformed multipart body");
                }
                String headers = all.substring(headersStart, headersEnd);
                String name = headers.replaceFirst("(?is).*content-disposition:[^\r\n]*?\\bname=\"([^\"]*)\".*", "$1");
                String filename = headers.matches("(?is).*\\bfilename=\"[^\"]*\".*")
                        ? headers.replaceFirst("(?is).*\\bfilename=\"([^\"]*)\".*", "$1") : null;
                int dataStart = headersEnd + 4;
                if (filename != null) {
                    ObjectNode f = p.putObject(name);
                    f.put("filename", filename);
                    f.put("size", next - dataStart);
                } else {
                    byte[] bytes = all.substring(dataStart, next).getBytes(StandardCharsets.ISO_8859_1);
                    p.set(name, value(new String(bytes, StandardCharsets.UTF_8)));
                }
                pos = next + 2;
            }
        }
    }
}
