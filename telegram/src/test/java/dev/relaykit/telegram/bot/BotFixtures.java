package dev.relaykit.telegram.bot;

/**
 * Result objects shaped as the Bot API reference documents them (core.telegram.org/bots/api, Bot API
 * 10.x: the page gives each object as a table of fields, not as a JSON example, so these hold the
 * documented fields with realistic values), each with a field no release of this SDK knows, to show
 * that unknown fields are kept and never break decoding.
 */
final class BotFixtures {
    private BotFixtures() {
    }

    /** A User (core.telegram.org/bots/api#user). */
    static final String USER = "{\"id\":987654321,\"is_bot\":false,\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
            + "\"username\":\"ada\",\"language_code\":\"en\",\"is_premium\":true}";

    /** A private Chat (core.telegram.org/bots/api#chat). */
    static final String PRIVATE_CHAT = "{\"id\":987654321,\"type\":\"private\",\"first_name\":\"Ada\","
            + "\"last_name\":\"Lovelace\",\"username\":\"ada\"}";

    /** A text Message (core.telegram.org/bots/api#message) with an entity and a field from the future. */
    static final String TEXT_MESSAGE = "{\"message_id\":4242,\"message_thread_id\":7,\"from\":" + USER
            + ",\"chat\":" + PRIVATE_CHAT + ",\"date\":1764979200,\"text\":\"/start hello\","
            + "\"entities\":[{\"offset\":0,\"length\":6,\"type\":\"bot_command\"}],"
            + "\"field_from_bot_api_99\":{\"x\":1}}";

    /** A photo Message with a caption (core.telegram.org/bots/api#message, #photosize). */
    static final String PHOTO_MESSAGE = "{\"message_id\":4243,\"from\":{\"id\":123456,\"is_bot\":true,"
            + "\"first_name\":\"Relay\",\"username\":\"relay_bot\"},\"chat\":" + PRIVATE_CHAT + ",\"date\":1764979201,"
            + "\"photo\":[{\"file_id\":\"AgACAgIAAxkBAAIB\",\"file_unique_id\":\"AQADAgAT\",\"file_size\":1514,"
            + "\"width\":90,\"height\":60}],\"caption\":\"today\",\"media_group_id\":\"13579\"}";

    /** A supergroup ChatFullInfo, as getChat answers (core.telegram.org/bots/api#chatfullinfo). */
    static final String CHAT_FULL_INFO = "{\"id\":-1001234567890,\"type\":\"supergroup\",\"title\":\"RelayKit users\","
            + "\"username\":\"relaykit\",\"is_forum\":false,\"accent_color_id\":3,\"max_reaction_count\":11,"
            + "\"description\":\"Questions and answers\",\"invite_link\":\"https://t.me/+AbCdEf0123456789\","
            + "\"permissions\":{\"can_send_messages\":true,\"can_send_photos\":false,\"can_invite_users\":true},"
            + "\"accepted_gift_types\":{\"unlimited_gifts\":true},\"field_from_bot_api_99\":true}";

    /** A ChatMemberOwner (core.telegram.org/bots/api#chatmemberowner). */
    static final String OWNER = "{\"status\":\"creator\",\"user\":" + USER + ",\"is_anonymous\":false}";

    /** A ChatMemberAdministrator (core.telegram.org/bots/api#chatmemberadministrator). */
    static final String ADMINISTRATOR = "{\"status\":\"administrator\",\"user\":{\"id\":555,\"is_bot\":false,"
            + "\"first_name\":\"Grace\"},\"can_be_edited\":true,\"is_anonymous\":false,\"can_manage_chat\":true,"
            + "\"can_delete_messages\":true,\"can_manage_video_chats\":false,\"can_restrict_members\":true,"
            + "\"can_promote_members\":false,\"can_change_info\":false,\"can_invite_users\":true,"
            + "\"can_post_stories\":false,\"can_edit_stories\":false,\"can_delete_stories\":false,"
            + "\"can_pin_messages\":true,\"custom_title\":\"mod\"}";

    /** A ChatMemberRestricted (core.telegram.org/bots/api#chatmemberrestricted). */
    static final String RESTRICTED = "{\"status\":\"restricted\",\"user\":" + USER + ",\"is_member\":true,"
            + "\"can_send_messages\":true,\"can_send_audios\":false,\"can_send_documents\":false,"
            + "\"can_send_photos\":false,\"can_send_videos\":false,\"can_send_video_notes\":false,"
            + "\"can_send_voice_notes\":false,\"can_send_polls\":false,\"can_send_other_messages\":false,"
            + "\"can_add_web_page_previews\":false,\"can_change_info\":false,\"can_invite_users\":false,"
            + "\"can_pin_messages\":false,\"can_manage_topics\":false,\"until_date\":1765000000}";

    /** A ChatMemberMember (core.telegram.org/bots/api#chatmembermember). */
    static final String MEMBER = "{\"status\":\"member\",\"user\":" + USER + "}";

    /** A ChatMemberBanned (core.telegram.org/bots/api#chatmemberbanned); until_date 0 is forever. */
    static final String BANNED = "{\"status\":\"kicked\",\"user\":" + USER + ",\"until_date\":0}";

    /** A ChatInviteLink (core.telegram.org/bots/api#chatinvitelink). */
    static final String INVITE_LINK = "{\"invite_link\":\"https://t.me/+AbCdEf0123456789\",\"creator\":"
            + "{\"id\":123456,\"is_bot\":true,\"first_name\":\"Relay\"},\"creates_join_request\":false,"
            + "\"is_primary\":false,\"is_revoked\":false,\"name\":\"promo\",\"expire_date\":1765065600,"
            + "\"member_limit\":100}";

    /** A File (core.telegram.org/bots/api#file). */
    static final String FILE = "{\"file_id\":\"BQACAgIAAxkBAAIC\",\"file_unique_id\":\"AgADBQAC\","
            + "\"file_size\":300000,\"file_path\":\"documents/file_1.pdf\"}";
}
