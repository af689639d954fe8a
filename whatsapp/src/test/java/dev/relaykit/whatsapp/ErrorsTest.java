package dev.relaykit.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.FakeGraphApi;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meta's errors map to typed exceptions; only rejections that can pass are retried; the token never shows. */
class ErrorsTest {
    static final String TO = "+16505551234";

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

    private static final Map<Integer, WhatsAppApiException.Kind> KINDS = Map.ofEntries(
            Map.entry(130429, WhatsAppApiException.Kind.THROUGHPUT_LIMIT),
            Map.entry(131056, WhatsAppApiException.Kind.PAIR_RATE_LIMIT),
            Map.entry(80007, WhatsAppApiException.Kind.BUSINESS_ACCOUNT_RATE_LIMIT),
            Map.entry(4, WhatsAppApiException.Kind.APP_RATE_LIMIT),
            Map.entry(613, WhatsAppApiException.Kind.APP_RATE_LIMIT),
            Map.entry(131048, WhatsAppApiException.Kind.SPAM_RATE_LIMIT),
            Map.entry(131047, WhatsAppApiException.Kind.REENGAGEMENT_REQUIRED),
            Map.entry(131026, WhatsAppApiException.Kind.UNDELIVERABLE),
            Map.entry(190, WhatsAppApiException.Kind.AUTHENTICATION),
            Map.entry(0, WhatsAppApiException.Kind.AUTHENTICATION),
            Map.entry(10, WhatsAppApiException.Kind.PERMISSION),
            Map.entry(131005, WhatsAppApiException.Kind.PERMISSION),
            Map.entry(100, WhatsAppApiException.Kind.INVALID_PARAMETER),
            Map.entry(131008, WhatsAppApiException.Kind.INVALID_PARAMETER),
            Map.entry(131009, WhatsAppApiException.Kind.INVALID_PARAMETER),
            Map.entry(131051, WhatsAppApiException.Kind.UNSUPPORTED_MESSAGE_TYPE),
            Map.entry(131052, WhatsAppApiException.Kind.MEDIA),
            Map.entry(131053, WhatsAppApiException.Kind.MEDIA),
            Map.entry(132000, WhatsAppApiException.Kind.TEMPLATE),
            Map.entry(132001, WhatsAppApiException.Kind.TEMPLATE),
            Map.entry(1, WhatsAppApiException.Kind.TRANSIENT),
            Map.entry(2, WhatsAppApiException.Kind.TRANSIENT),
            Map.entry(131000, WhatsAppApiException.Kind.TRANSIENT),
            Map.entry(131016, WhatsAppApiException.Kind.TRANSIENT));

    @Test
    void everyDocumentedCodeMapsToItsKindAndRetryability() {
        assertThat(fake.documentedErrorCodes()).containsExactlyInAnyOrderElementsOf(KINDS.keySet());
        try (WhatsAppClient once = Fixtures.client(fake, RetryPolicy.none())) {
            for (int code : fake.documentedErrorCodes()) {
                fake.failNextSend(code);
                WhatsAppApiException e = catchThrowableOfType(() -> once.send(Message.text(TO, "hi")), WhatsAppApiException.class);
                assertThat(e).as("code %d", code).isNotNull();
                assertThat(e.errorCode()).isEqualTo(code);
                assertThat(e.code()).isEqualTo(String.valueOf(code));
                assertThat(e.kind()).as("code %d", code).isEqualTo(KINDS.get(code));
                boolean retryable = switch (e.kind()) {
                    case THROUGHPUT_LIMIT, PAIR_RATE_LIMIT, BUSINESS_ACCOUNT_RATE_LIMIT, APP_RATE_LIMIT, TRANSIENT -> true;
                    default -> false;
                };
                assertThat(e.isRetryable()).as("code %d", code).isEqualTo(retryable);
                assertThat(e.type()).isEqualTo("OAuthException");
                assertThat(e.fbtraceId()).isNotBlank();
                assertThat(e.httpStatus()).isGreaterThanOrEqualTo(400);
            }
        }
        assertThat(fake.rest().requests()).hasSize(KINDS.size());
        assertThat(fake.sentMessages()).isEmpty();
    }

    @Test
    void metasDocumentedErrorExampleIsReadCompletely() {
        WhatsAppApiException e = WhatsAppApiException.parse(400, Fixtures.json("error-130429.json").toString());
        assertThat(e.errorCode()).isEqualTo(130429);
        assertThat(e.subcode()).isEqualTo(2494055);
        assertThat(e.serviceMessage()).isEqualTo("(#130429) Rate limit hit");
        assertThat(e.details()).isEqualTo("Message failed to send because there were too many messages sent from this phone number in a short period of time");
        assertThat(e.fbtraceId()).isEqualTo("Az8or2yhqkZfEZ-_4Qn_Bam");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("130429", "Rate limit hit", "too many messages", "THROUGHPUT_LIMIT", "Az8or2yhqkZfEZ-_4Qn_Bam");
        WhatsAppApiException flagged = WhatsAppApiException.parse(500,
                "{\"error\":{\"message\":\"x\",\"type\":\"OAuthException\",\"code\":99999,\"is_transient\":true}}");
        assertThat(flagged.kind()).isEqualTo(WhatsAppApiException.Kind.OTHER);
        assertThat(flagged.isRetryable()).isTrue();
        assertThat(WhatsAppApiException.parse(502, "<html>Bad gateway</html>")).isNull();
    }

