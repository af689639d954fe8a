package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BotChats} and the bot-command methods send the documented requests and decode the documented results. */
class BotChatsTest extends BotServerTest {

    @Test
    void readingAChatItsAdministratorsAMemberAndTheCountDecodesTheDocumentedObjects() throws Exception {
        t.ok(BotFixtures.CHAT_FULL_INFO).ok("[" + BotFixtures.OWNER + "," + BotFixtures.ADMINISTRATOR + "]")
                .ok(BotFixtures.RESTRICTED).ok(BotFixtures.BANNED).ok("1234");
        BotChats c = t.bot.chats();

        BotChat chat = c.getChat("@relaykit");
        List<ChatMember> admins = c.getChatAdministrators(-1001234567890L);
        ChatMember restricted = c.getChatMember(-1001234567890L, 987654321L);
        ChatMember banned = c.getChatMember(-1001234567890L, 987654321L);
        int count = c.getChatMemberCount(-1001234567890L);

        // core.telegram.org/bots/api#getchat, #getchatadministrators, #getchatmember, #getchatmembercount
        assertThat(t.json("getChat").path("chat_id").asText()).isEqualTo("@relaykit");
        assertThat(t.json("getChatAdministrators").path("chat_id").asLong()).isEqualTo(-1001234567890L);
        JsonNode member = t.json("getChatMember");
        assertThat(member.path("user_id").asLong()).isEqualTo(987654321L);
        t.json("getChatMember");
        t.json("getChatMemberCount");

        assertThat(chat.id()).isEqualTo(-1001234567890L);
        assertThat(chat.type()).isEqualTo("supergroup");
        assertThat(chat.title()).isEqualTo("RelayKit users");
        assertThat(chat.username()).isEqualTo("relaykit");
        assertThat(chat.raw().path("description").asText()).isEqualTo("Questions and answers");
        ChatPermissions p = ChatPermissions.of(chat.raw().path("permissions"));
        assertThat(p.isAllowed(ChatPermissions.Permission.SEND_MESSAGES)).isTrue();
        assertThat(p.isAllowed(ChatPermissions.Permission.SEND_PHOTOS)).isFalse();

        assertThat(admins).extracting(ChatMember::status).containsExactly("creator", "administrator");
        assertThat(admins).allMatch(ChatMember::isAdministrator);
        assertThat(admins.get(1).user().firstName()).isEqualTo("Grace");
        assertThat(admins.get(1).raw().path("can_delete_messages").asBoolean()).isTrue();

        assertThat(restricted.status()).isEqualTo("restricted");
        assertThat(restricted.isMember()).isTrue();
        assertThat(restricted.untilDate()).isEqualTo(Instant.ofEpochSecond(1765000000));
        assertThat(restricted.permissions().isAllowed(ChatPermissions.Permission.SEND_MESSAGES)).isTrue();
        assertThat(restricted.permissions().isAllowed(ChatPermissions.Permission.SEND_POLLS)).isFalse();
        assertThat(banned.isMember()).isFalse();
        assertThat(banned.untilDate()).as("0 is forever").isNull();
        assertThat(count).isEqualTo(1234);
    }

    @Test
    void banUnbanRestrictAndPromoteSendTheDocumentedParameters() throws Exception {
        t.ok("true").ok("true").ok("true").ok("true").ok("true");
        BotChats c = t.bot.chats();
        Instant until = Instant.ofEpochSecond(1765000000);

        c.banChatMember(-100L, 7L, until, true);
        c.unbanChatMember(-100L, 7L);
        c.restrictChatMember(-100L, 7L, ChatPermissions.none().allow(ChatPermissions.Permission.SEND_MESSAGES), until);
        c.promoteChatMember(-100L, 7L, EnumSet.of(AdminRight.DELETE_MESSAGES, AdminRight.PIN_MESSAGES));
        c.promoteChatMember(-100L, 7L, Set.of());

        // core.telegram.org/bots/api#banchatmember
        JsonNode ban = t.json("banChatMember");
        assertThat(ban.path("chat_id").asLong()).isEqualTo(-100);
        assertThat(ban.path("user_id").asLong()).isEqualTo(7);
        assertThat(ban.path("until_date").asLong()).isEqualTo(1765000000);
        assertThat(ban.path("revoke_messages").asBoolean()).isTrue();
        // #unbanchatmember
        assertThat(t.json("unbanChatMember").path("only_if_banned").asBoolean()).isTrue();
        // #restrictchatmember and #chatpermissions
        JsonNode restrict = t.json("restrictChatMember");
        assertThat(restrict.path("use_independent_chat_permissions").asBoolean()).isTrue();
        assertThat(restrict.path("until_date").asLong()).isEqualTo(1765000000);
        JsonNode perms = restrict.path("permissions");
        assertThat(perms.path("can_send_messages").asBoolean()).isTrue();
        assertThat(perms.path("can_send_photos").isBoolean()).isTrue();
        assertThat(perms.path("can_send_photos").asBoolean()).isFalse();
        assertThat(perms.size()).isEqualTo(ChatPermissions.Permission.values().length);
        perms.fieldNames().forEachRemaining(n -> assertThat(n).startsWith("can_"));
        // #promotechatmember: exactly the rights given, every other one false
        JsonNode promote = t.json("promoteChatMember");
        assertThat(promote.path("can_delete_messages").asBoolean()).isTrue();
        assertThat(promote.path("can_pin_messages").asBoolean()).isTrue();
        assertThat(promote.path("can_promote_members").isBoolean()).isTrue();
        assertThat(promote.path("can_promote_members").asBoolean()).isFalse();
        assertThat(promote.path("is_anonymous").asBoolean(true)).isFalse();
        JsonNode demote = t.json("promoteChatMember");
        for (AdminRight r : AdminRight.values()) {
            assertThat(demote.path(r.param()).isBoolean()).as(r.param()).isTrue();
            assertThat(demote.path(r.param()).asBoolean()).as(r.param()).isFalse();
        }
    }

