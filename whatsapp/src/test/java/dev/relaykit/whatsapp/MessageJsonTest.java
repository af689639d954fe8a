package dev.relaykit.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.FakeGraphApi;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every message kind goes out as exactly the JSON Meta documents; bad messages send nothing. */
class MessageJsonTest {
    static final String TO = "+16505551234";
    static final String WAMID = "wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTdCNTg5RjY1MEMyRjlGMjRGNgA=";

    private FakeGraphApi fake;
    private WhatsAppClient client;

    @BeforeEach
    void start() {
        fake = FakeGraphApi.start(Fixtures.TOKEN);
        client = Fixtures.client(fake, Fixtures.FAST);
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    /** Sends through the client and compares the body the fake received with the fixture. */
    private SendResult assertWire(Message<?> message, String fixture) {
        SendResult r = client.send(message);
        JsonNode received = Json.tree(fake.rest().requests().get(fake.rest().requests().size() - 1).getBodyAsString());
        assertThat(received).as(fixture).isEqualTo(Fixtures.json("send/" + fixture));
        assertThat(r.messageId()).startsWith("wamid.");
        assertThat(r.input()).isEqualTo(TO);
        assertThat(r.waId()).isEqualTo("16505551234");
        return r;
    }

    @Test
    void textReplyAndReactions() {
        assertWire(Message.text(TO, "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/")
                .previewUrl(true), "text.json");
        assertWire(Message.text(TO, "You're welcome, Pablo!").replyTo(WAMID), "text-reply.json");
        assertWire(Message.reaction(TO, WAMID, "\uD83D\uDE00"), "reaction.json");
        assertWire(Message.removeReaction(TO, WAMID), "reaction-remove.json");
        assertThat(fake.rest().requests()).allSatisfy(r -> {
            assertThat(r.getUrl()).isEqualTo("/v26.0/" + FakeGraphApi.PHONE_NUMBER_ID + "/messages");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
        });
    }

    @Test
    void media() {
        assertWire(Message.image(TO, MediaRef.id("1479537139650973")).caption("The best succulent ever?"), "image-id.json");
        assertWire(Message.image(TO, MediaRef.link("https://www.luckyshrub.com/assets/succulents/aloe.png"))
                .caption("The best succulent ever?"), "image-link.json");
        assertWire(Message.audio(TO, MediaRef.id("1013859600285441")), "audio.json");
        assertWire(Message.video(TO, MediaRef.id("1166846181421424")).caption("A succulent eclipse!"), "video.json");
        assertWire(Message.document(TO, MediaRef.id("1376223850470843")).caption("Lucky Shrub Invoice")
                .filename("lucky-shrub-invoice.pdf"), "document.json");
        assertWire(Message.document(TO, MediaRef.link("https://www.luckyshrub.com/invoices/FmOzfD9cKf/lucky-shrub-invoice.pdf"))
                .caption("Lucky Shrub Invoice").filename("lucky-shrub-invoice.pdf"), "document-link.json");
        assertWire(Message.sticker(TO, MediaRef.id("798882015472548")), "sticker.json");
    }

    @Test
    void locationAndContacts() {
        assertWire(Message.location(TO, new BigDecimal("37.44216251868683"), new BigDecimal("-122.16153582049394"))
                .name("Philz Coffee").address("101 Forest Ave, Palo Alto, CA 94301"), "location.json");
        ContactCard card = new ContactCard(
                new ContactCard.Name("Barbara J. Johnson", "Barbara", "Johnson", "Joana", "Esq.", "Dr."),
                "1999-01-23",
                new ContactCard.Org("Lucky Shrub", "Legal", "Lead Counsel"),
                List.of(new ContactCard.Phone("+1 (940) 555-1234", "HOME", null),
                        new ContactCard.Phone("+1 (650) 555-1234", "WORK", "16505551234")),
                List.of(new ContactCard.Email("bjohnson@luckyshrub.com", "WORK"),
                        new ContactCard.Email("bjohnson@luckyshrubplants.com", "HOME")),
                List.of(new ContactCard.Url("https://www.luckyshrub.com", "WORK")),
                List.of(new ContactCard.Address("1 Lucky Shrub Way", "Menlo Park", "CA", "94025", "United States", "US", "WORK")));
        assertWire(Message.contacts(TO, List.of(card)), "contacts.json");
    }

    @Test
    void interactive() {
        assertWire(Message.buttons(TO, "Hi Pablo! Your gardening workshop is scheduled for 9am tomorrow. Use the buttons if you need to reschedule. Thank you!",
                        List.of(Interactive.Button.reply("change-button", "Change"), Interactive.Button.reply("cancel-button", "Cancel")))
                .header("image", MediaRef.id("2762702990552401"))
                .footer("Lucky Shrub: Your gateway to succulents!\u2122"), "buttons.json");
        assertWire(Message.list(TO, "Which shipping option do you prefer?", "Shipping Options", List.of(
                        new Interactive.Section("I want it ASAP!", List.of(
                                new Interactive.Row("priority_express", "Priority Mail Express", "Next Day to 2 Days"),
                                new Interactive.Row("priority_mail", "Priority Mail", "1\u20133 Days"))),
                        new Interactive.Section("I can wait a bit", List.of(
                                new Interactive.Row("usps_ground_advantage", "USPS Ground Advantage", "2\u20135 Days"),
                                new Interactive.Row("media_mail", "Media Mail", "2\u20138 Days")))))
                .header("Choose Shipping Option").footer("Lucky Shrub: Your gateway to succulents\u2122"), "list.json");
        assertWire(Message.ctaUrl(TO, "Tap the button below to see available dates.", "See Dates",
                        "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4")
                .header("image", MediaRef.link("https://www.luckyshrub.com/assets/lucky-shrub-banner-logo-v1.png"))
                .footer("Dates subject to change."), "cta-url.json");
        assertWire(Message.locationRequest(TO,
                "Let's start with your pickup. You can either manually *enter an address* or *share your current location*."),
                "location-request.json");
    }

    @Test
    void templates() {
        SendResult r = assertWire(Message.template(TO, "order_confirmation", "en_US")
                .header(Template.Parameter.image(MediaRef.link("https://www.luckyshrub.com/assets/orders/order-confirmation.png")))
                .body(Template.Parameter.text("Pablo"),
                        Template.Parameter.currency("$100.99", "USD", new BigDecimal("100.99")),
                        Template.Parameter.dateTime("February 25, 1977"))
                .quickReplyButton(0, "stop-promotions-42")
                .urlButton(1, "860198-230332"), "template.json");
        assertThat(r.messageStatus()).isEqualTo("accepted");
        assertWire(Message.template(TO, "seasonal_promotion", "en_US")
                .header(Template.Parameter.document(MediaRef.id("1376223850470843"), "summer-sale.pdf"))
                .body(Template.Parameter.text("first_name", "Pablo"), Template.Parameter.text("sale_name", "Summer Sale")),
                "template-named.json");
    }

    @Test
    void markReadTypingAndProfileUpdate() throws Exception {
        String id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";
        assertThat(client.markRead(id)).isTrue();
        assertThat(Json.tree(fake.rest().requests().get(0).getBodyAsString())).isEqualTo(Fixtures.json("send/mark-read.json"));
        assertThat(client.showTypingIndicatorAsync(id).get()).isTrue();
        assertThat(Json.tree(fake.rest().requests().get(1).getBodyAsString())).isEqualTo(Fixtures.json("send/typing-indicator.json"));
        assertThat(client.markReadAsync(FakeGraphApi.PHONE_NUMBER_ID, id).get()).isTrue();
        assertThat(fake.readReceipts()).containsExactly(id, id, id);
        assertThat(fake.sentMessages()).isEmpty();

        assertThat(client.updateBusinessProfile(BusinessProfile.update()
                .about("Succulent specialists!")
                .address("1 Hacker Way, Menlo Park, CA 94025")
                .description("At Lucky Shrub, we specialize in providing a diverse range of high-quality succulents to our customers.")
                .email("lucky@luckyshrub.com")
                .websites(List.of("https://www.luckyshrub.com/"))
                .vertical("RETAIL"))).isTrue();
        assertThat(Json.tree(fake.rest().requests().get(3).getBodyAsString()))
                .isEqualTo(Fixtures.json("send/business-profile-update.json"));
    }

    @Test
    void asyncSendReturnsTheSameResult() throws Exception {
        SendResult r = client.sendAsync(Message.text(TO, "hi")).get();
        assertThat(r.messageId()).startsWith("wamid.");
        assertThat(fake.sentMessages()).singleElement().satisfies(m -> assertThat(m.path("text").path("body").asText()).isEqualTo("hi"));
    }

    @Test
    void badMessagesAreRefusedBeforeAnythingIsSent() {
        List<Button> four = IntStream.range(0, 4).mapToObj(i -> new Button("b" + i, "B" + i)).toList();
        List<Interactive.Row> eleven = IntStream.range(0, 11).mapToObj(i -> new Interactive.Row("r" + i, "Row " + i, null)).toList();
        assertRefused(() -> Message.text(TO, ""), "text body is empty");
        assertRefused(() -> Message.text(TO, "x".repeat(4097)), "4097 characters, at most 4096");
        assertRefused(() -> Message.text("call me", "hi"), "recipient must be a phone number");
        assertRefused(() -> Message.buttons(TO, "Pick", four.stream().map(b -> Interactive.Button.reply(b.id, b.title)).toList()),
                "1 to 3 buttons");
        assertRefused(() -> Message.buttons(TO, "Pick", List.of()), "1 to 3 buttons");
        assertRefused(() -> Interactive.Button.reply("a", "A title of 21 chars!!"), "button title is 21 characters");
        assertRefused(() -> Message.buttons(TO, "Pick", List.of(Interactive.Button.reply("a", "Yes"), Interactive.Button.reply("a", "No"))),
                "button ids must be distinct");
        assertRefused(() -> Message.list(TO, "Pick", "Options", List.of(new Interactive.Section("All", eleven))),
                "at most 10 rows");
        assertRefused(() -> Message.list(TO, "Pick", "Options", List.of(
                new Interactive.Section(null, eleven.subList(0, 2)), new Interactive.Section(null, eleven.subList(2, 4)))),
                "every section needs a title");
        assertRefused(() -> new Interactive.Row("r", "A row title over 24 chars", null), "row title is 25 characters");
        assertRefused(() -> Message.list(TO, "Pick", "Options", List.of(new Interactive.Section("S", eleven.subList(0, 1))))
                .header("image", MediaRef.id("1")), "only a text header");
        assertRefused(() -> Message.locationRequest(TO, "Where?").footer("x"), "has no footer");
        assertRefused(() -> Message.audio(TO, MediaRef.id("1")).caption("hi"), "caption is not allowed on audio");
        assertRefused(() -> Message.image(TO, MediaRef.id("1")).filename("a.png"), "only allowed on document");
        assertRefused(() -> Message.image(TO, MediaRef.link("ftp://example.com/a.png")), "http(s) URL");
        assertRefused(() -> Message.location(TO, new BigDecimal("91"), BigDecimal.ZERO), "latitude");
        assertRefused(() -> Message.contacts(TO, Collections.emptyList()), "at least one contact card");
        assertRefused(() -> Message.template(TO, "Order Confirmation", "en_US"), "template name");
        assertRefused(() -> Template.Parameter.currency("$1", "USD", new BigDecimal("1.0001")), "more than 3 decimals");
        assertRefused(() -> Message.template(TO, "t", "en_US").header(Template.Parameter.text("a"), Template.Parameter.text("b")),
                "exactly one parameter");
        assertRefused(() -> Message.reaction(TO, WAMID, ""), "emoji is empty");
        assertRefused(() -> client.markRead(" "), "message id is empty");
        assertRefused(() -> client.markReadAsync("12ab", WAMID), "phone number id must be digits");
        assertRefused(() -> client.retrieveMedia("../1"), "media id must be digits");
        assertRefused(() -> client.updateBusinessProfile(BusinessProfile.update()), "changes nothing");
        assertRefused(() -> BusinessProfile.update().about("x".repeat(140)), "at most 139");
        assertRefused(() -> client.templates(0, null), "1 to 1000");
        assertRefused(() -> WhatsAppClient.builder().phoneNumberId("+1 555"), "phone number id must be digits");
        assertThat(fake.rest().requests()).isEmpty();
    }

    private record Button(String id, String title) {
    }

    private static void assertRefused(Supplier<?> action, String message) {
        assertThatThrownBy(action::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
