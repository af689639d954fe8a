package dev.relaykit.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.FakeGraphApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phone numbers, business profile, templates and the documented answers decode as Meta gives them. */
class AccountTest {
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

    @Test
    void phoneNumbers() throws Exception {
        PhoneNumber n = client.phoneNumberAsync().get();
        assertThat(n).isEqualTo(new PhoneNumber("1906385232743451", "+1 631-555-5555", "Jasper's Market",
                PhoneNumber.QualityRating.GREEN, "VERIFIED", "APPROVED", "CLOUD_API", Json.tree("{\"level\":\"STANDARD\"}")));
        LoggedRequest r = fake.rest().requests().get(0);
        assertThat(r.queryParameter("fields").firstValue()).contains("display_phone_number", "quality_rating");

        Page<PhoneNumber> page = client.phoneNumbers(null);
        assertThat(page.items()).extracting(PhoneNumber::id).containsExactly("1906385232743451", "1913623884432103");
        assertThat(page.items().get(1).qualityRating()).isEqualTo(PhoneNumber.QualityRating.UNKNOWN); // "NA"
        assertThat(page.after()).isEqualTo("QVFIUlRqdVVZ");
        assertThat(page.hasNext()).isFalse();
        assertThat(fake.rest().requests().get(1).getUrl()).startsWith("/v26.0/" + FakeGraphApi.BUSINESS_ACCOUNT_ID + "/phone_numbers?");
    }

    @Test
    void businessProfile() {
        BusinessProfile p = client.businessProfile();
        assertThat(p.about()).isEqualTo("Succulent specialists!");
        assertThat(p.email()).isEqualTo("lucky@luckyshrub.com");
        assertThat(p.websites()).containsExactly("https://www.luckyshrub.com/");
        assertThat(p.vertical()).isEqualTo("RETAIL");
        assertThat(p.profilePictureUrl()).startsWith("https://pps.whatsapp.net/");
        assertThat(fake.rest().requests().get(0).queryParameter("fields").firstValue())
                .isEqualTo("about,address,description,email,profile_picture_url,websites,vertical");
    }

    @Test
    void templatesArePaged() throws Exception {
        Page<MessageTemplate> first = client.templates(2, null);
        assertThat(first.items()).extracting(MessageTemplate::name).containsExactly("order_confirmation", "hello_world");
        MessageTemplate order = first.items().get(0);
        assertThat(order.status()).isEqualTo("APPROVED");
        assertThat(order.category()).isEqualTo("UTILITY");
        assertThat(order.components()).extracting(MessageTemplate.Component::type).containsExactly("HEADER", "BODY", "BUTTONS");
        assertThat(order.components().get(1).text()).contains("{{1}}");
        assertThat(first.hasNext()).isTrue();
        assertThat(first.after()).isEqualTo("MjQZD");

        Page<MessageTemplate> second = client.templatesAsync(2, first.after()).get();
        assertThat(second.items()).singleElement().satisfies(t -> {
            assertThat(t.parameterFormat()).isEqualTo("NAMED");
            assertThat(t.status()).isEqualTo("PAUSED");
        });
        assertThat(second.hasNext()).isFalse();
        LoggedRequest r = fake.rest().requests().get(1);
        assertThat(r.queryParameter("after").firstValue()).isEqualTo("MjQZD");
        assertThat(r.queryParameter("limit").firstValue()).isEqualTo("2");
    }

