package dev.relaykit.whatsapp.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One thing a WhatsApp webhook delivery told you: an incoming message, a status change of a message
 * you sent, or something this version of RelayKit does not model (kept with its raw JSON).
 *
 * <p>One delivery (one HTTP POST from Meta) can carry several events; the receiver hands them to
 * your listener one by one.
 *
 * <pre class="java-members">{@code
 * void onEvent(WebhookEvent event) {   // a WebhookListener
 *     if (event instanceof MessageEvent m && m.content() instanceof MessageContent.Text t) {
 *         client.sendAsync(Message.text(m.from(), "You said: " + t.body()));
 *     } else if (event instanceof StatusEvent s && s.status() == MessageStatus.FAILED) {
 *         System.err.println("message " + s.id() + " failed: " + s.errors());
 *     } else if (event instanceof UnknownEvent u) {
 *         System.out.println("not modelled yet: " + u.raw());
 *     }
 * }
 * }</pre>
 */
public sealed interface WebhookEvent permits MessageEvent, StatusEvent, UnknownEvent {

    /**
     * @return the WhatsApp Business Account ID ({@code entry[].id}), or {@code null} if the payload
     *     did not carry one
     */
    String businessAccountId();

    /**
     * @return the business phone number the event concerns, or {@code null} if the payload did not
     *     carry {@code metadata}
     */
    Metadata metadata();

    /**
     * The JSON this event was decoded from: the message object, the status object, or (for an
     * {@link UnknownEvent}) the whole change or payload. Treat it as read-only.
     *
     * @return the raw JSON
     */
    JsonNode raw();
}
