package dev.relaykit.kafka.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.telegram.bot.TelegramWebhookHandler;
import dev.relaykit.telegram.bot.Update;
import dev.relaykit.telegram.bot.UpdateListener;
import dev.relaykit.telegram.bot.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram Bot API: the telegram module's {@link WebhookVerifier} (X-Telegram-Bot-Api-Secret-Token). One update per
 * delivery; its id is {@code update_id} ("the update's unique identifier", core.telegram.org/bots/api#update), its
 * Kafka key the chat, so one chat's updates keep their order.
 */
final class TelegramService implements Service {
    static final String SOURCE = "telegram";
    private static final Logger LOG = LoggerFactory.getLogger(TelegramService.class);

    private final WebhookVerifier verifier;

    TelegramService(Secret secretToken) {
        this.verifier = new WebhookVerifier(secretToken);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Outcome accept(WebhookRequest request, int maxBodyBytes) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return Outcome.answer(WebhookResponse.text(405, "POST only"));
        }
        if (!verifier.matches(request.header(TelegramWebhookHandler.SECRET_HEADER))) {
            LOG.warn("Telegram delivery refused: wrong or missing {}", TelegramWebhookHandler.SECRET_HEADER);
            return Outcome.answer(WebhookResponse.text(401, "wrong or missing " + TelegramWebhookHandler.SECRET_HEADER));
        }
        byte[] body;
        try {
            body = WebhookBody.read(request, maxBodyBytes);
        } catch (WebhookBody.Refused refused) {
            return Outcome.answer(refused.response());
        }
        Update update;
        try {
            update = parse(body);
        } catch (RelayKitException | IllegalArgumentException e) {
            return Outcome.answer(WebhookResponse.text(400, "not a Bot API Update"));
        }
        String id = Long.toString(update.updateId());
        String key = update.chatId().map(String::valueOf).orElse(id);
        return Outcome.write(List.of(new Delivery(key, id, body)));
    }

    private static Update parse(byte[] body) {
        JsonNode json = Json.tree(new String(body, StandardCharsets.UTF_8));
        return Update.of(json);
    }

    static Dispatch dispatch(UpdateListener listener) {
        return (id, body) -> listener.onUpdate(parse(body));
    }
}