    @Test
    void listsNeedTheBusinessAccountId() {
        try (WhatsAppClient noWaba = WhatsAppClient.builder().baseUrl(fake.baseUrl()).accessToken(Secret.of(Fixtures.TOKEN))
                .phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID).build()) {
            assertThatThrownBy(() -> noWaba.templates(10, null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("businessAccountId");
        }
        assertThat(fake.rest().requests()).isEmpty();
    }

    @Test
    void documentedAnswersDecode() throws Exception {
        SendResult r = SendResult.from(Fixtures.json("send-response.json"));
        assertThat(r).isEqualTo(new SendResult("wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
                "+16505551234", "16505551234", "accepted"));
        MediaInfo m = Json.mapper().treeToValue(Fixtures.json("media-info.json"), MediaInfo.class);
        assertThat(m.id()).isEqualTo("1037543291543636");
        assertThat(m.fileSize()).isEqualTo(303833L);
        assertThat(m.mimeType()).isEqualTo("image/jpeg");
        assertThat(m.url()).startsWith("https://lookaside.fbsbx.com/");
    }

    @Test
    void rawCallsGoBelowTheVersionWithTheToken() {
        var answer = client.call(RestRequest.get("/" + FakeGraphApi.PHONE_NUMBER_ID).param("fields", "verified_name").build());
        assertThat(answer.path("verified_name").asText()).isEqualTo("Jasper's Market");
        LoggedRequest r = fake.rest().requests().get(0);
        assertThat(r.getUrl()).isEqualTo("/v26.0/" + FakeGraphApi.PHONE_NUMBER_ID + "?fields=verified_name");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    }

    @Test
    void rawCallsSendTheRequestAsGiven() {
        String path = "/v26.0/" + FakeGraphApi.PHONE_NUMBER_ID + "/register";
        fake.rest().wireMock().stubFor(WireMock.post(WireMock.urlPathEqualTo(path)).atPriority(1)
                .willReturn(WireMock.okJson("{\"success\":true}")));
        String json = "{\"messaging_product\":\"whatsapp\",\"pin\":\"123456\"}";
        client.call(RestRequest.post("/" + FakeGraphApi.PHONE_NUMBER_ID + "/register").jsonBody(Json.tree(json)).build());
        // a form body without parameters is still a form body
        client.call(RestRequest.post("/" + FakeGraphApi.PHONE_NUMBER_ID + "/register").formParam("unused", null).build());
        assertThat(fake.rest().requests()).hasSize(2);
        LoggedRequest sentJson = fake.rest().requests().get(0);
        assertThat(sentJson.getUrl()).isEqualTo(path);
        assertThat(sentJson.getBodyAsString()).isEqualTo(json);
        LoggedRequest sentForm = fake.rest().requests().get(1);
        assertThat(sentForm.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sentForm.getBodyAsString()).isEmpty();
        // the client has no signer: a request asking to be signed is refused, not sent unsigned
        assertThatThrownBy(() -> client.call(RestRequest.get("/" + FakeGraphApi.PHONE_NUMBER_ID).signed().build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no signer");
        assertThat(fake.rest().requests()).hasSize(2);
        assertThatThrownBy(() -> client.call(RestRequest.get(fake.baseUrl() + "/v26.0/1").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a URL");
    }

    @Test
    void answersThatDoNotFitTheTypeAreDecodeExceptionsNamingIt() {
        fake.rest().wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo("/v26.0/1234")).atPriority(1)
                .willReturn(WireMock.okJson("{\"id\":\"1234\",\"file_size\":\"many\"}")));
        assertThatThrownBy(() -> client.retrieveMedia("1234"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("whatsapp: cannot decode MediaInfo");
        fake.rest().wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo("/v26.0/" + FakeGraphApi.BUSINESS_ACCOUNT_ID
                + "/phone_numbers")).atPriority(1).willReturn(WireMock.okJson("{\"data\":[\"not an object\"]}")));
        assertThatThrownBy(() -> client.phoneNumbers(null))
                .isInstanceOf(DecodeException.class).hasMessageContaining("cannot decode PhoneNumber");
    }

    @Test
    void anotherApiVersionIsUsedInEveryPath() {
        try (WhatsAppClient v25 = WhatsAppClient.builder().baseUrl(fake.baseUrl()).accessToken(Secret.of(Fixtures.TOKEN))
                .phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID).apiVersion("v25.0").build()) {
            v25.send(Message.text("+16505551234", "hi"));
        }
        assertThat(fake.rest().requests().get(0).getUrl()).isEqualTo("/v25.0/" + FakeGraphApi.PHONE_NUMBER_ID + "/messages");
        assertThatThrownBy(() -> WhatsAppClient.builder().apiVersion("26")).isInstanceOf(IllegalArgumentException.class);
    }
}
