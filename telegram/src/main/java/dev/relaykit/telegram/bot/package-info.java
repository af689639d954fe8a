/**
 * A Telegram Bot API client (core.telegram.org/bots/api; method and field names checked against
 * Bot API 10.4, November 2026): {@link dev.relaykit.telegram.bot.TelegramBot} with any method raw,
 * typed methods for the common surface in groups (messages, chats, files, payments), long polling
 * and a webhook receiver. Typed methods take their optional parameters by their documented names
 * ({@link dev.relaykit.telegram.bot.SendOptions}), so parameters added in later API versions need
 * no new release, and results keep their whole JSON object.
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
