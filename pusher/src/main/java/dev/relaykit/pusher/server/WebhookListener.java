package dev.relaykit.pusher.server;

/**
 * Receives verified webhook deliveries from a {@link PusherWebhookHandler}.
 *
 * <pre>{@code
 * WebhookListener listener = hook -> {
 *     for (WebhookEvent e : hook.events()) {
 *         if (e instanceof WebhookEvent.ChannelOccupied o) {
 *             System.out.println(o.channel() + " has subscribers at " + hook.time());
 *         }
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface WebhookListener {

    /**
     * Called once per verified delivery, on the HTTP thread, before the answer is sent: a listener
     * that throws makes the answer a 500, and Pusher delivers the webhook again (it retries non-2xx
     * answers with backoff for 5 minutes). Pusher waits about 3 seconds for the answer: hand slow
     * work to your own executor.
     *
     * @param webhook the delivery
     * @throws Exception to have Pusher deliver it again later
     */
    void onWebhook(Webhook webhook) throws Exception;
}
