package dev.relaykit.kafka.webhook;

import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import java.util.List;

/**
 * One service's rules, both sides: how the intake verifies a request and splits it into records
 * ({@link #accept}), and how the dispatcher hands a record back to the service module's own listener
 * ({@link Dispatch}). The implementations are the only classes that touch a service module, so a user without
 * (say) the telegram module on the class path never loads Telegram's types.
 */
interface Service {

    /** @return the value of the source header: {@code whatsapp}, {@code telegram} or {@code pusher} */
    String source();

    /**
     * Verifies a request with the service module's own verifier and, if it is a genuine delivery, splits it.
     *
     * @return the answer to send without writing anything (a refusal, or a verification challenge), or the records
     */
    Outcome accept(WebhookRequest request, int maxBodyBytes);

    /** Either an answer to send at once, or the records to write before answering 200. */
    record Outcome(WebhookResponse answer, List<Delivery> deliveries) {
        static Outcome answer(WebhookResponse answer) {
            return new Outcome(answer, List.of());
        }

        static Outcome write(List<Delivery> deliveries) {
            return new Outcome(null, List.copyOf(deliveries));
        }
    }

    /** Hands one record's delivery to the usual listener of the service module. */
    interface Dispatch {
        /**
         * @param id the record's id header: only the part of the delivery with this id is dispatched
         * @param body the raw delivery, verified by the intake
         * @throws Exception what the listener threw
         */
        void dispatch(String id, byte[] body) throws Exception;
    }
}
