package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ws.ConnectionLostException;
import dev.relaykit.core.ws.RequestTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The client's machinery (routing, order, errors, timeouts, connection states) against
 * {@link ScriptedTdJson}, a SCRIPTED JSON-level fake of td_send/td_receive (not the real TDLib): these
 * need updates only Telegram's servers would send.
 */
class TdClientScriptedTest {

    private static TdClient.Builder builder(ScriptedTdJson td) {
        return TdClient.builder(td).apiId(1).apiHash("h").closeTimeout(Duration.ofSeconds(10));
    }

    @Test
    void updatesReachEachClientInOrderOffTheReceiveThread() throws Exception {
        ScriptedTdJson td = new ScriptedTdJson();
        int n = 2000;
        Map<Integer, List<Integer>> got = new ConcurrentHashMap<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        TdListener counter = new TdListener() {
            @Override
            public void onUpdate(TdClient c, JsonNode u) {
                if (u.path("@type").asText().equals("updateTest")) {
                    List<Integer> mine = got.computeIfAbsent(c.clientId(), k -> new ArrayList<>());
                    mine.add(u.path("n").asInt());
                    threads.add(Thread.currentThread().getName());
                    if (mine.size() == n) {
                        done.countDown();
                    }
                }
            }
        };
        try (TdClient a = builder(td).listener(counter).build(); TdClient b = builder(td).listener(counter).build()) {
            a.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
            b.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
            for (int i = 0; i < n; i++) {
                td.push(a.clientId(), "{\"@type\":\"updateTest\",\"n\":" + i + "}");
                td.push(b.clientId(), "{\"@type\":\"updateTest\",\"n\":" + i + "}");
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            assertThat(got.get(a.clientId())).isEqualTo(expected);
            assertThat(got.get(b.clientId())).isEqualTo(expected);
            assertThat(threads).doesNotContain("relaykit-tdlib-receive");
        }
    }

    @Test
    void answersAreMatchedByExtraEvenOutOfOrder() {
        ScriptedTdJson td = new ScriptedTdJson();
        List<JsonNode> held = new CopyOnWriteArrayList<>();
        td.on("getOption", (c, r) -> {
            held.add(r);
            if (held.size() == 2) {     // answer the second first
                td.answer(c, held.get(1), "{\"@type\":\"optionValueString\",\"value\":\"" + held.get(1).path("name").asText() + "\"}");
                td.answer(c, held.get(0), "{\"@type\":\"optionValueString\",\"value\":\"" + held.get(0).path("name").asText() + "\"}");
            }
        });
        try (TdClient c = builder(td).build()) {
            CompletableFuture<JsonNode> first = c.sendAsync(TdClient.function("getOption").put("name", "one"));
            CompletableFuture<JsonNode> second = c.sendAsync(TdClient.function("getOption").put("name", "two"));
            assertThat(first.join().path("value").asText()).isEqualTo("one");
            assertThat(second.join().path("value").asText()).isEqualTo("two");
        }
    }

    @Test
    void chatNotFoundExplainsTheBotTrap() {
        ScriptedTdJson td = new ScriptedTdJson();
        td.on("getChat", (c, r) -> td.error(c, r, 400, "Chat not found"));
        try (TdClient c = builder(td).build()) {
            assertThatThrownBy(() -> c.send(TdClient.function("getChat").put("chat_id", 42L)))
                    .isInstanceOfSatisfying(TdException.class, e -> {
                        assertThat(e.tdCode()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("400");
                        assertThat(e.serviceMessage()).isEqualTo("Chat not found");
                        assertThat(e.getMessage()).contains("getChat").contains("a bot must first receive a message");
                    });
        }
    }

    @Test
    void aRequestTdlibNeverAnswersTimesOut() {
        ScriptedTdJson td = new ScriptedTdJson();   // no handler for getMe: no answer
        try (TdClient c = builder(td).requestTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(() -> c.send(TdClient.function("getMe")))
                    .isInstanceOf(RequestTimeoutException.class).hasMessageContaining("getMe");
        }
    }

    @Test
    void closeFailsWhatStillWaitsAndStopsTheLoop() {
        ScriptedTdJson td = new ScriptedTdJson();
        List<String> updates = new CopyOnWriteArrayList<>();
        TdClient c = builder(td).listener(new TdListener() {
            @Override
            public void onUpdate(TdClient client, JsonNode update) {
                updates.add(update.path("@type").asText());
            }
        }).build();
        CompletableFuture<JsonNode> pending = c.sendAsync(TdClient.function("getMe"));
        c.close();
        assertThat(updates).as("close's own answer is no update").doesNotContain("ok").contains("updateAuthorizationState");
        assertThat(pending).isCompletedExceptionally();
        assertThatThrownBy(pending::join).cause().isInstanceOf(ConnectionLostException.class);
        assertThat(c.sendAsync(TdClient.function("getMe"))).isCompletedExceptionally();
        assertThat(td.last("close")).isNotNull();
    }

    @Test
    void aSyncCallInsideAListenerIsRefusedInsteadOfHanging() throws Exception {
        ScriptedTdJson td = new ScriptedTdJson();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch called = new CountDownLatch(1);
        try (TdClient c = builder(td).listener(new TdListener() {
            @Override
            public void onAuthorizationState(TdClient client, AuthorizationState s) {
                if (s instanceof AuthorizationState.WaitPhoneNumber) {
                    try {
                        client.send(TdClient.function("getMe"));
                    } catch (Throwable t) {
                        error.set(t);
                    }
                    called.countDown();
                }
            }
        }).build()) {
            assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("Async");
        }
    }

    @Test
    void connectionStatesArriveInOrder() throws Exception {
        ScriptedTdJson td = new ScriptedTdJson();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        try (TdClient c = builder(td).listener(new TdListener() {
            @Override
            public void onConnectionState(TdClient client, ConnectionState s) {
                states.add(s);
                if (s == ConnectionState.READY) {
                    ready.countDown();
                }
            }
        }).build()) {
            for (String s : List.of("connectionStateWaitingForNetwork", "connectionStateConnectingToProxy",
                    "connectionStateConnecting", "connectionStateUpdating", "connectionStateReady")) {
                td.push(c.clientId(), "{\"@type\":\"updateConnectionState\",\"state\":{\"@type\":\"" + s + "\"}}");
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(states).containsExactly(ConnectionState.values());
            assertThat(c.connectionState()).isEqualTo(ConnectionState.READY);
        }
    }
}
