/**
 * A Telegram Bot API client (core.telegram.org/bots/api): {@link dev.relaykit.telegram.bot.TelegramBot}
 * with any method raw, typed methods for the common surface in groups (messages, chats, files, payments), long polling
 * and a webhook receiver. Typed methods take their optional parameters by their documented names
 * ({@link dev.relaykit.telegram.bot.SendOptions}), so parameters added in later API versions need
 * no new release, and results keep their whole JSON object.
 *
 * <p><b>API version</b>: the method, parameter and field names used here were checked in December 2026
 * against Bot API 10.0 as python-telegram-bot implements it, and against what client libraries' release
 * notes say Bot API 10.1 to 10.4 (November 2026) changed: nothing found there renames or removes a method
 * or parameter used here. Polls take
 * {@code correct_option_ids} (10.x) and InputPollOption objects (7.3); replies and link previews are
 * {@code reply_parameters} and {@code link_preview_options} (7.0, which dropped
 * {@code reply_to_message_id} and {@code disable_web_page_preview}).
 *
 * <pre>{@code
 * try (TelegramBot bot = TelegramBot.builder(Secret.of(System.getenv("TELEGRAM_BOT_TOKEN"))).build()) {
 *     bot.longPolling(u -> u.message().ifPresent(m ->
 *             bot.messages().sendMessage(m.chat().id(), "echo: " + m.text(), SendOptions.create().replyTo(m.messageId()))))
 *             .start()
 *             .stopped().join();
 * }
 * }</pre>
 */
package dev.relaykit.telegram.bot;
