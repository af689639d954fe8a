package dev.relaykit.whatsapp.webhook;

import dev.relaykit.whatsapp.webhook.event.WebhookEvent;

/**
 * Receives webhook events, one at a time per sender, on the handler's executor (never on the HTTP
 * thread). If it throws, the event goes to the handler's failure callback together with the
 * exception; it is not retried, and the next events are still delivered.
 */
@FunctionalInterface
public interface WebhookListener {

    /**
     * @param event an event; a message or status Meta delivered twice reaches you once
     * @throws Exception anything; it is handed to the failure callback with the event
     */
    void onEvent(WebhookEvent event) throws Exception;
}
