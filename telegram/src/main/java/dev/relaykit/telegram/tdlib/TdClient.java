package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.ws.RequestTimeoutException;
import dev.relaykit.core.ws.SerialExecutor;
import dev.relaykit.core.ws.WsRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TDLib client (one Telegram account, user or bot) over TDLib's JSON interface.
 *
 * <p><b>Threads.</b> Every client of a {@link TdJson} shares its one receive loop (TDLib's rule);
 * objects for this client go to its own ordered dispatcher (a {@link SerialExecutor} on the SDK's
 * shared pool, or on the {@linkplain Builder#executor executor given}), where answers complete their
 * requests and updates reach the {@linkplain TdListener listeners}, in TDLib's order. Requests are
 * matched to answers by {@code "@extra"} on sdk-core's request table ({@link WsRpc}), with a timeout
 * on the SDK's shared timer.
 *
 * <p><b>Authorization</b> is a series of {@link AuthorizationState} events the user answers
 * ({@link #setPhoneNumber}, {@link #checkCode}, {@link #checkPassword}, ...); the client answers
 * {@code authorizationStateWaitTdlibParameters} itself from its settings.
 *
 * <p><b>Raw access.</b> {@link #send(ObjectNode)} sends any TDLib function and returns its answer as
 * JSON; {@link TdListener#onUpdate} sees every update.
 *
 * <pre>{@code
 * TdJson td = NativeTdJson.load();
 * try (TdClient client = TdClient.builder(td)
 *         .apiId(12345).apiHash("0123456789abcdef0123456789abcdef")   // from https://my.telegram.org
 *         .databaseDirectory(Path.of("tdlib-db"))
 *         .botToken(Secret.of(System.getenv("BOT_TOKEN")))
 *         .build()) {
 *     client.awaitAuthorization(AuthorizationState.Ready.class, Duration.ofSeconds(30));
 *     JsonNode me = client.send(TdClient.function("getMe"));
 * }                                                                // close(): TDLib's close, waits for Closed
 * }</pre>
 */
public final class TdClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TdClient.class);

    private final TdJson td;
    private final int clientId;
    private final Builder settings;
    private final Executor dispatcher;
    private final TimerScope timer;
    private final WsRpc<String, JsonNode> rpc;
    private final TdReceiver receiver;
    private final TdChats chats;
    private final TdMessages messages;
    private final TdFiles files;
    private final TdGroups groups;
    private final TdProxies proxies;
    private final List<TdListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final List<StateWaiter> waiters = new CopyOnWriteArrayList<>();
    private volatile AuthorizationState authorization;
    private volatile ConnectionState connection;
    /** The dispatcher's thread while it runs this client's work: a sync call there would wait for itself. */
    private volatile Thread dispatching;
    /** The {@code @extra} of the {@code close} this client sends: its answer is neither a request's nor an update. */
    private static final String CLOSE_EXTRA = "relaykit:close";

    private TdClient(Builder b) {
        this.td = b.td;
        this.settings = b;
        this.dispatcher = b.executor == null ? SerialExecutor.onSharedPool() : new SerialExecutor(b.executor);
        this.timer = SharedTimer.scope(null, null);
        this.rpc = WsRpc.<String, JsonNode>builder(n -> {
            JsonNode extra = n.get("@extra");
            return extra == null ? null : extra.asText();
        }, timer)
                .timeout(b.requestTimeout)
                .timeoutError(r -> new RequestTimeoutException("no answer from TDLib to " + r.what() + " within "
                        + r.timeout().toMillis() + " ms"))
                .onUnmatched(n -> LOG.debug("late answer from TDLib dropped: {}", n.path("@type").asText()))
                .build();
        this.listeners.addAll(b.listeners);
        TdCalls calls = new TdCalls() {
            @Override
            public CompletableFuture<JsonNode> call(ObjectNode function) {
                return sendAsync(function);
            }

            @Override
            public <T> T await(CompletableFuture<T> future) {
                return TdClient.this.await(future);
            }

            @Override
            public TdJson td() {
                return td;
            }
        };
        this.chats = new TdChats(calls);
        this.messages = new TdMessages(calls);
        this.files = new TdFiles(calls);
        this.groups = new TdGroups(calls);
        this.proxies = new TdProxies(calls);
        applyLogSettings(td, b);
        this.clientId = td.createClientId();
        this.receiver = TdReceiver.register(td, clientId, node -> dispatcher.execute(() -> handle(node)));
        // TDLib sends nothing to a new client until its first request
        sendAsync(function("getAuthorizationState"));
    }

    /**
     * Starts a client's settings.
     *
     * @param td the TDLib interface: {@link NativeTdJson#load()}, or a fake in tests
     * @return a builder
     */
    public static Builder builder(TdJson td) {
        return new Builder(td);
    }

    /**
     * A TDLib function object to fill in and {@link #send(ObjectNode)}.
     *
     * <pre>{@code
     * JsonNode chat = client.send(TdClient.function("getChat").put("chat_id", 123456789L));
     * }</pre>
     *
     * @param type the function's name in {@code td_api.tl} ({@code "getMe"})
     * @return {@code {"@type": type}}
     */
    public static ObjectNode function(String type) {
        return Json.mapper().createObjectNode().put("@type", type);
    }

    // ------------------------------------------------------------------ resource groups

    /** @return who am I, chats and their history, private and secret chats */
    public TdChats chats() {
        return chats;
    }

    /** @return send (with keyboards), edit, delete and forward messages; callback answers; sponsored messages */
    public TdMessages messages() {
        return messages;
    }

    /** @return basic groups, supergroups and channels: info, members, creating, joining by invite link */
    public TdGroups groups() {
        return groups;
    }

    /** @return downloads with progress */
    public TdFiles files() {
        return files;
    }

    /** @return SOCKS5, HTTP and MTProto proxies */
    public TdProxies proxies() {
        return proxies;
    }

    // ------------------------------------------------------------------ raw requests

    /**
     * Sends any TDLib function and waits for its answer. Not from a listener callback (it would wait for
     * itself: use {@link #sendAsync}).
     *
     * @param request the function ({@link #function(String)}); its {@code "@extra"} is set by the client
     * @return the answer, never an {@code error}
     * @throws TdException if TDLib answered with an error
     * @throws RequestTimeoutException if no answer came within the request timeout
     * @throws IllegalStateException if called on this client's dispatcher thread
     */
    public JsonNode send(ObjectNode request) {
        return await(sendAsync(request));
    }

    /**
     * Sends any TDLib function.
     *
     * @param request the function; its {@code "@extra"} is set by the client (the request is copied)
     * @return completes with the answer, or fails with a {@link TdException} (TDLib's error), a
     *     {@link RequestTimeoutException}, or a {@code ConnectionLostException} if the client closed first
     */
    public CompletableFuture<JsonNode> sendAsync(ObjectNode request) {
        return sendAsync(request, null);
    }

    /**
     * Sends any TDLib function with its own timeout (a long {@code downloadFile} with {@code synchronous}).
     *
     * @param request the function
     * @param timeout how long to wait, or {@code null} for the client's request timeout
     * @return as {@link #sendAsync(ObjectNode)}
     */
    public CompletableFuture<JsonNode> sendAsync(ObjectNode request, Duration timeout) {
        ObjectNode copy = request.deepCopy();
        String type = copy.path("@type").asText("?");
        String extra = Long.toString(rpc.nextId());
        copy.put("@extra", extra);
        CompletableFuture<JsonNode> answer;
        try {
            answer = rpc.expect(extra, type, timeout == null ? settings.requestTimeout : timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // chained before the send, so that a quick answer is checked on the dispatcher, in order
        CompletableFuture<JsonNode> checked = answer.thenApply(a -> {
            if ("error".equals(a.path("@type").asText())) {
                throw new TdException(a.path("code").asInt(), a.path("message").asText(), type);
            }
            return a;
        });
        td.send(clientId, Json.write(copy));
        return checked;
    }

    /**
     * Waits for a future of this client, as the sync methods do: TDLib's error as a {@link TdException},
     * other failures as the {@link RelayKitException} they are.
     */
    <T> T await(CompletableFuture<T> future) {
        if (Thread.currentThread() == dispatching) {
            throw new IllegalStateException("a sync TdClient call from the client's own listener callback would wait"
                    + " for itself (its answer is dispatched on this thread after the callback): use the Async form");
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                r.addSuppressed(new RelayKitException("waited here"));
                throw r;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ authorization

    /** @return the last authorization state TDLib reported, or {@code null} before the first */
    public AuthorizationState authorizationState() {
        return authorization;
    }

    /** @return the last connection state TDLib reported, or {@code null} before the first */
    public ConnectionState connectionState() {
        return connection;
    }

    /**
     * Waits until the authorization state is of the given class (at once if it is already).
     *
     * <pre>{@code
     * client.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
     * }</pre>
     *
     * @param state the class to wait for
     * @param timeout how long
     * @param <S> the state's type
     * @return the state
     * @throws RequestTimeoutException if it did not come in time
     */
    public <S extends AuthorizationState> S awaitAuthorization(Class<S> state, Duration timeout) {
        CompletableFuture<AuthorizationState> f = new CompletableFuture<>();
        StateWaiter w = new StateWaiter(state, f);
        waiters.add(w);
        AuthorizationState now = authorization;
        if (state.isInstance(now)) {
            f.complete(now);
        }
        try {
            return state.cast(f.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            throw new RequestTimeoutException("authorization state " + state.getSimpleName() + " not reached within "
                    + timeout.toMillis() + " ms; it is " + authorization);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayKitException("interrupted waiting for " + state.getSimpleName(), e);
        } catch (ExecutionException e) {
            throw new RelayKitException("waiting for " + state.getSimpleName() + " failed", e.getCause());
        } finally {
            waiters.remove(w);
        }
    }

    /**
     * Answers {@link AuthorizationState.WaitPhoneNumber}: {@code setAuthenticationPhoneNumber}.
     *
     * @param phoneNumber the number in international format ({@code "+15550001111"})
     * @return completes when TDLib accepted it (the next state follows as an event)
     */
    public CompletableFuture<Void> setPhoneNumber(String phoneNumber) {
        return ok(function("setAuthenticationPhoneNumber").put("phone_number", phoneNumber));
    }

    /**
     * Answers {@link AuthorizationState.WaitCode}: {@code checkAuthenticationCode}.
     *
     * @param code the code received
     * @return completes when accepted; fails with a {@link TdException} ({@code PHONE_CODE_INVALID})
     */
    public CompletableFuture<Void> checkCode(String code) {
        return ok(function("checkAuthenticationCode").put("code", code));
    }

    /**
     * Answers {@link AuthorizationState.WaitPassword}: {@code checkAuthenticationPassword}.
     *
     * @param password the two-step verification password
     * @return completes when accepted; fails with a {@link TdException} ({@code PASSWORD_HASH_INVALID})
     */
    public CompletableFuture<Void> checkPassword(Secret password) {
        return ok(function("checkAuthenticationPassword").put("password", password.reveal()));
    }

    /**
     * Answers {@link AuthorizationState.WaitRegistration}: {@code registerUser}.
     *
     * @param firstName the first name
     * @param lastName the last name, or {@code ""}
     * @return completes when accepted
     */
    public CompletableFuture<Void> registerUser(String firstName, String lastName) {
        return ok(function("registerUser").put("first_name", firstName).put("last_name", lastName));
    }

    /**
     * Answers {@link AuthorizationState.WaitEmailAddress}: {@code setAuthenticationEmailAddress}.
     *
     * @param emailAddress the address
     * @return completes when accepted
     */
    public CompletableFuture<Void> setEmailAddress(String emailAddress) {
        return ok(function("setAuthenticationEmailAddress").put("email_address", emailAddress));
    }

    /**
     * Answers {@link AuthorizationState.WaitEmailCode}: {@code checkAuthenticationEmailCode} with an
     * {@code emailAddressAuthenticationCode}.
     *
     * @param code the code sent to the address
     * @return completes when accepted
     */
    public CompletableFuture<Void> checkEmailCode(String code) {
        ObjectNode f = function("checkAuthenticationEmailCode");
        f.putObject("code").put("@type", "emailAddressAuthenticationCode").put("code", code);
        return ok(f);
    }

    /**
     * Asks for a QR login instead of a phone number ({@code requestQrCodeAuthentication}); the link then
     * comes as {@link AuthorizationState.WaitOtherDeviceConfirmation}.
     *
     * @return completes when accepted
     */
    public CompletableFuture<Void> requestQrCode() {
        ObjectNode f = function("requestQrCodeAuthentication");
        f.putArray("other_user_ids");
        return ok(f);
    }

    /**
     * Logs in as a bot ({@code checkAuthenticationBotToken}), answering
     * {@link AuthorizationState.WaitPhoneNumber}. A client built with {@link Builder#botToken} does this itself.
     *
     * @param token the bot's token from @BotFather
     * @return completes when accepted; fails with a {@link TdException} for a wrong token
     */
    public CompletableFuture<Void> checkBotToken(Secret token) {
        return ok(function("checkAuthenticationBotToken").put("token", token.reveal()));
    }

    /**
     * Logs out ({@code logOut}): the session ends on Telegram's side, the local database is wiped, and
     * the client goes {@code LoggingOut} → {@code Closed}. Finishing needs Telegram's servers: offline, a
     * logged-in client stays in {@code LoggingOut}; {@link #close()} then stops it (TDLib keeps the log
     * out in its database and resumes it at the next start).
     *
     * @return completes when TDLib accepted the request
     */
    public CompletableFuture<Void> logOut() {
        return ok(function("logOut"));
    }

    private CompletableFuture<Void> ok(ObjectNode request) {
        return sendAsync(request).thenApply(a -> null);
    }

    // ------------------------------------------------------------------ listeners, lifecycle

    /**
     * @param listener called with this client's events from now on
     */
    public void addListener(TdListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener no longer called
     */
    public void removeListener(TdListener listener) {
        listeners.remove(listener);
    }

    /** @return TDLib's identifier of this client (the {@code "@client_id"} of its objects) */
    public int clientId() {
        return clientId;
    }

    /** @return completes when TDLib reported {@code authorizationStateClosed} (after close or log out) */
    public CompletableFuture<Void> closedFuture() {
        return closed;
    }

    /**
     * Closes the TDLib instance: sends TDLib's {@code close} and waits (up to the
     * {@linkplain Builder#closeTimeout close timeout}) for {@code authorizationStateClosed}; TDLib
     * then has flushed its database. Requests still waiting fail. Called from a listener callback it
     * does not wait (the state it would wait for is dispatched on that thread). Idempotent. Valid in
     * every state, {@code LoggingOut} included.
     *
     * <p>Close every client before the process ends: TDLib aborts a process (SIGABRT) that exits with a
     * client open. A JVM shutdown hook closes native clients still open (waiting up to 10 s), but a
     * client that cannot reach Closed by then leaves that abort possible.
     *
     * @throws RequestTimeoutException if TDLib did not report Closed in time
     */
    @Override
    public void close() {
        if (!closed.isDone()) {
            // with an @extra of its own, so that TDLib's "ok" answer is not taken for an update
            td.send(clientId, "{\"@type\":\"close\",\"@extra\":\"" + CLOSE_EXTRA + "\"}");
        }
        if (Thread.currentThread() == dispatching) {
            return;
        }
        try {
            closed.get(settings.closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RequestTimeoutException("TDLib did not report authorizationStateClosed within "
                    + settings.closeTimeout.toMillis() + " ms of close; it is " + authorization);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new RelayKitException("close failed", e.getCause());
        }
    }

    @Override
    public String toString() {
        return "TdClient[" + clientId + ", " + (authorization == null ? "starting"
                : authorization.getClass().getSimpleName()) + "]";
    }

    // ------------------------------------------------------------------ on the dispatcher

    private void handle(JsonNode node) {
        dispatching = Thread.currentThread();
        try {
            if (node.has("@extra")) {
                if (!CLOSE_EXTRA.equals(node.get("@extra").asText())) {
                    rpc.answer(node);
                }
                return;
            }
            String type = node.path("@type").asText();
            if ("updateAuthorizationState".equals(type)) {
                onAuthorization(AuthorizationState.of(node.path("authorization_state")));
            } else if ("updateFile".equals(type)) {
                TdFile f = TdFile.of(node.path("file"));
                files.onUpdateFile(f);
                for (TdListener l : listeners) {
                    call(() -> l.onFile(this, f));
                }
            } else if ("updateNewCallbackQuery".equals(type)) {
                CallbackQuery q = CallbackQuery.of(node);
                for (TdListener l : listeners) {
                    call(() -> l.onCallbackQuery(this, q));
                }
            } else if ("updateNewMessage".equals(type)) {
                Message m = Message.of(node.path("message"));
                for (TdListener l : listeners) {
                    call(() -> l.onNewMessage(this, m));
                }
            } else if ("updateNewChat".equals(type)) {
                Chat c = Chat.of(node.path("chat"));
                for (TdListener l : listeners) {
                    call(() -> l.onNewChat(this, c));
                }
            } else if ("updateMessageSendSucceeded".equals(type)) {
                Message m = Message.of(node.path("message"));
                long old = node.path("old_message_id").asLong();
                for (TdListener l : listeners) {
                    call(() -> l.onMessageSendSucceeded(this, m, old));
                }
            } else if ("updateMessageSendFailed".equals(type)) {
                Message m = Message.of(node.path("message"));
                long old = node.path("old_message_id").asLong();
                JsonNode e = node.path("error");
                TdException error = new TdException(e.path("code").asInt(), e.path("message").asText(), "sendMessage");
                for (TdListener l : listeners) {
                    call(() -> l.onMessageSendFailed(this, m, old, error));
                }
            } else if ("updateConnectionState".equals(type)) {
                ConnectionState s = ConnectionState.fromTdType(node.path("state").path("@type").asText());
                if (s != null) {
                    connection = s;
                    for (TdListener l : listeners) {
                        call(() -> l.onConnectionState(this, s));
                    }
                }
            }
            for (TdListener l : listeners) {
                call(() -> l.onUpdate(this, node));
            }
        } finally {
            dispatching = null;
        }
    }

    private void onAuthorization(AuthorizationState s) {
        authorization = s;
        if (s instanceof AuthorizationState.WaitTdlibParameters) {
            sendAsync(parameters()).whenComplete((a, x) -> {
                if (x != null) {
                    LOG.error("TDLib refused the client's parameters (setTdlibParameters)", x);
                }
            });
        } else if (s instanceof AuthorizationState.WaitPhoneNumber && settings.botToken != null) {
            checkBotToken(settings.botToken).whenComplete((a, x) -> {
                if (x != null) {
                    LOG.error("TDLib refused the bot token (checkAuthenticationBotToken)", x);
                }
            });
        }
        for (TdListener l : listeners) {
            call(() -> l.onAuthorizationState(this, s));
        }
        for (StateWaiter w : waiters) {
            if (w.type.isInstance(s)) {
                w.future.complete(s);
            }
        }
        if (s instanceof AuthorizationState.Closed) {
            receiver.unregister(clientId);
            rpc.connectionLost("the TDLib client was closed", null);
            rpc.close();
            timer.shutdownNow();
            files.closed();
            closed.complete(null);
        }
    }

    private void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("a TdListener threw; the next one still runs", e);
        }
    }

    /** {@code setTdlibParameters} as documented in td_api.tl (TDLib 1.8.67). */
    private ObjectNode parameters() {
        Builder b = settings;
        ObjectNode p = function("setTdlibParameters")
                .put("use_test_dc", b.useTestDc)
                .put("database_directory", b.databaseDirectory == null ? "" : b.databaseDirectory.toString())
                .put("files_directory", b.filesDirectory == null ? "" : b.filesDirectory.toString())
                .put("database_encryption_key", b.databaseEncryptionKey == null ? ""
                        : Base64.getEncoder().encodeToString(b.databaseEncryptionKey.bytes()))
                .put("use_file_database", b.useFileDatabase)
                .put("use_chat_info_database", b.useChatInfoDatabase)
                .put("use_message_database", b.useMessageDatabase)
                .put("use_secret_chats", b.useSecretChats)
                .put("api_id", b.apiId)
                .put("api_hash", b.apiHash)
                .put("system_language_code", b.systemLanguageCode)
                .put("device_model", b.deviceModel)
                .put("system_version", b.systemVersion)
                .put("application_version", b.applicationVersion);
        return p;
    }

    private static void applyLogSettings(TdJson td, Builder b) {
        if (b.logVerbosity != null) {
            TdExecute.setLogVerbosityLevel(td, b.logVerbosity);
        }
        if (b.logFile != null) {
            TdExecute.setLogFile(td, b.logFile, b.logFileMaxBytes);
        }
    }

    private record StateWaiter(Class<? extends AuthorizationState> type, CompletableFuture<AuthorizationState> future) {
    }

    /**
     * A client's settings: TDLib's {@code setTdlibParameters}, log settings, and RelayKit's own.
     *
     * <pre>{@code
     * TdClient client = TdClient.builder(NativeTdJson.load())
     *     .apiId(12345).apiHash("0123456789abcdef0123456789abcdef")
     *     .databaseDirectory(Path.of("tdlib/db")).filesDirectory(Path.of("tdlib/files"))
     *     .databaseEncryptionKey(Secret.of(System.getenv("TD_DB_KEY")))
     *     .deviceModel("server").systemLanguageCode("en").applicationVersion("1.0")
     *     .logVerbosity(1)
     *     .listener(myListener)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final TdJson td;
        private int apiId;
        private String apiHash;
        private Path databaseDirectory;
        private Path filesDirectory;
        private Secret databaseEncryptionKey;
        private boolean useFileDatabase = true;
        private boolean useChatInfoDatabase = true;
        private boolean useMessageDatabase = true;
        private boolean useSecretChats;
        private String systemLanguageCode = "en";
        private String deviceModel = "RelayKit";
        private String systemVersion = System.getProperty("os.name", "") + " " + System.getProperty("os.version", "");
        private String applicationVersion = "RelayKit";
        private boolean useTestDc;
        private Integer logVerbosity;
        private Path logFile;
        private long logFileMaxBytes = 10L << 20;
        private Secret botToken;
        private Executor executor;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private final List<TdListener> listeners = new CopyOnWriteArrayList<>();

        private Builder(TdJson td) {
            this.td = Objects.requireNonNull(td, "td");
        }

        /**
         * @param apiId the application's id from https://my.telegram.org (required)
         * @return this
         */
        public Builder apiId(int apiId) {
            this.apiId = apiId;
            return this;
        }

        /**
         * @param apiHash the application's hash from https://my.telegram.org (required); kept out of
         *     {@code toString()} and logs
         * @return this
         */
        public Builder apiHash(String apiHash) {
            this.apiHash = Objects.requireNonNull(apiHash, "apiHash");
            return this;
        }

        /**
         * @param dir TDLib's persistent database (created if missing); default: the working directory
         * @return this
         */
        public Builder databaseDirectory(Path dir) {
            this.databaseDirectory = dir;
            return this;
        }

        /**
         * @param dir where downloaded files go; default: the database directory
         * @return this
         */
        public Builder filesDirectory(Path dir) {
            this.filesDirectory = dir;
            return this;
        }

        /**
         * @param key the database's encryption key (TDLib answers 401 to a wrong one); default none
         * @return this
         */
        public Builder databaseEncryptionKey(Secret key) {
            this.databaseEncryptionKey = key;
            return this;
        }

        /**
         * @param files keep what is known about files between restarts (default true)
         * @param chatInfo keep users, groups and channels between restarts (default true)
         * @param messages keep chats and messages between restarts (default true)
         * @return this
         */
        public Builder databases(boolean files, boolean chatInfo, boolean messages) {
            this.useFileDatabase = files;
            this.useChatInfoDatabase = chatInfo;
            this.useMessageDatabase = messages;
            return this;
        }

        /**
         * @param use enable secret chats (default false)
         * @return this
         */
        public Builder useSecretChats(boolean use) {
            this.useSecretChats = use;
            return this;
        }

        /**
         * @param code IETF language tag of the user's system ({@code "en"}, the default)
         * @return this
         */
        public Builder systemLanguageCode(String code) {
            this.systemLanguageCode = Objects.requireNonNull(code, "code");
            return this;
        }

        /**
         * @param model the device model Telegram shows in the session list (default {@code "RelayKit"})
         * @return this
         */
        public Builder deviceModel(String model) {
            this.deviceModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * @param version the operating system's version (default {@code os.name os.version})
         * @return this
         */
        public Builder systemVersion(String version) {
            this.systemVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param version the application's version, non-empty (default {@code "RelayKit"})
         * @return this
         */
        public Builder applicationVersion(String version) {
            this.applicationVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param test use Telegram's test data centres instead of production (default false)
         * @return this
         */
        public Builder useTestDc(boolean test) {
            this.useTestDc = test;
            return this;
        }

        /**
         * TDLib's log verbosity (0 fatal only, 1 errors, 2 warnings, 3 info, 4 debug, 5 verbose). TDLib's
         * log settings are global to the process: every client shares them.
         *
         * @param level 0 to 1023
         * @return this
         */
        public Builder logVerbosity(int level) {
            this.logVerbosity = level;
            return this;
        }

        /**
         * Writes TDLib's log to a file instead of stderr (process-wide, like {@link #logVerbosity}).
         *
         * @param file the log file
         * @param maxBytes the size after which TDLib rotates it
         * @return this
         */
        public Builder logFile(Path file, long maxBytes) {
            this.logFile = Objects.requireNonNull(file, "file");
            this.logFileMaxBytes = maxBytes;
            return this;
        }

        /**
         * Logs in as this bot: the client answers {@link AuthorizationState.WaitPhoneNumber} with it.
         *
         * @param token the token from @BotFather
         * @return this
         */
        public Builder botToken(Secret token) {
            this.botToken = token;
            return this;
        }

        /**
         * @param executor where the listeners and answers run (in order, one at a time, through a
         *     {@link SerialExecutor}); default the SDK's shared dispatch pool
         * @return this
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * @param timeout how long a request waits for TDLib's answer (default 60 s)
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout how long {@link TdClient#close()} waits for Closed (default 30 s)
         * @return this
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param listener gets the client's events from the first one on
         * @return this
         */
        public Builder listener(TdListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Creates the TDLib instance; it starts at once ({@code WaitTdlibParameters}, answered from these
         * settings, then the first question to the user).
         *
         * @return the client
         * @throws IllegalStateException if the api id or hash is missing
         */
        public TdClient build() {
            if (apiId <= 0 || apiHash == null || apiHash.isEmpty()) {
                throw new IllegalStateException("apiId and apiHash are required (get them at https://my.telegram.org)");
            }
            return new TdClient(this);
        }

        @Override
        public String toString() {
            return "TdClient.Builder[apiId=" + apiId + ", apiHash=***, database=" + databaseDirectory + "]";
        }
    }
}
