package dev.relaykit.kafka.webhook;

import dev.relaykit.core.DecodeException;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.whatsapp.webhook.WebhookEventKeys;
import dev.relaykit.whatsapp.webhook.WebhookEvents;
import dev.relaykit.whatsapp.webhook.WebhookHandler;
import dev.relaykit.whatsapp.webhook.WebhookListener;
import dev.relaykit.whatsapp.webhook.WebhookVerifier;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp Cloud API: the whatsapp module's {@link WebhookVerifier} (X-Hub-Signature-256, the subscription
 * challenge) and {@link WebhookEventKeys} (message id; status id and status; order per sender). A delivery may
 * carry several messages and statuses: it becomes one record per id, each holding the whole raw body, and the
 * dispatcher hands each record only the events with its id.
 */
final class WhatsAppService implements Service {
    static final String SOURCE = "whatsapp";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppService.class);

    private final WebhookVerifier verifier;

    WhatsAppService(Secret appSecret, Secret verifyToken) {
        this.verifier = new WebhookVerifier(appSecret, verifyToken);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Outcome accept(WebhookRequest request, int maxBodyBytes) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        if (method.equals("GET")) {
            return Outcome.answer(verifier.answerSubscription(request::queryParameter,
                    why -> LOG.warn("WhatsApp verification request refused: {}", why)));
        }
        if (!method.equals("POST")) {
            return Outcome.answer(WebhookResponse.text(405, "method not allowed; use GET (verification) or POST (events)"));
        }
        byte[] body;
        try {
            body = WebhookBody.read(request, maxBodyBytes);
        } catch (WebhookBody.Refused refused) {
            return Outcome.answer(refused.response());
        }
        String problem = verifier.signatureProblem(request.header(WebhookHandler.SIGNATURE_HEADER), body);
        if (problem != null) {
            LOG.warn("WhatsApp delivery refused: {}", problem);
            return Outcome.answer(WebhookResponse.text(401, "invalid signature"));
        }
        List<WebhookEvent> events;
        try {
            events = WebhookEvents.parse(body);
        } catch (DecodeException e) {
            LOG.warn("correctly signed WhatsApp delivery of {} bytes is not a webhook payload: {}", body.length,
                    e.getMessage());
            return Outcome.answer(WebhookResponse.text(400, "malformed JSON"));
        }
        String badId = WebhookEventKeys.idProblem(events);
        if (badId != null) {
            LOG.warn("correctly signed WhatsApp delivery refused: {}", badId);
            return Outcome.answer(WebhookResponse.text(400,
                    "malformed payload: every message and status needs a string id"));
        }
        Map<String, String> keyById = new LinkedHashMap<>();
        for (WebhookEvent event : events) {
            String id = id(event, body);
            String order = WebhookEventKeys.orderKey(event);
            keyById.putIfAbsent(id, order == null || order.isEmpty() ? id : order);
        }
        List<Delivery> out = new ArrayList<>(keyById.size());
        keyById.forEach((id, key) -> out.add(new Delivery(key, id, body)));
        return Outcome.write(out);
    }

    /**
     * The module's de-duplication key; an event without one (an unknown payload) is identified by the digest of the
     * whole body, so a byte-identical retry is still recognised.
     */
    static String id(WebhookEvent event, byte[] body) {
        String key = WebhookEventKeys.deduplicationKey(event);
        return key != null ? key : "body\u0000" + DigestUtils.sha256Hex(body);
    }

    static Dispatch dispatch(WebhookListener listener) {
        return (id, body) -> {
            Exception first = null;
            for (WebhookEvent event : WebhookEvents.parse(body)) {
                if (id.equals(id(event, body))) {
                    try {
                        listener.onEvent(event);
                    } catch (Exception e) {
                        // the next event of this record still goes out; the first failure is reported
                        if (first == null) {
                            first = e;
                        } else {
                            first.addSuppressed(e);
                        }
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        };
    }
}
