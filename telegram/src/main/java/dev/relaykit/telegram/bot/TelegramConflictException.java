package dev.relaykit.telegram.bot;

/**
 * HTTP 409 Conflict from {@code getUpdates}: another process polls with the same token, or a
 * webhook is set (Telegram then refuses {@code getUpdates}). Long polling stops on it and reports it
 * once: polling on would only fight the other poller for updates.
 *
 * <pre>{@code
 * bot.longPolling(update -> System.out.println(update)).start()
 *         .stopped().whenComplete((ok, error) -> {
 *             if (error instanceof TelegramConflictException) {
 *                 System.err.println("another poller or a webhook owns this bot: " + error.getMessage());
 *             }
 *         });
 * }</pre>
 */
public final class TelegramConflictException extends TelegramApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param description Telegram's description ("Conflict: terminated by other getUpdates request;
     *     make sure that only one bot instance is running")
     */
    public TelegramConflictException(String description) {
        super(409, 409, description, null, null);
    }

    /** @return the reason, with what to do about it */
    @Override
    public String getMessage() {
        return super.getMessage() + " (another getUpdates poller uses this token, or a webhook is set:"
                + " stop the other poller or call deleteWebhook)";
    }
}
