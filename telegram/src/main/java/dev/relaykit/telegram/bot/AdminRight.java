package dev.relaykit.telegram.bot;

import java.util.Locale;

/**
 * An administrator right of {@code promoteChatMember} (core.telegram.org/bots/api#promotechatmember,
 * Bot API 10.x); {@link BotChats#promoteChatMember} grants exactly the rights it is given and sends
 * every other one as {@code false}, so an empty set demotes.
 *
 * <pre>{@code
 * bot.chats().promoteChatMember(chatId, 987654321L, EnumSet.of(AdminRight.DELETE_MESSAGES, AdminRight.PIN_MESSAGES));
 * }</pre>
 */
public enum AdminRight {
    /** {@code is_anonymous}: the administrator's presence in the chat is hidden. */
    IS_ANONYMOUS,
    /** {@code can_manage_chat}: event log, boost list, members; implied by every other right. */
    MANAGE_CHAT,
    /** {@code can_delete_messages}. */
    DELETE_MESSAGES,
    /** {@code can_manage_video_chats}. */
    MANAGE_VIDEO_CHATS,
    /** {@code can_restrict_members}. */
    RESTRICT_MEMBERS,
    /** {@code can_promote_members}. */
    PROMOTE_MEMBERS,
    /** {@code can_change_info}. */
    CHANGE_INFO,
    /** {@code can_invite_users}. */
    INVITE_USERS,
    /** {@code can_post_stories}. */
    POST_STORIES,
    /** {@code can_edit_stories}. */
    EDIT_STORIES,
    /** {@code can_delete_stories}. */
    DELETE_STORIES,
    /** {@code can_post_messages}: channels only. */
    POST_MESSAGES,
    /** {@code can_edit_messages}: channels only. */
    EDIT_MESSAGES,
    /** {@code can_pin_messages}: groups and supergroups. */
    PIN_MESSAGES,
    /** {@code can_manage_topics}: forum supergroups. */
    MANAGE_TOPICS,
    /** {@code can_manage_direct_messages}: a channel's direct messages. */
    MANAGE_DIRECT_MESSAGES,
    /** {@code can_manage_tags}: members' tags. */
    MANAGE_TAGS;

    /** @return the parameter's name ({@code "can_delete_messages"}, {@code "is_anonymous"}) */
    public String param() {
        return this == IS_ANONYMOUS ? "is_anonymous" : "can_" + name().toLowerCase(Locale.ROOT);
    }
}
