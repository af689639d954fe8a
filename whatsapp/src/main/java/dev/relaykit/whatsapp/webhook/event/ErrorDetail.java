package dev.relaykit.whatsapp.webhook.event;

/**
 * An error Meta reports in a webhook: on a failed status, or on an unsupported message.
 *
 * @param code Meta's error code, for example {@code 131049}; {@code 0} if absent
 * @param title the error title
 * @param message the error message (Meta documents it as equal to the title)
 * @param details {@code error_data.details}, or {@code null}
 * @param href the link to Meta's error code documentation, or {@code null}
 */
public record ErrorDetail(int code, String title, String message, String details, String href) {
}
