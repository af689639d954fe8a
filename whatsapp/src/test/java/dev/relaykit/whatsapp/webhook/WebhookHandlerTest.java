package dev.relaykit.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.testkit.WhatsAppWebhookSender;
import dev.relaykit.testkit.WhatsAppWebhookSender.Payload;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import dev.relaykit.whatsapp.webhook.event.UnknownEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The framework-neutral handler, called directly. Listeners run on a direct executor (the calling
 * thread) unless a test needs real concurrency, so deliveries can be asserted right after
 * {@code handle} returns.
 */
class WebhookHandlerTest {
    static final Secret SECRET = Secret.of("test-app-secret");
    static final Secret VERIFY = Secret.of("my-verify-token");

    final List<WebhookEvent> delivered = new CopyOnWriteArrayList<>();
    final List<WebhookError> errors = new CopyOnWriteArrayList<>();
    final List<Object[]> failures = new CopyOnWriteArrayList<>();
    final List<WebhookHandler> toClose = new ArrayList<>();

    @AfterEach
    void closeHandlers() {
        toClose.forEach(WebhookHandler::close);
    }

    WebhookHandler.Builder builder() {
        return WebhookHandler.builder().appSecret(SECRET).verifyToken(VERIFY)
                .listener(delivered::add)
                .onError(errors::add)
                .onFailure((e, t) -> failures.add(new Object[] {e, t}))
                .executor(Runnable::run);
    }

    WebhookHandler handler() {
        return track(builder().build());
    }

    WebhookHandler track(WebhookHandler h) {
        toClose.add(h);
        return h;
    }

    static WebhookResponse post(WebhookHandler h, byte[] body, String signature) {
        return h.handle("POST", n -> null, Fixtures.header("x-hub-signature-256", signature),
                new ByteArrayInputStream(body), body.length);
    }

    static WebhookResponse postSigned(WebhookHandler h, byte[] body) {
        return post(h, body, WhatsAppWebhookSender.signatureHeader(body, SECRET));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ verification (GET)

    @Test
    void verificationEchoesTheChallengeForTheRightToken() {
        WebhookResponse r = handler().handle("GET", Fixtures.query(Map.of("hub.mode", "subscribe",
                "hub.verify_token", "my-verify-token", "hub.challenge", "1158201444")), n -> null, null, -1);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body()).isEqualTo("1158201444");
    }

    @Test
    void verificationWithAWrongTokenIsRefusedWithoutEchoingTheChallenge() {
        WebhookHandler h = handler();
        List<Map<String, String>> bad = List.of(
                Map.of("hub.mode", "subscribe", "hub.verify_token", "my-verify-tokeN", "hub.challenge", "42"),
                Map.of("hub.mode", "subscribe", "hub.verify_token", "my-verify-token-and-more", "hub.challenge", "42"),
                Map.of("hub.mode", "subscribe", "hub.verify_token", "", "hub.challenge", "42"),
                Map.of("hub.mode", "subscribe", "hub.challenge", "42"),
                Map.of("hub.mode", "unsubscribe", "hub.verify_token", "my-verify-token", "hub.challenge", "42"),
                Map.of("hub.verify_token", "my-verify-token", "hub.challenge", "42"),
                Map.of("hub.mode", "subscribe", "hub.verify_token", "my-verify-token"));
        for (Map<String, String> q : bad) {
            WebhookResponse r = h.handle("GET", Fixtures.query(q), n -> null, null, -1);
            assertThat(r.status()).as("%s", q).isEqualTo(403);
            assertThat(r.body()).as("%s", q).doesNotContain("42");
        }
        assertThat(errors).hasSize(bad.size()).allMatch(e -> e.kind() == WebhookError.Kind.VERIFICATION_FAILED)
                .noneMatch(e -> e.message().contains("my-verify-token"));
    }

