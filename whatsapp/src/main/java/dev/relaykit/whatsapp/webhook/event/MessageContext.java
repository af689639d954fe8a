package dev.relaykit.whatsapp.webhook.event;

/**
 * What a message refers to ({@code context}): the message it replies to, whether it was forwarded,
 * and the product it asks about.
 *
 * @param from the sender of the message replied to (for replies to your messages, your display
 *     phone number), or {@code null}
 * @param id the ID of the message replied to, or {@code null}
 * @param forwarded {@code true} if the user forwarded the message (forwarded 5 times or less)
 * @param frequentlyForwarded {@code true} if the message was forwarded more than 5 times
 * @param referredProduct the product of a "Message business" button, or {@code null}
 */
public record MessageContext(String from, String id, boolean forwarded, boolean frequentlyForwarded,
        ReferredProduct referredProduct) {

    /**
     * The catalog product a user asked about through a "Message business" button.
     *
     * @param catalogId the product catalog ID
     * @param productRetailerId the product ID
     */
    public record ReferredProduct(String catalogId, String productRetailerId) {
    }
}
