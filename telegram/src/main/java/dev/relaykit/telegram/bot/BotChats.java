package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chats and their members: reading them, banning, restricting and promoting, invite links and
 * pinned messages (core.telegram.org/bots/api#available-methods). Get it from
 * {@link TelegramBot#chats()}. Most of these need the bot to be an administrator with the matching
 * right; Telegram answers 400 or 403 otherwise, thrown as {@link TelegramApiException}.
 *
 * <pre>{@code
 * BotChats chats = bot.chats();
 * BotChat group = chats.getChat(-1001234567890L);
 * int members = chats.getChatMemberCount(group.id());
 * for (ChatMember admin : chats.getChatAdministrators(group.id())) {
 *     System.out.println(admin.user().id() + " " + admin.status());
 * }
 * }</pre>
 */
public final class BotChats {
    private final BotCalls calls;

    BotChats(BotCalls calls) {
        this.calls = calls;
    }

    /**
     * {@code getChat}: the ChatFullInfo of a chat.
     *
     * <pre>{@code
     * BotChat chat = bot.chats().getChat("@telegram");
     * }</pre>
     *
     * @param chatId a chat id or {@code "@username"}
     * @return the chat
     */
    public BotChat getChat(Object chatId) {
        return BotChat.of(calls.call("getChat", BotCalls.params(Map.of(), "chat_id", chatId)));
    }

    /**
     * {@code getChatAdministrators}: the administrators that are not bots.
     *
     * <pre>{@code
     * List<ChatMember> admins = bot.chats().getChatAdministrators(chatId);
     * }</pre>
     *
     * @param chatId the chat
     * @return the administrators
     */
    public List<ChatMember> getChatAdministrators(Object chatId) {
        List<ChatMember> out = new ArrayList<>();
        calls.call("getChatAdministrators", BotCalls.params(Map.of(), "chat_id", chatId))
                .forEach(m -> out.add(ChatMember.of(m)));
        return List.copyOf(out);
    }

    /**
     * {@code getChatMember}.
     *
     * <pre>{@code
     * boolean inGroup = bot.chats().getChatMember(chatId, 987654321L).isMember();
     * }</pre>
     *
     * @param chatId the chat
     * @param userId the user
     * @return the member, of whatever status ({@code left} if not in the chat)
     */
    public ChatMember getChatMember(Object chatId, long userId) {
        return ChatMember.of(calls.call("getChatMember", BotCalls.params(Map.of(), "chat_id", chatId,
                "user_id", userId)));
    }

    /**
     * {@code getChatMemberCount}.
     *
     * <pre>{@code
     * int n = bot.chats().getChatMemberCount(chatId);
     * }</pre>
     *
     * @param chatId the chat
     * @return the number of members
     */
    public int getChatMemberCount(Object chatId) {
        return calls.call("getChatMemberCount", BotCalls.params(Map.of(), "chat_id", chatId)).asInt();
    }

    /**
     * {@code banChatMember}: removes the user, who cannot come back by invite link until unbanned.
     *
     * <pre>{@code
     * bot.chats().banChatMember(chatId, 987654321L, null, true); // forever, and delete their messages
     * }</pre>
     *
     * @param chatId the chat
     * @param userId the user
     * @param until when the ban ends, or {@code null} for forever (Telegram takes less than 30 seconds
     *     or more than 366 days from now as forever too)
     * @param revokeMessages whether all their messages in the group are deleted
     * @return {@code true}
     */
    public boolean banChatMember(Object chatId, long userId, Instant until, boolean revokeMessages) {
        Map<String, Object> p = BotCalls.params(Map.of(), "chat_id", chatId, "user_id", userId);
        if (until != null) {
            p.put("until_date", until.getEpochSecond());
        }
        if (revokeMessages) {
            p.put("revoke_messages", true);
        }
        return calls.call("banChatMember", p).asBoolean();
    }

    /**
     * {@code unbanChatMember} with {@code only_if_banned}, so that a user who is in the chat is not
     * removed by it.
     *
     * <pre>{@code
     * bot.chats().unbanChatMember(chatId, 987654321L);
     * }</pre>
     *
     * @param chatId the chat
     * @param userId the user
     * @return {@code true}
     */
    public boolean unbanChatMember(Object chatId, long userId) {
        return calls.call("unbanChatMember", BotCalls.params(Map.of(), "chat_id", chatId, "user_id", userId,
                "only_if_banned", true)).asBoolean();
    }

    /**
     * {@code restrictChatMember} (supergroups), with {@code use_independent_chat_permissions} so
     * that each permission means exactly what it says.
     *
     * <pre>{@code
     * bot.chats().restrictChatMember(chatId, 987654321L, ChatPermissions.none(), Instant.now().plusSeconds(3600));
     * }</pre>
     *
     * @param chatId the chat
     * @param userId the user
     * @param permissions what the user may do
     * @param until when the restriction ends, or {@code null} for forever
     * @return {@code true}
     */
    public boolean restrictChatMember(Object chatId, long userId, ChatPermissions permissions, Instant until) {
        Map<String, Object> p = BotCalls.params(Map.of(), "chat_id", chatId, "user_id", userId,
                "permissions", permissions, "use_independent_chat_permissions", true);
        if (until != null) {
            p.put("until_date", until.getEpochSecond());
        }
        return calls.call("restrictChatMember", p).asBoolean();
    }

    /**
     * {@code promoteChatMember}: the user gets exactly {@code rights}; every other right is sent as
     * {@code false}, so an empty set demotes.
     *
     * <pre>{@code
     * bot.chats().promoteChatMember(chatId, 987654321L, EnumSet.of(AdminRight.MANAGE_CHAT, AdminRight.PIN_MESSAGES));
     * bot.chats().promoteChatMember(chatId, 987654321L, Set.of()); // demote
     * }</pre>
     *
     * @param chatId the chat
     * @param userId the user
     * @param rights the rights to grant
     * @return {@code true}
     */
    public boolean promoteChatMember(Object chatId, long userId, Set<AdminRight> rights) {
        Map<String, Object> p = BotCalls.params(Map.of(), "chat_id", chatId, "user_id", userId);
        for (AdminRight r : AdminRight.values()) {
            p.put(r.param(), rights.contains(r));
        }
        return calls.call("promoteChatMember", p).asBoolean();
    }

    /**
     * {@code createChatInviteLink}: an additional link, which can be revoked.
     *
     * <pre>{@code
     * ChatInviteLink link = bot.chats().createChatInviteLink(chatId, Map.of("name", "promo", "creates_join_request", true));
     * }</pre>
     *
     * @param chatId the chat
     * @param options optional parameters ({@code name}, {@code expire_date} in Unix seconds,
     *     {@code member_limit}, {@code creates_join_request})
     * @return the link
     */
    public ChatInviteLink createChatInviteLink(Object chatId, Map<String, ?> options) {
        return ChatInviteLink.of(calls.call("createChatInviteLink", BotCalls.params(options, "chat_id", chatId)));
    }

    /**
     * {@code exportChatInviteLink}: a new primary link; the previous one stops working.
     *
     * <pre>{@code
     * String link = bot.chats().exportChatInviteLink(chatId);
     * }</pre>
     *
     * @param chatId the chat
     * @return the new link
     */
    public String exportChatInviteLink(Object chatId) {
        return calls.call("exportChatInviteLink", BotCalls.params(Map.of(), "chat_id", chatId)).asText();
    }

    /**
     * {@code revokeChatInviteLink}; revoking the primary link makes a new one.
     *
     * <pre>{@code
     * ChatInviteLink revoked = bot.chats().revokeChatInviteLink(chatId, "https://t.me/+AbCdEf0123456789");
     * }</pre>
     *
     * @param chatId the chat
     * @param inviteLink the link
     * @return the revoked link
     */
    public ChatInviteLink revokeChatInviteLink(Object chatId, String inviteLink) {
        return ChatInviteLink.of(calls.call("revokeChatInviteLink", BotCalls.params(Map.of(), "chat_id", chatId,
                "invite_link", inviteLink)));
    }

    /**
     * {@code pinChatMessage}.
     *
     * <pre>{@code
     * bot.chats().pinChatMessage(chatId, 42, true);
     * }</pre>
     *
     * @param chatId the chat
     * @param messageId the message
     * @param disableNotification whether members are not notified
     * @return {@code true}
     */
    public boolean pinChatMessage(Object chatId, long messageId, boolean disableNotification) {
        Map<String, Object> p = BotCalls.params(Map.of(), "chat_id", chatId, "message_id", messageId);
        if (disableNotification) {
            p.put("disable_notification", true);
        }
        return calls.call("pinChatMessage", p).asBoolean();
    }

    /**
     * {@code unpinChatMessage}.
     *
     * <pre>{@code
     * bot.chats().unpinChatMessage(chatId, 42L);
     * }</pre>
     *
     * @param chatId the chat
     * @param messageId the message, or {@code null} for the most recently pinned one
     * @return {@code true}
     */
    public boolean unpinChatMessage(Object chatId, Long messageId) {
        Map<String, Object> p = BotCalls.params(Map.of(), "chat_id", chatId);
        if (messageId != null) {
            p.put("message_id", messageId);
        }
        return calls.call("unpinChatMessage", p).asBoolean();
    }

    /**
     * {@code unpinAllChatMessages}.
     *
     * <pre>{@code
     * bot.chats().unpinAllChatMessages(chatId);
     * }</pre>
     *
     * @param chatId the chat
     * @return {@code true}
     */
    public boolean unpinAllChatMessages(Object chatId) {
        JsonNode r = calls.call("unpinAllChatMessages", BotCalls.params(Map.of(), "chat_id", chatId));
        return r.asBoolean();
    }
}
