package dev.relaykit.whatsapp.webhook.event;

/**
 * How a message is billed ({@code statuses[].pricing}). Values are kept as Meta sends them, since
 * Meta adds categories and types over time.
 *
 * @param billable whether the message is billable, or {@code null} if absent (Meta plans to remove it)
 * @param pricingModel {@code PMP} (per-message pricing) or {@code CBP} (before July 2025)
 * @param category the rate applied, for example {@code marketing}, {@code utility}, {@code service},
 *     {@code authentication}, {@code marketing_lite}, {@code group_service}
 * @param type {@code regular}, {@code free_customer_service}, {@code free_entry_point}, ...
 */
public record Pricing(Boolean billable, String pricingModel, String category, String type) {
}
