package dev.relaykit.pusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.testsupport.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PusherClient} against a Pusher-protocol script and a docs-shaped auth endpoint, over loopback. */
class PusherClientTest {
    private FakePusher server;
    private AuthServer auth;
    private final List<PusherClient> clients = new ArrayList<>();
    private final BlockingQueue<PusherException> errors = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakePusher();
        auth = new AuthServer(server.signer);
    }

    @AfterEach
    void stop() {
        clients.forEach(PusherClient::close);
        auth.close();
        server.close();
    }

    private PusherClient client(PusherClient.Builder b) {
        PusherClient c = b.build();
        c.onError(errors::add);
        clients.add(c);
        return c;
    }

    private PusherClient.Builder withAuth() {
        AtomicInteger n = new AtomicInteger();
        return server.client()
                .channelAuthorizer(ChannelAuthorizer.http(HttpAuthEndpoint.builder(auth.url())
                        .headers(() -> Map.of("Authorization", "Bearer t-" + n.incrementAndGet()))
                        .param("team", "blue").build()))
                .userAuthenticator(UserAuthenticator.http(HttpAuthEndpoint.builder(auth.url()).build()));
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        Await.until(condition, Duration.ofSeconds(10), what);
    }

    private <T extends PusherException> T awaitError(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PusherException e = errors.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " reported");
    }

    private static Throwable cause(Throwable t) {
        return t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
    }

    @Test
    void publicChannelEndToEnd() throws Exception {
        PusherClient c = client(server.client());
        c.connect().get(10, TimeUnit.SECONDS);
        assertThat(c.state()).isEqualTo(PusherConnectionState.CONNECTED);
        assertThat(c.socketId()).isEqualTo("1.1001");
        assertThat(server.ws.handshakes().get(0).path())
                .startsWith("/app/" + FakePusher.KEY + "?protocol=7&client=relaykit-java&version=");

        BlockingQueue<PusherEvent> got = new LinkedBlockingQueue<>();
        BlockingQueue<PusherEvent> global = new LinkedBlockingQueue<>();
        PusherChannel news = c.channel("news");
        Binding b = news.bind("headline", got::add);
        c.bind("headline", global::add);
        news.subscribe().get(10, TimeUnit.SECONDS);
        assertThat(news.isSubscribed()).isTrue();
        assertThat(server.subscribes).singleElement().satisfies(s -> assertThat(s.auth()).isNull());

        server.ws.broadcast(FakePusher.frame("headline", "news", "{\"title\":\"hi\"}"));
        server.ws.broadcast(FakePusher.frame("pusher_internal:subscription_count", "news", "{\"subscription_count\":3}"));
        PusherEvent e = got.poll(10, TimeUnit.SECONDS);
        assertThat(e.json().get("title").asText()).isEqualTo("hi");
        assertThat(global.poll(10, TimeUnit.SECONDS).channel()).isEqualTo("news");
        await(() -> news.subscriptionCount().isPresent(), "subscription count");
        assertThat(news.subscriptionCount().getAsInt()).isEqualTo(3);

        b.unbind();
        server.ws.broadcast(FakePusher.frame("headline", "news", "{\"title\":\"again\"}"));
        assertThat(global.poll(10, TimeUnit.SECONDS).data()).contains("again");
        assertThat(got).isEmpty(); // the channel listener was unbound before the second headline
    }

    @Test
    void privateAndPresenceThroughTheAuthEndpointWithMembersInOrder() throws Exception {
        server.presenceMembers.put("bob", "{\"name\":\"Bob\"}");
        PusherClient c = client(withAuth());
        c.connect().get(10, TimeUnit.SECONDS);
        c.subscribe("private-orders").get(10, TimeUnit.SECONDS);
        // what pusher-js sends: a form with socket_id and channel_name, plus the configured params and headers
        assertThat(auth.forms.get(0)).containsEntry("socket_id", "1.1001").containsEntry("channel_name", "private-orders")
                .containsEntry("team", "blue");
        assertThat(auth.authorizationHeaders.get(0)).isEqualTo("Bearer t-1");

        PresenceChannel room = c.presenceChannel("presence-room");
        List<String> order = new CopyOnWriteArrayList<>();
        room.onMemberAdded(m -> order.add("+" + m.id()));
        room.onMemberRemoved(m -> order.add("-" + m.id()));
        room.subscribe().get(10, TimeUnit.SECONDS);
        assertThat(auth.authorizationHeaders.get(1)).isEqualTo("Bearer t-2"); // headers asked anew per request
        assertThat(room.members()).extracting(Member::id).containsExactly("bob", "ann");
        assertThat(room.me()).get().satisfies(m -> assertThat(m.info().get("name").asText()).isEqualTo("Ann"));

        server.ws.broadcast(FakePusher.frame("pusher_internal:member_added", "presence-room",
                "{\"user_id\":\"cid\",\"user_info\":{\"name\":\"Cid\"}}"));
        server.ws.broadcast(FakePusher.frame("pusher_internal:member_removed", "presence-room", "{\"user_id\":\"bob\"}"));
        server.ws.broadcast(FakePusher.frame("pusher_internal:member_added", "presence-room", "{\"user_id\":\"dee\"}"));
        server.ws.broadcast(FakePusher.frame("pusher_internal:member_removed", "presence-room", "{\"user_id\":\"cid\"}"));
        await(() -> order.size() == 4, "four member changes");
        assertThat(order).containsExactly("+cid", "-bob", "+dee", "-cid");
        assertThat(room.members()).extracting(Member::id).containsExactly("ann", "dee");

        // a client event on a presence channel carries the sender's user id
        BlockingQueue<PusherEvent> typing = new LinkedBlockingQueue<>();
        room.bind("client-typing", typing::add);
        server.ws.broadcast("{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":{\"on\":true},\"user_id\":\"dee\"}");
        assertThat(typing.poll(10, TimeUnit.SECONDS).userId()).isEqualTo("dee");
    }

    @Test
    void encryptedChannelDecryptsAndATamperedMessageGetsOneFreshAuthThenAnError() throws Exception {
        PusherClient c = client(withAuth());
        c.connect().get(10, TimeUnit.SECONDS);
        String name = "private-encrypted-vault";
        PusherChannel vault = c.channel(name);
        BlockingQueue<PusherEvent> got = new LinkedBlockingQueue<>();
        vault.bind("secret", got::add);
        vault.subscribe().get(10, TimeUnit.SECONDS);
        byte[] key = EncryptedChannels.sharedSecret(name, auth.masterKey);

        EncryptedChannels.Payload p = EncryptedChannels.encrypt(key, "{\"code\":1234}");
        server.ws.broadcast(FakePusher.frame("secret", name, "{\"nonce\":\"" + p.nonce() + "\",\"ciphertext\":\""
                + p.ciphertext() + "\"}"));
        assertThat(got.poll(10, TimeUnit.SECONDS).data()).isEqualTo("{\"code\":1234}");
        int before = auth.requests.get();

        byte[] ct = java.util.Base64.getDecoder().decode(p.ciphertext());
        ct[ct.length - 1] ^= 1; // one flipped bit
        server.ws.broadcast(FakePusher.frame("secret", name, "{\"nonce\":\"" + p.nonce() + "\",\"ciphertext\":\""
                + java.util.Base64.getEncoder().encodeToString(ct) + "\"}"));
        DecryptionException e = awaitError(DecryptionException.class);
        assertThat(e.channel()).isEqualTo(name);
        assertThat(auth.requests.get() - before).isEqualTo(1); // exactly one fresh authorization first
        assertThat(got).isEmpty();
        assertThatThrownBy(() -> vault.trigger("client-x", "{}")).isInstanceOf(ClientEventException.class)
                .hasMessageContaining("private-encrypted");
    }

    @Test
    void aRotatedSharedSecretIsFetchedOnceAndTheMessageDelivered() throws Exception {
        auth.wrongSecretAnswers = 1; // the first authorization carries a stale key
        PusherClient c = client(withAuth());
        c.connect().get(10, TimeUnit.SECONDS);
        String name = "private-encrypted-rotating";
        PusherChannel ch = c.channel(name);
        BlockingQueue<PusherEvent> got = new LinkedBlockingQueue<>();
        ch.bind("m", got::add);
        ch.subscribe().get(10, TimeUnit.SECONDS);
        byte[] key = EncryptedChannels.sharedSecret(name, auth.masterKey);
        for (String text : List.of("one", "two")) {
            EncryptedChannels.Payload p = EncryptedChannels.encrypt(key, text);
            server.ws.broadcast(FakePusher.frame("m", name, "{\"nonce\":\"" + p.nonce() + "\",\"ciphertext\":\""
                    + p.ciphertext() + "\"}"));
        }
        assertThat(got.poll(10, TimeUnit.SECONDS).data()).isEqualTo("one");
        assertThat(got.poll(10, TimeUnit.SECONDS).data()).isEqualTo("two"); // held in order behind the re-auth
        assertThat(auth.requests.get()).isEqualTo(2);
    }

    @Test
    void cacheChannelsReplayTheLastEventOrSayCacheMiss() throws Exception {
        server.cacheLast.put("cache-prices", FakePusher.frame("price", "cache-prices", "{\"p\":\"101.5\"}"));
        PusherClient c = client(server.client());
        c.connect().get(10, TimeUnit.SECONDS);
        BlockingQueue<PusherEvent> prices = new LinkedBlockingQueue<>();
        PusherChannel hit = c.channel("cache-prices");
        hit.bind("price", prices::add);
        hit.subscribe().get(10, TimeUnit.SECONDS);
        assertThat(hit.isCache()).isTrue();
        assertThat(prices.poll(10, TimeUnit.SECONDS).data()).contains("101.5");

        BlockingQueue<PusherEvent> misses = new LinkedBlockingQueue<>();
        PusherChannel miss = c.channel("cache-empty");
        miss.bind("pusher:cache_miss", misses::add);
        miss.subscribe().get(10, TimeUnit.SECONDS);
        assertThat(misses.poll(10, TimeUnit.SECONDS).channel()).isEqualTo("cache-empty");
    }

    @Test
    void afterADropEveryChannelIsResubscribedWithFreshAuthAndSigninIsRedone() throws Exception {
        PusherClient c = client(withAuth().reconnect(ReconnectPolicy.linear(Duration.ofMillis(50),
                Duration.ZERO, Duration.ofMillis(50))));
        List<PusherStateChange> states = new CopyOnWriteArrayList<>();
        c.onStateChange(states::add);
        c.connect().get(10, TimeUnit.SECONDS);
        c.subscribe("news").get(10, TimeUnit.SECONDS);
        c.subscribe("private-a").get(10, TimeUnit.SECONDS);
        c.subscribePresence("presence-b").get(10, TimeUnit.SECONDS);
        c.user().signin().get(10, TimeUnit.SECONDS);
        assertThat(c.user().userData().get("id").asText()).isEqualTo("ann");

        server.ws.dropAll();
        await(() -> server.subscribes.stream().filter(s -> s.socketId().equals("2.1002")).count() == 4
                && server.signins.contains("2.1002"), "re-subscription on the second connection");
        assertThat(c.socketId()).isEqualTo("2.1002");
        for (FakePusher.Subscribe s : server.subscribes) {
            if (s.channel().equals("private-a")) {
                // the signature covers the connection's own socket id: fresh auth per connection
                assertThat(s.auth()).isEqualTo(server.signer.authorizeChannel(s.socketId(), "private-a"));
            }
        }
        assertThat(auth.forms).filteredOn(f -> "2.1002".equals(f.get("socket_id"))).extracting(f -> f.get("channel_name"))
                .containsExactlyInAnyOrder("private-a", "presence-b", null);
        assertThat(server.subscribes).filteredOn(s -> s.socketId().equals("2.1002")).extracting(FakePusher.Subscribe::channel)
                .contains("#server-to-user-ann");
        await(() -> c.findChannel("private-a").orElseThrow().isSubscribed(), "private-a subscribed again");
        assertThat(states).extracting(PusherStateChange::current).containsSubsequence(PusherConnectionState.CONNECTED,
                PusherConnectionState.UNAVAILABLE, PusherConnectionState.CONNECTING, PusherConnectionState.CONNECTED);
    }

    @Test
    void closeCode4001StopsWithATypedReasonAndNeverReconnects() throws Exception {
        PusherClient c = client(server.client().reconnect(ReconnectPolicy.linear(Duration.ofMillis(10),
                Duration.ZERO, Duration.ofMillis(10))));
        c.connect().get(10, TimeUnit.SECONDS);
        server.ws.awaitClient(Duration.ofSeconds(10)).close(4001, "App key does not exist");
        ConnectionRefusedException e = awaitError(ConnectionRefusedException.class);
        assertThat(e.code()).isEqualTo(4001);
        assertThat(e.getMessage()).contains("application does not exist").contains("App key does not exist");
        await(() -> c.state() == PusherConnectionState.FAILED, "FAILED");
        Thread.sleep(300); // a 10 ms policy would have come back by now
        assertThat(server.ws.connectionCount()).isEqualTo(1);
        assertThatThrownBy(() -> c.subscribe("news").get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(PusherException.class);
    }

    @Test
    void closeCodes4200AndUpReconnectAtOnceWhile4100And1002BackOff() throws Exception {
        PusherClient c = client(server.client().reconnect(ReconnectPolicy.linear(Duration.ofSeconds(2),
                Duration.ZERO, Duration.ofSeconds(2))));
        c.connect().get(10, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        server.ws.awaitClient(Duration.ofSeconds(10)).close(4200, "Generic reconnect immediately");
        await(() -> server.ws.connectionCount() == 2, "immediate reconnect");
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(1500)); // not the 2 s back-off
        await(() -> c.state() == PusherConnectionState.CONNECTED, "connected again");

        for (int code : new int[] {4100, 1002}) {
            int before = server.ws.connectionCount();
            long t = System.nanoTime();
            server.ws.awaitClient(Duration.ofSeconds(10)).close(code, "back off");
            await(() -> server.ws.connectionCount() == before + 1, "reconnect after back-off");
            assertThat(System.nanoTime() - t).as("close %d", code).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1900));
            await(() -> c.state() == PusherConnectionState.CONNECTED, "connected again");
        }
    }

    @Test
    void closeCode4000SwitchesToTls() throws Exception {
        PusherClient c = client(server.client().reconnect(ReconnectPolicy.none()));
        c.connect().get(10, TimeUnit.SECONDS);
        assertThat(c.usesTls()).isFalse();
        server.ws.awaitClient(Duration.ofSeconds(10)).close(4000, "Application only accepts SSL connections");
        await(c::usesTls, "TLS on");
    }

    @Test
    void authEndpointRefusingOrDownIsATypedErrorWithItsStatus() throws Exception {
        auth.refuseWith = 403;
        PusherClient c = client(withAuth());
        c.connect().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> c.subscribe("private-x").get(10, TimeUnit.SECONDS))
                .satisfies(t -> assertThat(cause(t)).isInstanceOfSatisfying(AuthorizationException.class, a -> {
                    assertThat(a.httpStatus()).isEqualTo(403);
                    assertThat(a.channel()).isEqualTo("private-x");
                }));
        auth.close(); // now nobody listens there
        assertThatThrownBy(() -> c.subscribe("private-y").get(10, TimeUnit.SECONDS))
                .satisfies(t -> assertThat(cause(t)).isInstanceOfSatisfying(AuthorizationException.class, a -> {
                    assertThat(a.httpStatus()).isZero();
                    assertThat(a.getMessage()).contains("unreachable");
                }));
        assertThat(c.state()).isEqualTo(PusherConnectionState.CONNECTED);
    }

    @Test
    void subscriptionErrorsAndInvalidSignatureErrorsFailTheSubscriptionAndKeepTheConnection() throws Exception {
        PusherClient c = client(server.client().channelAuthorizer((sid, ch) ->
                java.util.concurrent.CompletableFuture.completedFuture(new ChannelAuthorizer.Auth(FakePusher.KEY + ":bad", null, null))));
        c.connect().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> c.subscribe("private-x").get(10, TimeUnit.SECONDS))
                .satisfies(t -> assertThat(cause(t)).isInstanceOfSatisfying(SubscriptionException.class,
                        s -> assertThat(s.status()).isEqualTo(401)));
        // Pusher's own service: pusher:error, code null, naming the channel
        server.answerSubscribes = false;
        var f = c.subscribe("private-z");
        await(() -> server.subscribes.stream().anyMatch(s -> s.channel().equals("private-z")), "subscribe sent");
        server.ws.broadcast("{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"Invalid signature: "
                + "Expected HMAC SHA256 hex digest of 1.1001:private-z, but got bad\"}}");
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .satisfies(t -> assertThat(cause(t)).isInstanceOfSatisfying(SubscriptionException.class,
                        s -> assertThat(s.channel()).isEqualTo("private-z")));
        server.ws.broadcast("{\"event\":\"pusher:error\",\"data\":{\"code\":4301,\"message\":\"Client event rejected\"}}");
        assertThat(awaitError(PusherErrorException.class).code()).isEqualTo(4301);
        assertThat(c.state()).isEqualTo(PusherConnectionState.CONNECTED);
        assertThat(server.ws.connectionCount()).isEqualTo(1);
    }

    @Test
    void malformedFramesAreReportedAndTheConnectionKept() throws Exception {
        PusherClient c = client(server.client());
        c.connect().get(10, TimeUnit.SECONDS);
        BlockingQueue<PusherEvent> got = new LinkedBlockingQueue<>();
        c.channel("news").bind("ok", got::add);
        c.subscribe("news").get(10, TimeUnit.SECONDS);
        server.ws.broadcast("not json {");
        assertThat(awaitError(MalformedFrameException.class).frame()).isEqualTo("not json {");
        server.ws.broadcast("{\"channel\":\"news\"}");
        assertThat(awaitError(MalformedFrameException.class).getMessage()).contains("without an event name");
        server.ws.broadcast(FakePusher.frame("ok", "news", "{}"));
        assertThat(got.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.ws.connectionCount()).isEqualTo(1);
    }

    @Test
    void clientEventsAreRefusedOnPublicChannelsAndPacedToTenPerSecondWithoutLoss() throws Exception {
        PusherClient c = client(withAuth());
        c.connect().get(10, TimeUnit.SECONDS);
        PusherChannel pub = c.subscribe("news").get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> pub.trigger("client-x", Map.of()))
                .isInstanceOf(ClientEventException.class).hasMessageContaining("news is public");
        PusherChannel priv = c.subscribe("private-chat").get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> priv.trigger("typing", Map.of())).isInstanceOf(ClientEventException.class);

        int n = 25;
        List<java.util.concurrent.CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(priv.trigger("client-n", Map.of("i", i)));
        }
        java.util.concurrent.CompletableFuture.allOf(sent.toArray(new java.util.concurrent.CompletableFuture[0]))
                .get(20, TimeUnit.SECONDS);
        await(() -> server.clientEvents.size() == n, "all client events at the server");
        List<FakePusher.ClientEvent> evs = server.clientEvents;
        for (int i = 0; i < n; i++) {
            assertThat(evs.get(i).data()).isEqualTo("{\"i\":" + i + "}"); // in order, none dropped
        }
        for (int i = 0; i + 10 < n; i++) {
            // no one-second span holds 11 of them
            assertThat(evs.get(i + 10).atNanos() - evs.get(i).atNanos()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1000));
        }
    }

    @Test
    void pingsBothWaysAndASilentServerIsLeftForANewConnection() throws Exception {
        PusherClient c = client(server.client().activityTimeout(Duration.ofMillis(400)).pongTimeout(Duration.ofMillis(300))
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50))));
        c.connect().get(10, TimeUnit.SECONDS);
        server.ws.broadcast("{\"event\":\"pusher:ping\",\"data\":{}}");
        await(() -> !server.pongs.isEmpty(), "pusher:pong from the client");
        await(() -> !server.pings.isEmpty(), "pusher:ping from the idle client"); // answered: the connection stays
        assertThat(server.ws.connectionCount()).isEqualTo(1);
        server.answerPings = false;
        server.ws.withholdPongs(true);
        await(() -> server.ws.connectionCount() >= 2, "a new connection after no pong");
    }

    @Test
    void aSubscriptionWithoutAnswerTimesOut() throws Exception {
        server.answerSubscribes = false;
        PusherClient c = client(server.client().subscribeTimeout(Duration.ofMillis(300)));
        c.connect().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> c.subscribe("news").get(10, TimeUnit.SECONDS))
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(PusherTimeoutException.class).hasMessageContaining("news"));
    }

    @Test
    void signinDeliversUserEventsAndWatchlistEvents() throws Exception {
        PusherClient c = client(withAuth());
        c.connect().get(10, TimeUnit.SECONDS);
        BlockingQueue<PusherEvent> mine = new LinkedBlockingQueue<>();
        BlockingQueue<WatchlistEvent> watch = new LinkedBlockingQueue<>();
        c.user().bind("balance", mine::add);
        c.user().watchlist(watch::add);
        assertThat(c.user().signin().get(10, TimeUnit.SECONDS).get("id").asText()).isEqualTo("ann");
        await(() -> server.subscribes.stream().anyMatch(s -> s.channel().equals("#server-to-user-ann")), "user channel");
        server.ws.broadcast(FakePusher.frame("balance", "#server-to-user-ann", "{\"usd\":\"10\"}"));
        server.ws.broadcast(FakePusher.frame("pusher_internal:watchlist_events", null,
                "{\"events\":[{\"name\":\"online\",\"user_ids\":[\"bob\"]}]}"));
        assertThat(mine.poll(10, TimeUnit.SECONDS).data()).contains("10");
        assertThat(watch.poll(10, TimeUnit.SECONDS)).isEqualTo(new WatchlistEvent("online", List.of("bob")));
    }

    @Test
    void theLocalSigningAuthorizerSignsWhatTheServerChecks() throws Exception {
        PusherClient c = client(server.client().channelAuthorizer(ChannelAuthorizer.signing(server.signer,
                ch -> "{\"user_id\":\"svc\"}", auth.masterKey)));
        c.connect().get(10, TimeUnit.SECONDS);
        c.subscribe("private-local").get(10, TimeUnit.SECONDS);
        assertThat(c.subscribePresence("presence-local").get(10, TimeUnit.SECONDS).me()).get()
                .extracting(Member::id).isEqualTo("svc");
        c.subscribe("private-encrypted-local").get(10, TimeUnit.SECONDS);
        assertThat(auth.requests.get()).isZero();
    }
}
