package dev.relaykit.testkit.telegram;

import dev.relaykit.core.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plays Telegram's part in testing your Bot API webhook (core.telegram.org/bots/api#setwebhook): posts
 * Update objects to your URL as a {@code POST} with {@code Content-Type: application/json} and the
 * {@code X-Telegram-Bot-Api-Secret-Token} header carrying the {@code secret_token} you gave
 * {@code setWebhook}, and, like Telegram, repeats a delivery that was not answered with a 2XX status.
 *
 * <pre>{@code
 * Secret secret = Secret.of("my_webhook-secret");
 * try (TelegramWebhookSender telegram = new TelegramWebhookSender("http://127.0.0.1:8080/telegram", secret)) {
 *     TelegramWebhookSender.Delivery d = telegram.deliver(TelegramUpdates.message(1, 42L, "hi")); // retried until 2XX
 *     int refused = telegram.sendWithSecretHeader(TelegramUpdates.message(2, 42L, "forged"), "wrong"); // expect 401
 * }
 * }</pre>
 *
 * <p>Retries: Telegram documents only that it repeats an unsuccessful request ("a request with response HTTP
 * status code different from 2XY") and gives up "after a reasonable amount of attempts"; here that is
 * {@code maxAttempts} (default 5) with a wait doubling from {@code firstWait} (default 50 ms, kept short for
 * tests) up to 2 s. A connection failure counts as unsuccessful too. Thread-safe.
 */
public final class TelegramWebhookSender implements AutoCloseable {
    /** The header Telegram sends the {@code secret_token} in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final HttpUrl url;
    private final Secret secretToken;
    private final OkHttpClient http;
    private final boolean ownClient;
    private final int maxAttempts;
    private final Duration firstWait;

    /** The outcome of {@link #deliver(String)}.
     *
     * @param delivered whether an attempt was answered with a 2XX status
     * @param attempts how many requests were made
     * @param lastStatus the last HTTP status answered, or 0 if the last attempt got no answer
     * @param lastError the last connection failure's message, or {@code null}
     */
    public record Delivery(boolean delivered, int attempts, int lastStatus, String lastError) {
    }

    /**
     * <pre>{@code
     * TelegramWebhookSender telegram = new TelegramWebhookSender("http://127.0.0.1:8080/telegram", Secret.of("s3cret"));
     * }</pre>
     *
     * @param webhookUrl your webhook URL, for example {@code http://127.0.0.1:8080/telegram}
     * @param secretToken the {@code secret_token} your handler checks, or {@code null} to send no header
     * @throws IllegalArgumentException if the URL is not an http(s) URL
     */
    public TelegramWebhookSender(String webhookUrl, Secret secretToken) {
        this(webhookUrl, secretToken, new OkHttpClient(), true, 5, Duration.ofMillis(50));
    }

    /**
     * With your own OkHttp client (for example one trusting your receiver's self-signed certificate) and
     * retry settings.
     *
     * <pre>{@code
     * TelegramWebhookSender once = new TelegramWebhookSender("http://127.0.0.1:8080/telegram", Secret.of("s3cret"),
     *         new OkHttpClient(), 1, Duration.ofMillis(10));
     * }</pre>
     *
     * @param webhookUrl your webhook URL
     * @param secretToken the {@code secret_token}, or {@code null} for no header
     * @param http the client to send with; not closed by {@link #close()}
     * @param maxAttempts attempts per {@link #deliver(String)}, at least 1
     * @param firstWait the wait before the second attempt, doubling up to 2 s
     */
    public TelegramWebhookSender(String webhookUrl, Secret secretToken, OkHttpClient http, int maxAttempts,
            Duration firstWait) {
        this(webhookUrl, secretToken, http, false, maxAttempts, firstWait);
    }

    private TelegramWebhookSender(String webhookUrl, Secret secretToken, OkHttpClient http, boolean ownClient,
            int maxAttempts, Duration firstWait) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(webhookUrl, "webhookUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http or https URL: " + webhookUrl);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.url = parsed;
        this.secretToken = secretToken;
        this.http = Objects.requireNonNull(http, "http");
        this.ownClient = ownClient;
        this.maxAttempts = maxAttempts;
        this.firstWait = Objects.requireNonNull(firstWait, "firstWait");
    }

    /**
     * Delivers an update as Telegram does: repeated, with a growing wait, until it is answered with a 2XX
     * status or {@code maxAttempts} were made.
     *
     * <pre>{@code
     * TelegramWebhookSender.Delivery d = sender.deliver(TelegramUpdates.message(1, 42L, "hi"));
     * assert d.delivered() && d.attempts() == 1;
     * }</pre>
     *
     * @param updateJson the Update object, sent as it is
     * @return what happened
     * @throws IllegalStateException if the thread is interrupted while waiting to repeat
     */
    public Delivery deliver(String updateJson) {
        Duration wait = firstWait;
        int status = 0;
        String error = null;
        for (int attempt = 1; ; attempt++) {
            try {
                status = post(updateJson, secretToken == null ? null : secretToken.reveal());
                error = null;
                if (status >= 200 && status < 300) {
                    return new Delivery(true, attempt, status, null);
                }
            } catch (UncheckedIOException e) {
                status = 0;
                error = e.getMessage();
            }
            if (attempt >= maxAttempts) {
                return new Delivery(false, attempt, status, error);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while repeating a webhook delivery", e);
            }
            wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
        }
    }

    /**
     * Posts an update once, with the secret token.
     *
     * <pre>{@code
     * int status = sender.send(TelegramUpdates.callbackQuery(2, 42L, "yes")); // 200 from a healthy handler
     * }</pre>
     *
     * @param updateJson the Update object
     * @return the HTTP status your receiver answered
     * @throws UncheckedIOException if the request fails (connection refused, ...)
     */
    public int send(String updateJson) {
        return post(updateJson, secretToken == null ? null : secretToken.reveal());
    }

    /**
     * Posts an update once with exactly this {@code X-Telegram-Bot-Api-Secret-Token} value: a wrong one, or
     * {@code null} for none, which your handler must refuse.
     *
     * <pre>{@code
     * int refused = sender.sendWithSecretHeader(TelegramUpdates.message(3, 42L, "forged"), "wrong"); // 401
     * }</pre>
     *
     * @param updateJson the Update object
     * @param headerValue the header value, or {@code null} to leave the header out
     * @return the HTTP status your receiver answered
     * @throws UncheckedIOException if the request fails
     */
    public int sendWithSecretHeader(String updateJson, String headerValue) {
        return post(updateJson, headerValue);
    }

    private int post(String json, String secret) {
        Request.Builder rb = new Request.Builder().url(url)
                .post(RequestBody.create(Objects.requireNonNull(json, "updateJson").getBytes(StandardCharsets.UTF_8), JSON));
        if (secret != null) {
            rb.header(SECRET_HEADER, secret);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            return r.code();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot POST the update to " + url + ": " + e.getMessage(), e);
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

    /** @return the URL; never the secret */
    @Override
    public String toString() {
        return "TelegramWebhookSender[" + url + "]";
    }
}
