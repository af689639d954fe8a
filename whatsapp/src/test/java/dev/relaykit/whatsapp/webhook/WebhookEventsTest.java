package dev.relaykit.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.DecodeException;
import dev.relaykit.whatsapp.webhook.event.Contact;
import dev.relaykit.whatsapp.webhook.event.ErrorDetail;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.MessageStatus;
import dev.relaykit.whatsapp.webhook.event.Metadata;
import dev.relaykit.whatsapp.webhook.event.ProductItem;
import dev.relaykit.whatsapp.webhook.event.SharedContact;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import dev.relaykit.whatsapp.webhook.event.UnknownEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every documented payload fixture decodes into the right event with the right values. */
class WebhookEventsTest {
    static final Metadata META = new Metadata("15550783881", "106540352242922");
    static final String W1 = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    static final String W2 = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=";
    static final String CTX = "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=";
    static final String URL = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=133...";

    static MessageEvent message(String fixture) {
        List<WebhookEvent> events = WebhookEvents.parse(Fixtures.bytes(fixture));
        assertThat(events).hasSize(1);
        MessageEvent m = (MessageEvent) events.get(0);
        assertThat(m.businessAccountId()).isIn("102290129340398", "419561257915477");
        assertThat(m.metadata()).isEqualTo(META);
        assertThat(m.raw().path("id").asText()).isEqualTo(m.id());
        return m;
    }

    static StatusEvent status(String fixture) {
        List<WebhookEvent> events = WebhookEvents.parse(Fixtures.bytes(fixture));
        assertThat(events).hasSize(1);
        StatusEvent s = (StatusEvent) events.get(0);
        assertThat(s.businessAccountId()).isEqualTo("102290129340398");
        assertThat(s.metadata()).isEqualTo(META);
        return s;
    }

