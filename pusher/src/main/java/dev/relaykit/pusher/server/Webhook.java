package dev.relaykit.pusher.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One verified webhook delivery: when Pusher created it and its events, in order (one event, or
 * several with batch webhooks switched on in the dashboard).
 *
 * <pre>{@code
 * Webhook hook = pusher.webhook(request.header("X-Pusher-Key"), request.header("X-Pusher-Signature"), body);
 * for (WebhookEvent e : hook.events()) {
 *     System.out.println(hook.time() + " " + e);
 * }
 * }</pre>
 *
 * @param time the delivery's {@code time_ms}
 * @param events its events, in order
 */
public record Webhook(Instant time, List<WebhookEvent> events) {

    /**
     * @param time when Pusher created the webhook
     * @param events the events; copied
     */
    public Webhook {
        Objects.requireNonNull(time, "time");
        events = List.copyOf(events);
    }
}
