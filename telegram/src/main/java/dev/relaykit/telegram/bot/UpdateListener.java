package dev.relaykit.telegram.bot;

/**
 * Receives updates, one at a time and in {@code update_id} order, from long polling or a webhook.
 *
 * <pre>{@code
 * UpdateListener echo = update -> update.text().ifPresent(text ->
 *         bot.sendMessage(update.chatId().orElseThrow(), text));
 * }</pre>
 */
@FunctionalInterface
public interface UpdateListener {
    /**
     * Called once per update. When it returns (or throws: the exception is logged), long polling
     * counts the update as handled and never delivers it again.
     *
     * @param update the update
     * @throws Exception anything; logged, and the next update follows
     */
    void onUpdate(Update update) throws Exception;
}