    @Test
    void text() {
        MessageEvent m = message("message-text");
        assertThat(m.id()).isEqualTo(W1);
        assertThat(m.from()).isEqualTo("16505551234");
        assertThat(m.sender()).isEqualTo("16505551234");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1749416383));
        assertThat(m.contact()).isEqualTo(new Contact("16505551234", null, "Sheena Nelson", null, null, null));
        assertThat(m.senderName()).isEqualTo("Sheena Nelson");
        assertThat(m.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(m.content()).isEqualTo(new MessageContent.Text("Does it come in another color?"));
        assertThat(m.context()).isNull();
        assertThat(m.referral()).isNull();
        assertThat(m.errors()).isEmpty();
    }

    @Test
    void textFromTheMessageBusinessButtonCarriesTheReferredProduct() {
        MessageEvent m = message("message-text-referred-product");
        assertThat(m.businessAccountId()).isEqualTo("419561257915477");
        assertThat(m.content()).isEqualTo(new MessageContent.Text("Is this still available?"));
        assertThat(m.context().from()).isEqualTo("15550783881");
        assertThat(m.context().id()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA");
        assertThat(m.context().referredProduct().catalogId()).isEqualTo("194836987003835");
        assertThat(m.context().referredProduct().productRetailerId()).isEqualTo("di9ozbzfi4");
        assertThat(m.context().forwarded()).isFalse();
    }

    @Test
    void textFromAClickToWhatsAppAdCarriesTheReferral() {
        MessageEvent m = message("message-text-ad-referral");
        assertThat(m.content()).isEqualTo(new MessageContent.Text("Can I get more info about this?"));
        assertThat(m.referral().sourceUrl()).isEqualTo("https://fb.me/3cr4Wqqkv");
        assertThat(m.referral().sourceId()).isEqualTo("120226305854810726");
        assertThat(m.referral().sourceType()).isEqualTo("ad");
        assertThat(m.referral().body()).isEqualTo("Summer Succulents are here!");
        assertThat(m.referral().headline()).isEqualTo("Chat with us");
        assertThat(m.referral().mediaType()).isEqualTo("image");
        assertThat(m.referral().imageUrl()).isEqualTo("https://scontent.xx.fbcdn.net/v/t45.1...");
        assertThat(m.referral().videoUrl()).isNull();
        assertThat(m.referral().ctwaClid()).startsWith("Aff-n8ZTODiE79d22KtAwQKj9e").endsWith("HL50");
        assertThat(m.referral().welcomeMessage()).isEqualTo("Hi there! Let us know how we can help!");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750275992));
    }

    @Test
    void textFromAUserWithAUsernameIsAddressedByTheBusinessScopedUserId() {
        MessageEvent m = message("message-text-username");
        assertThat(m.from()).isEmpty();
        assertThat(m.fromUserId()).isEqualTo("user.93737...");
        assertThat(m.sender()).isEqualTo("user.93737...");
        assertThat(m.contact()).isEqualTo(new Contact("", "user.93737...", "Sheena Nelson", "@realsheenanelson", "US", null));
    }

    @Test
    void image() {
        MessageEvent m = message("message-image");
        assertThat(m.content()).isEqualTo(new MessageContent.Image("1003383421387256", "image/jpeg",
                "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=", URL, "Taj Mahal"));
        assertThat(m.content()).isInstanceOf(MessageContent.Media.class);
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1744344496));
    }

    @Test
    void forwardedImage() {
        MessageEvent m = message("message-image-forwarded");
        assertThat(m.context().forwarded()).isTrue();
        assertThat(m.context().frequentlyForwarded()).isFalse();
        assertThat(m.context().id()).isNull();
        assertThat(((MessageContent.Image) m.content()).caption()).isEqualTo("Taj Mahal");
    }

    @Test
    void audioVoiceRecording() {
        MessageEvent m = message("message-audio");
        assertThat(m.content()).isEqualTo(new MessageContent.Audio("1908647269898587", "audio/ogg; codecs=opus",
                "wvqXMe6n7n1W0zphvLPoLj+s/NtKqmr3zZ7YzTP7xFI=", URL, true));
    }

    @Test
    void video() {
        assertThat(message("message-video").content()).isEqualTo(new MessageContent.Video("731675419373506",
                "video/mp4", "vdGU5X4caz12KwFgYwpljlUNqMt1YnkH+5GkPc3mMnc=", URL, "Timelapse of growth"));
    }

    @Test
    void document() {
        assertThat(message("message-document").content()).isEqualTo(new MessageContent.Document("622684793477189",
                "application/pdf", "V5OPpLD/gEG6Xjg0MbmQDLFgcKsL+j5LfY4ny/pZ4MY=", URL, "my receipt", "receipt.pdf"));
    }

    @Test
    void animatedSticker() {
        assertThat(message("message-sticker").content()).isEqualTo(new MessageContent.Sticker("1908647269898587",
                "image/webp", "wvqXMe6n7n1W0zphvLPoLj+s/NtKqmr3zZ7YzTP7xFI=", URL, true));
    }

    @Test
    void locationKeepsTheExactDecimals() {
        MessageEvent m = message("message-location");
        assertThat(m.id()).isEqualTo(W2);
        MessageContent.Location l = (MessageContent.Location) m.content();
        assertThat(l.latitude()).isEqualTo(new BigDecimal("37.44221496582"));
        assertThat(l.longitude()).isEqualTo(new BigDecimal("-122.16165924072"));
        assertThat(l.name()).isEqualTo("Philz Coffee");
        assertThat(l.address()).isEqualTo("101 Forest Ave, Palo Alto, CA 94301");
        assertThat(l.url()).isEqualTo("https://philzcoffee.com/");
    }

    @Test
    void contacts() {
        MessageContent.Contacts c = (MessageContent.Contacts) message("message-contacts").content();
        assertThat(c.contacts()).singleElement().satisfies(card -> {
            assertThat(card.name()).isEqualTo(new SharedContact.Name("Barbara J. Johnson", "Barbara", "Johnson", null, null, null));
            assertThat(card.org()).isEqualTo(new SharedContact.Org("Social Tsunami", null, null));
            assertThat(card.phones()).containsExactly(new SharedContact.Phone("+1 (415) 555-0829", "14125550829", "MOBILE"));
            assertThat(card.emails()).isEmpty();
            assertThat(card.addresses()).isEmpty();
            assertThat(card.urls()).isEmpty();
            assertThat(card.birthday()).isNull();
        });
    }

    @Test
    void interactiveListReply() {
        MessageEvent m = message("message-interactive-list-reply");
        assertThat(m.content()).isEqualTo(new MessageContent.ListReply("priority_express", "Priority Mail Express",
                "Next Day to 2 Days"));
        assertThat(m.context().id()).isEqualTo(CTX);
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1749854575));
    }

    @Test
    void interactiveButtonReply() {
        MessageEvent m = message("message-interactive-button-reply");
        assertThat(m.content()).isEqualTo(new MessageContent.ButtonReply("cancel-button", "Cancel"));
        assertThat(m.context().id()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
    }

    @Test
    void quickReplyButtonOfATemplate() {
        MessageEvent m = message("message-button");
        assertThat(m.content()).isEqualTo(new MessageContent.QuickReply("Unsubscribe", "Unsubscribe"));
        assertThat(m.content().type()).isEqualTo("button");
        assertThat(m.context().id()).isEqualTo(CTX);
    }

    @Test
    void reactionAndItsRemoval() {
        MessageContent.Reaction added = (MessageContent.Reaction) message("message-reaction").content();
        assertThat(added).isEqualTo(new MessageContent.Reaction(CTX, "\uD83D\uDC4D"));
        assertThat(added.removed()).isFalse();

        MessageContent.Reaction removed = (MessageContent.Reaction) message("message-reaction-removed").content();
        assertThat(removed.messageId()).isEqualTo(CTX);
        assertThat(removed.emoji()).isNull();
        assertThat(removed.removed()).isTrue();
    }

    @Test
    void orderPricesAreBigDecimals() {
        MessageContent.Order o = (MessageContent.Order) message("message-order").content();
        assertThat(o.catalogId()).isEqualTo("194836987003835");
        assertThat(o.text()).isEqualTo("Love these!");
        assertThat(o.items()).containsExactly(
                new ProductItem("di9ozbzfi4", 2, new BigDecimal("30"), "USD"),
                new ProductItem("nqryix03ez", 1, new BigDecimal("25"), "USD"));
    }

    @Test
    void fractionalPricesStayExact() {
        String body = new String(Fixtures.bytes("message-order"), StandardCharsets.UTF_8)
                .replace("\"item_price\": 30", "\"item_price\": 7.99");
        MessageEvent m = (MessageEvent) WebhookEvents.parse(body.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(((MessageContent.Order) m.content()).items().get(0).itemPrice()).isEqualTo(new BigDecimal("7.99"));
    }

    @Test
    void systemMessageUserChangedNumberHasNoContact() {
        MessageEvent m = message("message-system");
        assertThat(m.contact()).isNull();
        assertThat(m.content()).isEqualTo(new MessageContent.SystemChange("user_changed_number",
                "User Sheena Nelson changed from 16505551234 to 12195555358", "12195555358", null));
    }

    @Test
    void unsupportedMessageCarriesTheErrors() {
        MessageEvent m = message("message-unsupported");
        assertThat(m.content()).isEqualTo(new MessageContent.Unsupported("edit"));
        assertThat(m.errors()).containsExactly(new ErrorDetail(131051, "Message type unknown", "Message type unknown",
                "Message type is currently not supported.", null));
    }

    @Test
    void sentStatusWithConversationAndPricing() {
        StatusEvent s = status("status-sent");
        assertThat(s.id()).isEqualTo(W2);
        assertThat(s.status()).isEqualTo(MessageStatus.SENT);
        assertThat(s.timestamp()).isEqualTo(Instant.ofEpochSecond(1750030073));
        assertThat(s.recipientId()).isEqualTo("16505551234");
        assertThat(s.conversation().id()).isEqualTo("72b14d6bd5407799e66f64d1b338e567");
        assertThat(s.conversation().originType()).isEqualTo("marketing");
        assertThat(s.conversation().expiration()).isEqualTo(Instant.ofEpochSecond(1750116480));
        assertThat(s.pricing().billable()).isTrue();
        assertThat(s.pricing().pricingModel()).isEqualTo("PMP");
        assertThat(s.pricing().type()).isEqualTo("regular");
        assertThat(s.pricing().category()).isEqualTo("marketing");
        assertThat(s.errors()).isEmpty();
        assertThat(s.contact()).isNull();
    }

    @Test
    void sentStatusOfV24WithoutConversationOrPricing() {
        StatusEvent s = status("status-sent-v24");
        assertThat(s.status()).isEqualTo(MessageStatus.SENT);
        assertThat(s.conversation()).isNull();
        assertThat(s.pricing()).isNull();
    }

    @Test
    void deliveredStatusToABusinessScopedUserId() {
        StatusEvent s = status("status-delivered-username");
        assertThat(s.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(s.recipientId()).isEmpty();
        assertThat(s.recipientUserId()).startsWith("user.9373795779eb");
        assertThat(s.contact().username()).isEqualTo("@pablomorales");
        assertThat(s.contact().name()).isEqualTo("Pablo M.");
        assertThat(s.pricing().category()).isEqualTo("marketing");
    }

    @Test
    void readStatus() {
        StatusEvent s = status("status-read");
        assertThat(s.status()).isEqualTo(MessageStatus.READ);
        assertThat(s.bizOpaqueCallbackData()).isEqualTo("1744434060");
        assertThat(s.conversation().originType()).isEqualTo("service");
        assertThat(s.conversation().expiration()).isNull();
        assertThat(s.pricing().billable()).isFalse();
        assertThat(s.pricing().type()).isEqualTo("free_customer_service");
    }

    @Test
    void failedStatusCarriesTheErrors() {
        StatusEvent s = status("status-failed");
        assertThat(s.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(s.id()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA");
        assertThat(s.errors()).containsExactly(new ErrorDetail(131049,
                "This message was not delivered to maintain healthy ecosystem engagement.",
                "This message was not delivered to maintain healthy ecosystem engagement.",
                "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.",
                "/documentation/business-messaging/whatsapp/support/error-codes"));
    }

    @Test
    void anUnknownStatusValueIsKept() {
        String body = new String(Fixtures.bytes("status-sent-v24"), StandardCharsets.UTF_8)
                .replace("\"status\": \"sent\"", "\"status\": \"deleted\"");
        StatusEvent s = (StatusEvent) WebhookEvents.parse(body.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(s.status()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(s.statusValue()).isEqualTo("deleted");
        assertThat(MessageStatus.of("played")).isEqualTo(MessageStatus.PLAYED);
    }

    @Test
    void anUnknownMessageKindArrivesWithItsRawJsonAndUnknownFieldsAreIgnored() {
        String body = new String(Fixtures.bytes("message-text"), StandardCharsets.UTF_8)
                .replace("\"type\": \"text\"", "\"type\": \"poll\", \"poll\": {\"question\": \"Lunch?\"}, \"brand_new\": [1]")
                .replace("\"messaging_product\": \"whatsapp\"", "\"messaging_product\": \"whatsapp\", \"new_top\": {}");
        MessageEvent m = (MessageEvent) WebhookEvents.parse(body.getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(m.id()).isEqualTo(W1);
        assertThat(m.from()).isEqualTo("16505551234");
        assertThat(m.content()).isInstanceOfSatisfying(MessageContent.Unknown.class, u -> {
            assertThat(u.type()).isEqualTo("poll");
            assertThat(u.raw().path("poll").path("question").asText()).isEqualTo("Lunch?");
        });
    }

    @Test
    void anUnknownInteractiveReplyIsUnknownToo() {
        String body = new String(Fixtures.bytes("message-interactive-button-reply"), StandardCharsets.UTF_8)
                .replace("\"type\": \"button_reply\"", "\"type\": \"nfm_reply\"")
                .replace("\"button_reply\":", "\"nfm_reply\":");
        MessageEvent m = (MessageEvent) WebhookEvents.parse(body.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(m.content()).isInstanceOfSatisfying(MessageContent.Unknown.class,
                u -> assertThat(u.type()).isEqualTo("interactive/nfm_reply"));
    }

    @Test
    void anotherChangeFieldIsAnUnknownEventWithTheRawChange() {
        List<WebhookEvent> events = WebhookEvents.parse(Fixtures.bytes("change-user-preferences"));
        assertThat(events).singleElement().isInstanceOfSatisfying(UnknownEvent.class, u -> {
            assertThat(u.field()).isEqualTo("user_preferences");
            assertThat(u.businessAccountId()).isEqualTo("102290129340398");
            assertThat(u.metadata()).isEqualTo(META);
            assertThat(u.raw().path("value").path("user_preferences").path(0).path("value").asText()).isEqualTo("stop");
        });
    }

    @Test
    void anotherObjectIsAnUnknownEventWithTheWholePayload() {
        List<WebhookEvent> events = WebhookEvents.parse("{\"object\":\"page\",\"entry\":[{\"id\":\"1\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(events).singleElement().isInstanceOfSatisfying(UnknownEvent.class, u -> {
            assertThat(u.field()).isNull();
            assertThat(u.raw().path("object").asText()).isEqualTo("page");
        });
    }

    @Test
    void outOfBandErrorsInAMessagesChangeAreKept() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\",\"phone_number_id\":\"2\"},"
                + "\"errors\":[{\"code\":131000,\"title\":\"Something went wrong\"}]}}]}]}";
        List<WebhookEvent> events = WebhookEvents.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(events).singleElement().isInstanceOfSatisfying(UnknownEvent.class,
                u -> assertThat(u.raw().path("value").path("errors").path(0).path("code").asInt()).isEqualTo(131000));
    }

    @Test
    void severalEntriesChangesAndMessagesComeOutInOrder() {
        String one = new String(Fixtures.bytes("message-text"), StandardCharsets.UTF_8);
        String two = new String(Fixtures.bytes("status-failed"), StandardCharsets.UTF_8);
        String entryOne = one.substring(one.indexOf('[') + 1, one.lastIndexOf(']'));
        String entryTwo = two.substring(two.indexOf('[') + 1, two.lastIndexOf(']'));
        String both = "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entryOne + "," + entryTwo + "]}";

        List<WebhookEvent> events = WebhookEvents.parse(both.getBytes(StandardCharsets.UTF_8));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(MessageEvent.class);
        assertThat(events.get(1)).isInstanceOf(StatusEvent.class);
    }

    @Test
    void onlyABodyThatIsNotAJsonObjectFails() {
        assertThatThrownBy(() -> WebhookEvents.parse("{\"object\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> WebhookEvents.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("not a JSON object");
        // read as UTF-32 by its leading zero bytes, then an impossible code point: Jackson's decoder
        // fails with an IOException that is not a JsonProcessingException
        byte[] utf32 = {0, 0, 0, '{', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> WebhookEvents.parse(utf32))
                .isInstanceOf(DecodeException.class).hasMessageContaining("not valid JSON").hasMessageContaining("UTF-32 character");
    }
}
