package dev.relaykit.telegram.bot;

import dev.relaykit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Checks that a webhook request comes from Telegram: its {@value TelegramWebhookHandler#SECRET_HEADER} header must
 * be the {@code secret_token} given to {@code setWebhook} (core.telegram.org/bots/api#setwebhook), compared in
 * constant time. {@link TelegramWebhookHandler} checks with it; so does a receiver that hands verified updates on
 * elsewhere (the {@code kafka} module's webhook intake).
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(Secret.of(System.getenv("TELEGRAM_WEBHOOK_SECRET")));
 * boolean fromTelegram = verifier.matches(request.header(TelegramWebhookHandler.SECRET_HEADER));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookVerifier {
    private final Secret secret;

    /** @param secretToken the {@code secret_token} given to {@code setWebhook}; not empty */
    public WebhookVerifier(Secret secretToken) {
        this.secret = Objects.requireNonNull(secretToken, "secretToken");
        if (secretToken.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret token is empty");
        }
    }

    /**
     * @param headerValue the {@value TelegramWebhookHandler#SECRET_HEADER} header, or {@code null} if absent
     * @return whether it is the secret token
     */
    public boolean matches(String headerValue) {
        return headerValue != null
                && MessageDigest.isEqual(secret.bytes(), headerValue.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a fixed text; never the secret */
    @Override
    public String toString() {
        return "WebhookVerifier[secret token set]";
    }
}