    @Test
    void inviteLinksAndPinningSendTheDocumentedParametersAndDecodeTheLink() throws Exception {
        t.ok(BotFixtures.INVITE_LINK).ok("\"https://t.me/+NewPrimary0123\"")
                .ok(BotFixtures.INVITE_LINK.replace("\"is_revoked\":false", "\"is_revoked\":true"))
                .ok("true").ok("true").ok("true").ok("true");
        BotChats c = t.bot.chats();

        ChatInviteLink link = c.createChatInviteLink(-100L, Map.of("name", "promo", "member_limit", 100,
                "expire_date", 1765065600L));
        String primary = c.exportChatInviteLink(-100L);
        ChatInviteLink revoked = c.revokeChatInviteLink(-100L, "https://t.me/+AbCdEf0123456789");
        c.pinChatMessage(-100L, 42, true);
        c.unpinChatMessage(-100L, 42L);
        c.unpinChatMessage(-100L, null);
        c.unpinAllChatMessages(-100L);

        // core.telegram.org/bots/api#createchatinvitelink
        JsonNode create = t.json("createChatInviteLink");
        assertThat(create.path("name").asText()).isEqualTo("promo");
        assertThat(create.path("member_limit").asInt()).isEqualTo(100);
        assertThat(create.path("expire_date").asLong()).isEqualTo(1765065600L);
        t.json("exportChatInviteLink");
        // #revokechatinvitelink
        assertThat(t.json("revokeChatInviteLink").path("invite_link").asText()).isEqualTo("https://t.me/+AbCdEf0123456789");
        // #pinchatmessage, #unpinchatmessage, #unpinallchatmessages
        JsonNode pin = t.json("pinChatMessage");
        assertThat(pin.path("message_id").asLong()).isEqualTo(42);
        assertThat(pin.path("disable_notification").asBoolean()).isTrue();
        assertThat(t.json("unpinChatMessage").path("message_id").asLong()).isEqualTo(42);
        assertThat(t.json("unpinChatMessage").has("message_id")).isFalse();
        assertThat(t.json("unpinAllChatMessages").path("chat_id").asLong()).isEqualTo(-100);

        assertThat(link.inviteLink()).isEqualTo("https://t.me/+AbCdEf0123456789");
        assertThat(link.name()).isEqualTo("promo");
        assertThat(link.creator().isBot()).isTrue();
        assertThat(link.expireDate()).isEqualTo(Instant.ofEpochSecond(1765065600));
        assertThat(link.memberLimit()).isEqualTo(100);
        assertThat(link.isRevoked()).isFalse();
        assertThat(primary).isEqualTo("https://t.me/+NewPrimary0123");
        assertThat(revoked.isRevoked()).isTrue();
    }

    @Test
    void botCommandsAreSetReadAndDeletedPerScopeAndLanguage() throws Exception {
        t.ok("true").ok("[{\"command\":\"start\",\"description\":\"Start\"},{\"command\":\"help\",\"description\":\"Help\"}]")
                .ok("true").ok("[]");

        t.bot.setMyCommands(List.of(new BotCommand("start", "Start"), new BotCommand("help", "Help")),
                CommandScope.chatMember(-100L, 7L), "de");
        List<BotCommand> read = t.bot.getMyCommands(CommandScope.allChatAdministrators(), null);
        t.bot.deleteMyCommands(null, null);
        assertThat(t.bot.getMyCommands(null, "en")).isEmpty();

        // core.telegram.org/bots/api#setmycommands, #botcommand, #botcommandscopechatmember
        JsonNode set = t.json("setMyCommands");
        assertThat(set.path("commands")).isEqualTo(Json.tree("[{\"command\":\"start\",\"description\":\"Start\"},"
                + "{\"command\":\"help\",\"description\":\"Help\"}]"));
        assertThat(set.path("scope")).isEqualTo(Json.tree("{\"type\":\"chat_member\",\"chat_id\":-100,\"user_id\":7}"));
        assertThat(set.path("language_code").asText()).isEqualTo("de");
        // #getmycommands, #botcommandscopeallchatadministrators
        assertThat(t.json("getMyCommands").path("scope")).isEqualTo(Json.tree("{\"type\":\"all_chat_administrators\"}"));
        assertThat(read).containsExactly(new BotCommand("start", "Start"), new BotCommand("help", "Help"));
        // #deletemycommands: neither scope nor language means the default scope for all languages
        assertThat(t.json("deleteMyCommands").size()).isZero();
        assertThat(t.json("getMyCommands").path("language_code").asText()).isEqualTo("en");
    }

    @Test
    void aCommandOutsideTheDocumentedLimitsIsRefusedBeforeSending() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BotCommand("/start", "Start"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without the slash");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BotCommand("Start", "Start"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BotCommand("start", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