    @Test
    void retryableRejectionsAreRetriedThenSucceed() {
        fake.failNextSend(130429).failNextSend(131000);
        SendResult r = client.send(Message.text(TO, "hi"));
        assertThat(r.messageId()).startsWith("wamid.");
        assertThat(fake.rest().requests()).hasSize(3);
        assertThat(fake.sentMessages()).hasSize(1);
    }

    @Test
    void retriesAreBounded() {
        fake.failNextSend(130429).failNextSend(130429).failNextSend(130429).failNextSend(130429);
        assertThatThrownBy(() -> client.send(Message.text(TO, "hi"))).isInstanceOf(WhatsAppApiException.class);
        assertThat(fake.rest().requests()).hasSize(3); // FAST: 3 attempts
    }

    @Test
    void nonRetryableRejectionsAreNotRetried() {
        fake.failNextSend(131047);
        assertThatThrownBy(() -> client.sendAsync(Message.text(TO, "hi")).join())
                .cause().isInstanceOf(WhatsAppApiException.class).hasMessageContaining("24 hours");
        assertThat(fake.rest().requests()).hasSize(1);
    }

    @Test
    void aSendWhoseConnectionDroppedIsNeverRetriedAndSaysTheOutcomeIsUnknown() {
        fake.dropNextSend();
        MessageOutcomeUnknownException e = catchThrowableOfType(
                () -> client.send(Message.text(TO, "Your payment of $20 was received")), MessageOutcomeUnknownException.class);
        assertThat(e).isNotNull().isInstanceOf(TransportException.class);
        assertThat(e.getMessage()).contains("outcome of sending a text message to " + TO + " is unknown", "not sent again");
        assertThat(fake.rest().requests()).hasSize(1);
        assertThat(fake.sentMessages()).isEmpty();

        fake.dropNextSend();
        assertThatThrownBy(() -> client.sendAsync(Message.text(TO, "again")).join())
                .cause().isInstanceOf(MessageOutcomeUnknownException.class);
        assertThat(fake.rest().requests()).hasSize(2);
    }

    @Test
    void aSendThatCouldNotConnectSaysNothingWasSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (WhatsAppClient closedPort = WhatsAppClient.builder().baseUrl("http://127.0.0.1:" + port)
                .accessToken(Secret.of(Fixtures.TOKEN)).phoneNumberId("1").retryPolicy(Fixtures.FAST).build()) {
            assertThatThrownBy(() -> closedPort.send(Message.text(TO, "hi")))
                    .isInstanceOf(TransportException.class).isNotInstanceOf(MessageOutcomeUnknownException.class);
        }
    }

    @Test
    void readsAreRetriedAfterServerErrorsAndDroppedConnections() {
        String path = "/v26.0/" + FakeGraphApi.PHONE_NUMBER_ID;
        fake.rest().wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo(path)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("dropped")
                .willReturn(WireMock.aResponse().withStatus(502).withBody("Bad Gateway")));
        fake.rest().wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo(path)).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("dropped").willSetStateTo("healthy")
                .willReturn(WireMock.aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        PhoneNumber number = client.phoneNumber();
        assertThat(number.verifiedName()).isEqualTo("Jasper's Market");
        assertThat(fake.rest().requests()).hasSize(3);
    }

    @Test
    void aGatewayErrorOnASendIsReportedAsUnknownOutcome() {
        fake.rest().wireMock().stubFor(WireMock.post(WireMock.urlPathMatching("/v26.0/[0-9]+/messages")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        assertThatThrownBy(() -> client.send(Message.text(TO, "hi"))).isInstanceOf(MessageOutcomeUnknownException.class)
                .hasMessageContaining("HTTP 502");
        assertThat(fake.rest().requests()).hasSize(1);
    }

    @Test
    void theTokenNeverAppearsInErrorsOrToString() {
        try (WhatsAppClient wrong = WhatsAppClient.builder().baseUrl(fake.baseUrl())
                .accessToken(Secret.of("EAAWrongToken999999")).phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID).build()) {
            WhatsAppApiException e = catchThrowableOfType(() -> wrong.send(Message.text(TO, "hi")), WhatsAppApiException.class);
            assertThat(e.kind()).isEqualTo(WhatsAppApiException.Kind.AUTHENTICATION);
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.toString()).doesNotContain("EAAWrongToken999999");
            assertThat(wrong.toString()).doesNotContain("EAAWrongToken999999");
        }
        // a server that echoes the token back: scrubbed from the exception
        var echo = fake.rest().wireMock().stubFor(WireMock.post(WireMock.urlPathMatching("/v26.0/[0-9]+/messages")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad token "
                        + Fixtures.TOKEN + "\",\"type\":\"OAuthException\",\"code\":190,\"error_data\":{\"details\":\"Bearer "
                        + Fixtures.TOKEN + "\"}}}")));
        WhatsAppApiException echoed = catchThrowableOfType(() -> client.send(Message.text(TO, "hi")), WhatsAppApiException.class);
        assertThat(echoed.getMessage()).contains("bad token").doesNotContain(Fixtures.TOKEN);
        assertThat(echoed.details()).doesNotContain(Fixtures.TOKEN);
        assertThat(client.toString()).doesNotContain(Fixtures.TOKEN).contains(FakeGraphApi.PHONE_NUMBER_ID, "v26.0");
        fake.rest().wireMock().removeStub(echo);
        fake.dropNextSend();
        MessageOutcomeUnknownException dropped = catchThrowableOfType(
                () -> client.send(Message.text(TO, "hi")), MessageOutcomeUnknownException.class);
        assertThat(dropped.toString()).doesNotContain(Fixtures.TOKEN);
        assertThat(dropped.getCause().toString()).doesNotContain(Fixtures.TOKEN);
    }
}