    @Test
    void withoutAConfiguredVerifyTokenEveryVerificationIsRefused() {
        WebhookHandler h = track(WebhookHandler.builder().appSecret(SECRET).listener(delivered::add)
                .onError(errors::add).build());
        WebhookResponse r = h.handle("GET", Fixtures.query(Map.of("hub.mode", "subscribe",
                "hub.verify_token", "", "hub.challenge", "42")), n -> null, null, -1);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void otherMethodsAre405() {
        assertThat(handler().handle("PUT", n -> null, n -> null, new ByteArrayInputStream(new byte[0]), 0).status())
                .isEqualTo(405);
    }

    // ------------------------------------------------------------------ signatures

    @Test
    void aSignatureComputedIndependentlyWithOpensslIsAccepted() {
        // printf '%s' '{"object":"whatsapp_business_account","entry":[]}' | openssl dgst -sha256 -hmac 'test-app-secret'
        // SHA2-256(stdin)= c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc
        byte[] body = utf8("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
        WebhookResponse r = post(handler(), body,
                "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc");

        assertThat(r.status()).isEqualTo(200);
        assertThat(delivered).singleElement().isInstanceOf(UnknownEvent.class);
    }

    @Test
    void aDocumentedFixtureSignedWithOpensslIsAcceptedAndDecoded() {
        // openssl dgst -sha256 -hmac 'test-app-secret' < testkit/src/main/resources/relaykit/whatsapp/webhook/message-text.json
        // SHA2-256(stdin)= a0b920aa238bb2b2ae8a520acc96012071f452329ab312b098e170cea71e3ba5
        // (the fixture file's exact bytes; if the fixture is edited, recompute with the command above)
        WebhookResponse r = post(handler(), Fixtures.bytes("message-text"),
                "sha256=a0b920aa238bb2b2ae8a520acc96012071f452329ab312b098e170cea71e3ba5");

        assertThat(r.status()).isEqualTo(200);
        assertThat(delivered).singleElement().isInstanceOfSatisfying(MessageEvent.class,
                m -> assertThat(((MessageContent.Text) m.content()).body()).isEqualTo("Does it come in another color?"));
    }

    @Test
    void upperCaseHexIsTheSameSignature() {
        // openssl dgst -sha256 -hmac 'test-app-secret' < testkit/src/main/resources/relaykit/whatsapp/webhook/message-order.json
        // SHA2-256(stdin)= 028f1f49b0418653bcd82e31434a6bd1dba2c967f8befe2fb5f219547dca400e
        WebhookResponse r = post(handler(), Fixtures.bytes("message-order"),
                "sha256=" + "028f1f49b0418653bcd82e31434a6bd1dba2c967f8befe2fb5f219547dca400e".toUpperCase());
        assertThat(r.status()).isEqualTo(200);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefusedAndTheBodyIsNotParsed() {
        // printf '%s' '{"object":"whatsapp_business_account","entry":[]}' | openssl dgst -sha256 -hmac 'wrong-secret'
        // SHA2-256(stdin)= 046829d70038912fe3901ad7358a8defdc98bd8c9358b40845cf59aa39a2427c
        byte[] body = utf8("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
        WebhookResponse r = post(handler(), body,
                "sha256=046829d70038912fe3901ad7358a8defdc98bd8c9358b40845cf59aa39a2427c");

        assertThat(r.status()).isEqualTo(401);
        assertThat(delivered).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WebhookError.Kind.INVALID_SIGNATURE);
            assertThat(e.message()).contains("does not match").doesNotContain("046829d7").doesNotContain("test-app");
        });
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] original = Fixtures.bytes("message-order");
        String signature = WhatsAppWebhookSender.signatureHeader(original, SECRET);
        byte[] tampered = new String(original, StandardCharsets.UTF_8).replace("\"item_price\": 30", "\"item_price\": 3")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(original);

        assertThat(post(handler(), tampered, signature).status()).isEqualTo(401);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aMissingOrMalformedSignatureHeaderIsRefusedAndNeverParsesTheBody() {
        WebhookHandler h = handler();
        byte[] notJson = utf8("this is not JSON at all");
        String good = WhatsAppWebhookSender.signatureHeader(notJson, SECRET);
        String hex = good.substring("sha256=".length());
        List<String> bad = java.util.Arrays.asList(null, "", "   ", hex, "sha1=" + hex, "SHA256=" + hex,
                "sha256=" + hex.substring(1), "sha256=" + hex + "0", "sha256=" + hex.substring(2) + "zz",
                "sha256= " + hex.substring(1), "sha256=" + hex + "," + hex);
        for (String header : bad) {
            assertThat(post(h, notJson, header).status()).as("header %s", header).isEqualTo(401);
        }
        // a body that is not JSON, correctly signed, is a 400: so the 401s above were decided before parsing
        assertThat(post(h, notJson, good).status()).isEqualTo(400);
        assertThat(errors).filteredOn(e -> e.kind() == WebhookError.Kind.INVALID_SIGNATURE).hasSize(bad.size());
        assertThat(errors).filteredOn(e -> e.kind() == WebhookError.Kind.MALFORMED_PAYLOAD).hasSize(1);
        assertThat(delivered).isEmpty();
    }

    // ------------------------------------------------------------------ size limit

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        WebhookHandler h = track(builder().maxBodyBytes(1024).build());
        InputStream mustNotBeRead = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new AssertionError("the body was read");
            }
        };
        WebhookResponse r = h.handle("POST", n -> null, n -> "sha256=00", mustNotBeRead, 1025);

        assertThat(r.status()).isEqualTo(413);
        assertThat(errors).singleElement().matches(e -> e.kind() == WebhookError.Kind.BODY_TOO_LARGE);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileReadingWhenNoLengthIsDeclared() {
        WebhookHandler h = track(builder().maxBodyBytes(1024).build());
        CountingStream endless = new CountingStream();

        WebhookResponse r = h.handle("POST", n -> null, n -> null, endless, -1);

        assertThat(r.status()).isEqualTo(413);
        assertThat(endless.count).as("bytes read: at most the limit plus one").isLessThanOrEqualTo(1025);
    }

    @Test
    void aBodyLongerThanItsDeclaredLengthIsRefused() {
        WebhookHandler h = track(builder().maxBodyBytes(1024).build());
        WebhookResponse r = h.handle("POST", n -> null, n -> null, new CountingStream(), 100);
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        byte[] body = Fixtures.bytes("message-text");
        WebhookHandler h = track(builder().maxBodyBytes(body.length).build());
        assertThat(h.handle("POST", n -> null,
                Fixtures.header("X-Hub-Signature-256", WhatsAppWebhookSender.signatureHeader(body, SECRET)),
                new ByteArrayInputStream(body), -1).status()).isEqualTo(200);
        assertThat(delivered).hasSize(1);
    }

    /** An endless stream of spaces that counts what was read. */
    static final class CountingStream extends InputStream {
        long count;

        @Override
        public int read() {
            count++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            count += len;
            return len;
        }
    }

    // ------------------------------------------------------------------ payloads

    @Test
    void malformedJsonWithAGoodSignatureIs400AndReported() {
        for (String body : List.of("{\"object\":", "[1,2,3]", "\"text\"", "", "{\"object\":\"whatsapp_business_account\"} trailing")) {
            errors.clear();
            WebhookResponse r = postSigned(handler(), utf8(body));
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(errors).as(body).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(WebhookError.Kind.MALFORMED_PAYLOAD);
                assertThat(e.message()).contains("JSON");
            });
        }
        assertThat(delivered).isEmpty();
    }

    @Test
    void eachMessageIsDeliveredOnceEvenWhenPostedTwice() {
        WebhookHandler h = handler();
        byte[] body = utf8(Payload.text("16505551234", "hi").messageId("wamid.once").toJson());

        assertThat(postSigned(h, body).status()).isEqualTo(200);
        assertThat(postSigned(h, body).status()).isEqualTo(200);
        // the same message inside a different delivery (another field order, another batch) is still a duplicate
        byte[] batch = utf8(Payload.text("16505551234", "hi").messageId("wamid.once").toJson()
                .replace("\"messages\":[", "\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid.two\","
                        + "\"timestamp\":\"1749416384\",\"type\":\"text\",\"text\":{\"body\":\"second\"}},"));
        assertThat(postSigned(h, batch).status()).isEqualTo(200);

        assertThat(delivered).extracting(e -> ((MessageEvent) e).id()).containsExactly("wamid.once", "wamid.two");
    }

    @Test
    void statusesAreDeduplicatedByIdAndStatus() {
        WebhookHandler h = handler();
        for (String status : List.of("sent", "sent", "delivered", "read", "delivered", "read")) {
            assertThat(postSigned(h, utf8(Payload.status("wamid.out-1", status).toJson())).status()).isEqualTo(200);
        }
        assertThat(delivered).extracting(e -> ((StatusEvent) e).statusValue()).containsExactly("sent", "delivered", "read");
    }

    @Test
    void deduplicationForgetsAfterItsWindowAndBeyondItsCapacity() {
        AtomicLong now = new AtomicLong();
        WebhookHandler h = track(builder().deduplication(2, Duration.ofMinutes(10)).nanoClock(now::get).build());
        byte[] a = utf8(Payload.text("1", "a").messageId("wamid.a").toJson());
        byte[] b = utf8(Payload.text("1", "b").messageId("wamid.b").toJson());
        byte[] c = utf8(Payload.text("1", "c").messageId("wamid.c").toJson());

        postSigned(h, a);
        postSigned(h, a);                                  // duplicate
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        postSigned(h, a);                                  // window passed: delivered again
        postSigned(h, b);
        postSigned(h, c);                                  // capacity 2: 'a' is evicted
        postSigned(h, a);
        postSigned(h, c);                                  // still remembered

        assertThat(delivered).extracting(e -> ((MessageEvent) e).id())
                .containsExactly("wamid.a", "wamid.a", "wamid.b", "wamid.c", "wamid.a");
    }

    @Test
    void unknownEventsAreAlwaysDelivered() {
        WebhookHandler h = handler();
        byte[] body = Fixtures.bytes("change-user-preferences");
        postSigned(h, body);
        postSigned(h, body);
        assertThat(delivered).hasSize(2).allMatch(e -> e instanceof UnknownEvent u && "user_preferences".equals(u.field()));
    }

    // ------------------------------------------------------------------ ids that are not strings (issue #10, item 5)

    /** Meta's documented text message with the message's (or the status's) id replaced by {@code id}. */
    static byte[] withId(String fixture, String array, JsonNode id) {
        try {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(fixture));
            ObjectNode item = (ObjectNode) root.path("entry").path(0).path("changes").path(0).path("value").path(array).path(0);
            if (id == null) {
                item.remove("id");
            } else {
                item.set("id", id);
            }
            return Json.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMessageWithANumericIdIsRefusedAsMalformedEachTimeItIsPosted() {
        WebhookHandler h = handler();
        byte[] body = withId("message-text", "messages", IntNode.valueOf(12345));

        assertThat(postSigned(h, body).status()).isEqualTo(400);
        assertThat(postSigned(h, body).status()).isEqualTo(400); // the duplicate: refused too, never delivered
        assertThat(delivered).isEmpty();
        assertThat(errors).hasSize(2).allMatch(e -> e.kind() == WebhookError.Kind.MALFORMED_PAYLOAD)
                .allMatch(e -> e.message().contains("a JSON number, not a string"))
                .noneMatch(e -> e.message().contains("12345"));
    }

    @Test
    void aMessageWithAnObjectOrNoOrAnEmptyIdIsRefusedAsMalformedAndNotDelivered() {
        WebhookHandler h = handler();
        ObjectNode objectId = Json.mapper().createObjectNode().put("wamid", "HBgL");
        for (JsonNode id : java.util.Arrays.asList(objectId, null, TextNode.valueOf(""),
                Json.mapper().createArrayNode().add("x"), com.fasterxml.jackson.databind.node.NullNode.getInstance())) {
            byte[] body = withId("message-text", "messages", id);
            assertThat(postSigned(h, body).status()).as("id %s", id).isEqualTo(400);
            assertThat(postSigned(h, body).status()).as("id %s, again", id).isEqualTo(400);
        }
        assertThat(delivered).isEmpty();
        assertThat(errors).hasSize(10).allMatch(e -> e.kind() == WebhookError.Kind.MALFORMED_PAYLOAD);
    }

    @Test
    void aStatusWithAnObjectIdIsRefusedAsMalformed() {
        WebhookHandler h = handler();
        byte[] body = withId("status-read", "statuses", Json.mapper().createObjectNode().put("a", 1));
        assertThat(postSigned(h, body).status()).isEqualTo(400);
        assertThat(delivered).isEmpty();
        assertThat(postSigned(h, Fixtures.bytes("status-read")).status()).isEqualTo(200);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void oneBadIdRefusesTheWholeDeliverySoARedeliveryIsNotTakenForADuplicate() {
        WebhookHandler h = handler();
        String good = Payload.text("491701234567", "first").messageId("wamid.good").toJson();
        ObjectNode root;
        try {
            root = (ObjectNode) Json.mapper().readTree(good);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ArrayNode messages = (ArrayNode) root.path("entry").path(0).path("changes").path(0).path("value").path("messages");
        messages.add(((ObjectNode) messages.get(0).deepCopy()).put("id", 7));

        assertThat(postSigned(h, utf8(root.toString())).status()).isEqualTo(400);
        assertThat(delivered).isEmpty();
        assertThat(postSigned(h, utf8(good)).status()).isEqualTo(200); // not claimed by the refused delivery
        assertThat(delivered).singleElement().matches(e -> "wamid.good".equals(((MessageEvent) e).id()));
    }

    @Test
    void theVerificationEchoIsPlainTextWithNosniffAndCappedAt256Characters() {
        WebhookHandler h = handler();
        String longest = "7".repeat(WebhookHandler.MAX_CHALLENGE_LENGTH);
        WebhookResponse ok = h.handle("GET", Fixtures.query(Map.of("hub.mode", "subscribe",
                "hub.verify_token", "my-verify-token", "hub.challenge", longest)), n -> null, null, -1);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(longest);
        assertThat(ok.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(ok.header("X-Content-Type-Options")).isEqualTo("nosniff");

        String html = "<html><script>alert(1)</script>" + "x".repeat(WebhookHandler.MAX_CHALLENGE_LENGTH);
        WebhookResponse tooLong = h.handle("GET", Fixtures.query(Map.of("hub.mode", "subscribe",
                "hub.verify_token", "my-verify-token", "hub.challenge", html)), n -> null, null, -1);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain("<html>").contains("256");
        assertThat(tooLong.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(errors).singleElement().matches(e -> e.kind() == WebhookError.Kind.VERIFICATION_FAILED)
                .matches(e -> !e.message().contains("<html>"));
    }

    // ------------------------------------------------------------------ listener failures, mark as read

    @Test
    void aThrowingListenerHandsTheEventToTheFailureCallbackAndLaterEventsStillArrive() {
        WebhookHandler h = track(builder().listener(e -> {
            if (e instanceof MessageEvent m && "wamid.boom".equals(m.id())) {
                throw new IllegalStateException("listener bug");
            }
            delivered.add(e);
        }).build());

        assertThat(postSigned(h, utf8(Payload.text("1", "x").messageId("wamid.boom").toJson())).status()).isEqualTo(200);
        assertThat(postSigned(h, utf8(Payload.text("1", "y").messageId("wamid.fine").toJson())).status()).isEqualTo(200);

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(((MessageEvent) f[0]).id()).isEqualTo("wamid.boom");
            assertThat((Throwable) f[1]).hasMessage("listener bug");
        });
        assertThat(delivered).extracting(e -> ((MessageEvent) e).id()).containsExactly("wamid.fine");
    }

    @Test
    void markAsReadIsCalledWithThePhoneNumberIdAndMessageIdOfEachNewMessage() {
        List<String> calls = new CopyOnWriteArrayList<>();
        WebhookHandler h = track(builder().markAsRead((phoneNumberId, messageId) -> {
            calls.add(phoneNumberId + "/" + messageId);
            return CompletableFuture.completedFuture(null);
        }).build());

        postSigned(h, Fixtures.bytes("message-image"));
        postSigned(h, Fixtures.bytes("message-image"));            // duplicate: not again
        postSigned(h, Fixtures.bytes("message-system"));           // system messages are not marked
        postSigned(h, Fixtures.bytes("status-read"));              // statuses are not messages
        postSigned(h, utf8(Payload.fixture("message-button").phoneNumberId("999").messageId("wamid.btn").toJson()));

        assertThat(calls).containsExactly(
                "106540352242922/wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                "999/wamid.btn");
        assertThat(errors).isEmpty();
    }

    @Test
    void markAsReadFailuresGoToTheErrorCallbackAndTheMessageIsStillDelivered() {
        WebhookHandler h = track(builder().markAsRead((p, m) -> "wamid.sync".equals(m)
                ? failSynchronously()
                : CompletableFuture.failedFuture(new IOException("Graph API said no"))).build());

        postSigned(h, utf8(Payload.text("1", "a").messageId("wamid.async").toJson()));
        postSigned(h, utf8(Payload.text("1", "b").messageId("wamid.sync").toJson()));

        assertThat(delivered).hasSize(2);
        assertThat(errors).hasSize(2).allMatch(e -> e.kind() == WebhookError.Kind.MARK_AS_READ_FAILED);
        assertThat(errors).extracting(e -> ((MessageEvent) e.event()).id()).containsExactly("wamid.async", "wamid.sync");
        assertThat(errors.get(0).cause()).isInstanceOf(IOException.class).hasMessage("Graph API said no");
    }

    private static CompletableFuture<Void> failSynchronously() {
        throw new IllegalStateException("client closed");
    }

    // ------------------------------------------------------------------ asynchronous delivery

    @Test
    void theDefaultPoolAcknowledgesBeforeTheListenerRunsAndKeepsPerSenderOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(40);
        WebhookHandler h = track(WebhookHandler.builder().appSecret(SECRET).listener(e -> {
            release.await();
            MessageEvent m = (MessageEvent) e;
            order.add(m.from() + ":" + m.id());
            all.countDown();
        }).build());

        for (int i = 0; i < 20; i++) {
            for (String from : List.of("111", "222")) {
                byte[] body = utf8(Payload.text(from, "n" + i).messageId(from + "-" + i).toJson());
                assertThat(postSigned(h, body).status()).isEqualTo(200); // answered while the listener is blocked
            }
        }
        release.countDown();
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();

        for (String from : List.of("111", "222")) {
            List<String> mine = order.stream().filter(s -> s.startsWith(from + ":")).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(from + ":" + from + "-" + i);
            }
            assertThat(mine).isEqualTo(expected);
        }
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("relaykit-wa-webhook-"));
    }

    @Test
    void whenTooManyEventsWaitTheDeliveryIsRefusedWith503AndAcceptedWhenRedelivered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            WebhookHandler h = track(builder().executor(pool).maxPendingEvents(1).listener(e -> {
                release.await();
                delivered.add(e);
            }).build());
            byte[] first = utf8(Payload.text("1", "a").messageId("wamid.1").toJson());
            byte[] second = utf8(Payload.text("2", "b").messageId("wamid.2").toJson());

            assertThat(postSigned(h, first).status()).isEqualTo(200);
            assertThat(postSigned(h, second).status()).isEqualTo(503);
            assertThat(errors).singleElement().matches(e -> e.kind() == WebhookError.Kind.OVERLOADED);
            release.countDown();
            // Meta retries a 503; once the first event is done the retry is accepted (not taken for a duplicate)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int status;
            do {
                Thread.sleep(5);
                status = postSigned(h, second).status();
            } while (status == 503 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(200);
            h.close();
            assertThat(delivered).extracting(e -> ((MessageEvent) e).id()).containsExactly("wamid.1", "wamid.2");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRefusesGives503AndNothingIsMarkedAsSeen() {
        boolean[] refuse = {true};
        WebhookHandler h = track(builder().executor(r -> {
            if (refuse[0]) {
                throw new RejectedExecutionException("full");
            }
            r.run();
        }).build());
        byte[] body = Fixtures.bytes("message-video");

        assertThat(postSigned(h, body).status()).isEqualTo(503);
        refuse[0] = false;
        assertThat(postSigned(h, body).status()).isEqualTo(200);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void closeDeliversWhatIsQueuedAndThenRefusesWith503() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        WebhookHandler h = WebhookHandler.builder().appSecret(SECRET).listener(e -> {
            started.countDown();
            Thread.sleep(50);
            delivered.add(e);
        }).build();
        for (int i = 0; i < 5; i++) {
            postSigned(h, utf8(Payload.text("1", "m").messageId("wamid.q" + i).toJson()));
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        h.close();

        assertThat(delivered).hasSize(5);
        assertThat(postSigned(h, utf8(Payload.text("1", "late").messageId("wamid.late").toJson())).status())
                .isEqualTo(503);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().matches("relaykit-wa-webhook-\\d+")) {
                t.join(5000);
                assertThat(t.isAlive()).as(t.getName()).isFalse();
            }
        }
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHandler.builder().listener(e -> { }).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appSecret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHandler.builder().appSecret(SECRET).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("listener");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHandler.builder().appSecret(Secret.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appSecret is empty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHandler.builder().maxBodyBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBodyBytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookHandler.builder().deduplication(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
