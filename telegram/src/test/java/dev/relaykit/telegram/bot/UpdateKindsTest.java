package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The typed accessors of {@link Update} read the update kinds of core.telegram.org/bots/api#update; any
 * other kind, and any field this release does not know, leaves them empty or in the raw JSON, never failing.
 */
class UpdateKindsTest {

    static Update update(String kind, String payload) {
        return Update.of(Json.tree("{\"update_id\":100,\"" + kind + "\":" + payload + "}"));
    }

    @Test
    void messageAndEditedMessage() {
        Update u = update("message", BotFixtures.TEXT_MESSAGE);
        assertThat(u.message()).hasValueSatisfying(m -> {
            assertThat(m.text()).isEqualTo("/start hello");
            assertThat(m.chat().id()).isEqualTo(987654321L);
        });
        assertThat(u.editedMessage()).isEmpty();
        assertThat(u.callbackQuery()).isEmpty();
        assertThat(update("edited_message", BotFixtures.TEXT_MESSAGE.replace("\"date\"", "\"edit_date\":1764979300,\"date\""))
                .editedMessage()).hasValueSatisfying(m -> assertThat(m.raw().path("edit_date").asLong()).isEqualTo(1764979300));
        assertThat(update("channel_post", BotFixtures.TEXT_MESSAGE).channelPost()).isPresent();
    }

    @Test
    void callbackQueryWithItsMessage() {
        // core.telegram.org/bots/api#callbackquery
        Update u = update("callback_query", "{\"id\":\"4382bfdwdsb323b2d9\",\"from\":" + BotFixtures.USER
                + ",\"message\":" + BotFixtures.TEXT_MESSAGE + ",\"chat_instance\":\"-8392012345\",\"data\":\"vote:yes\"}");
        assertThat(u.callbackQuery()).hasValueSatisfying(q -> {
            assertThat(q.id()).isEqualTo("4382bfdwdsb323b2d9");
            assertThat(q.data()).isEqualTo("vote:yes");
            assertThat(q.from().id()).isEqualTo(987654321L);
            assertThat(q.message().messageId()).isEqualTo(4242);
            assertThat(q.chatInstance()).isEqualTo("-8392012345");
            assertThat(q.inlineMessageId()).isNull();
        });
        // an InaccessibleMessage (#inaccessiblemessage): date 0, only chat and id
        Update old = update("callback_query", "{\"id\":\"1\",\"from\":" + BotFixtures.USER + ",\"message\":{\"chat\":"
                + BotFixtures.PRIVATE_CHAT + ",\"message_id\":3,\"date\":0},\"chat_instance\":\"1\",\"data\":\"x\"}");
        assertThat(old.callbackQuery().orElseThrow().message().date()).isNull();
        assertThat(old.chatId()).hasValue(987654321L);
    }

    @Test
    void inlineQuery() {
        // core.telegram.org/bots/api#inlinequery
        Update u = update("inline_query", "{\"id\":\"2834293\",\"from\":" + BotFixtures.USER
                + ",\"query\":\"cats\",\"offset\":\"\",\"chat_type\":\"sender\"}");
        assertThat(u.inlineQuery()).hasValueSatisfying(q -> {
            assertThat(q.id()).isEqualTo("2834293");
            assertThat(q.query()).isEqualTo("cats");
            assertThat(q.offset()).isEmpty();
            assertThat(q.chatType()).isEqualTo("sender");
        });
    }

    @Test
    void preCheckoutAndShippingQueries() {
        // core.telegram.org/bots/api#precheckoutquery
        Update pre = update("pre_checkout_query", "{\"id\":\"pcq-1\",\"from\":" + BotFixtures.USER
                + ",\"currency\":\"XTR\",\"total_amount\":250,\"invoice_payload\":\"order-42\"}");
        assertThat(pre.preCheckoutQuery()).hasValueSatisfying(q -> {
            assertThat(q.currency()).isEqualTo("XTR");
            assertThat(q.totalAmount()).isEqualTo(250);
            assertThat(q.invoicePayload()).isEqualTo("order-42");
            assertThat(q.shippingOptionId()).isNull();
        });
        // #shippingquery and #shippingaddress
        Update ship = update("shipping_query", "{\"id\":\"sq-1\",\"from\":" + BotFixtures.USER
                + ",\"invoice_payload\":\"order-7\",\"shipping_address\":{\"country_code\":\"DE\",\"state\":\"\","
                + "\"city\":\"Berlin\",\"street_line1\":\"Unter den Linden 1\",\"street_line2\":\"\",\"post_code\":\"10117\"}}");
        assertThat(ship.shippingQuery()).hasValueSatisfying(q -> {
            assertThat(q.invoicePayload()).isEqualTo("order-7");
            assertThat(q.shippingAddress().path("city").asText()).isEqualTo("Berlin");
            assertThat(q.toString()).doesNotContain("Berlin");
        });
    }

    @Test
    void myChatMemberAndChatMember() {
        // core.telegram.org/bots/api#chatmemberupdated: a user blocked the bot
        String change = "{\"chat\":" + BotFixtures.PRIVATE_CHAT + ",\"from\":" + BotFixtures.USER
                + ",\"date\":1764979200,\"old_chat_member\":" + BotFixtures.MEMBER + ",\"new_chat_member\":"
                + BotFixtures.BANNED + "}";
        assertThat(update("my_chat_member", change).myChatMember()).hasValueSatisfying(c -> {
            assertThat(c.oldChatMember().status()).isEqualTo("member");
            assertThat(c.newChatMember().status()).isEqualTo("kicked");
            assertThat(c.date()).isEqualTo(Instant.ofEpochSecond(1764979200));
            assertThat(c.chat().id()).isEqualTo(987654321L);
        });
        assertThat(update("chat_member", change).chatMember()).isPresent();
        assertThat(update("chat_member", change).myChatMember()).isEmpty();
    }

    @Test
    void aKindAddedLaterHasNoTypedViewButItsPayloadAndFieldsOfTheFutureAreKept() {
        Update u = update("managed_bot", "{\"user\":" + BotFixtures.USER + ",\"bot\":{\"id\":1}}");
        assertThat(u.kind()).isEqualTo("managed_bot");
        assertThat(u.message()).isEmpty();
        assertThat(u.callbackQuery()).isEmpty();
        assertThat(u.inlineQuery()).isEmpty();
        assertThat(u.preCheckoutQuery()).isEmpty();
        assertThat(u.shippingQuery()).isEmpty();
        assertThat(u.myChatMember()).isEmpty();
        assertThat(u.payload().path("bot").path("id").asInt()).isEqualTo(1);

        // a message whose known fields have types this release did not expect still decodes
        Update odd = update("message", "{\"message_id\":1,\"chat\":{\"id\":2,\"type\":\"private\"},\"date\":\"soon\","
                + "\"text\":{\"rich\":true},\"from\":\"someone\"}");
        assertThat(odd.message()).hasValueSatisfying(m -> {
            assertThat(m.date()).isNull();
            assertThat(m.text()).isNull();
            assertThat(m.from()).isNull();
            assertThat(m.raw().path("text").path("rich").asBoolean()).isTrue();
        });
    }
}
