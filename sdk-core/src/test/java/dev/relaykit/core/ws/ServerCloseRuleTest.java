package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.testsupport.ScriptedWsServer;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link WsSession.Builder#serverCloseRule}: the server's close code decides stop, reconnect now, or back off. */
class ServerCloseRuleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ServerCloseRule PUSHER_LIKE = (code, reason) ->
            code >= 4000 && code < 4100 ? ServerCloseRule.Action.STOP
                    : code >= 4200 && code < 4300 ? ServerCloseRule.Action.RECONNECT_NOW
                    : ServerCloseRule.Action.RECONNECT;

    private static WsSession session(ScriptedWsServer server, CopyOnWriteArrayList<StateChange> changes) {
        return WsSession.builder(server.uri().toString())
                // a long back-off: a reconnect that comes quickly can only be the rule's RECONNECT_NOW
                .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .serverCloseRule(PUSHER_LIKE)
                .listener(new WsListener() {
                    @Override
                    public void onStateChange(WsSession s, StateChange change) {
                        changes.add(change);
                    }
                })
                .build();
    }

    @Test
    void stopMeansFailedWithTheServersCodeAndNoReconnect() throws Exception {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            var changes = new CopyOnWriteArrayList<StateChange>();
            WsSession s = session(server, changes);
            s.connect().get(10, TimeUnit.SECONDS);
            server.awaitClient(Duration.ofSeconds(10)).close(4001, "Application does not exist");
            Recorder.await(() -> s.state() == ConnectionState.FAILED, WAIT, "FAILED, changes " + changes);
            assertThat(s.state()).as("changes %s", changes).isEqualTo(ConnectionState.FAILED);
            assertThat(s.lastClose().code()).isEqualTo(4001);
            Thread.sleep(300); // nothing may follow: no reconnect attempt
            assertThat(server.connectionCount()).isEqualTo(1);
            s.close();
        }
    }

    @Test
    void reconnectNowSkipsTheBackOffAndDefaultWaitsForIt() throws Exception {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            var changes = new CopyOnWriteArrayList<StateChange>();
            WsSession s = session(server, changes);
            s.connect().get(10, TimeUnit.SECONDS);
            server.awaitClient(Duration.ofSeconds(10)).close(4200, "Generic reconnect immediately");
            Recorder.await(() -> server.connectionCount() >= 2, WAIT, "a second connection, changes " + changes);
            assertThat(server.connectionCount()).as("changes %s", changes).isEqualTo(2); // well inside the 30 s back-off
            assertThat(changes).anySatisfy(c -> {
                assertThat(c.to()).isEqualTo(ConnectionState.RECONNECTING);
                assertThat(c.nextDelay()).isEqualTo(Duration.ZERO);
            });
            Recorder.await(() -> s.state() == ConnectionState.OPEN, WAIT, "OPEN again");
            server.awaitClient(Duration.ofSeconds(10));
            server.openClients().forEach(c -> c.close(4100, "Over capacity"));
            // state changes reach the listener on the dispatcher: wait for the one the 4100 caused
            Recorder.await(() -> changes.stream().anyMatch(c -> String.valueOf(c.cause()).contains("4100")), WAIT,
                    "the state change the 4100 caused");
            assertThat(changes).filteredOn(c -> String.valueOf(c.cause()).contains("4100")).singleElement()
                    .satisfies(c -> assertThat(c.nextDelay()).isGreaterThanOrEqualTo(Duration.ofSeconds(30)));
            Thread.sleep(300);
            assertThat(server.connectionCount()).isEqualTo(2); // backing off
            s.close();
        }
    }
}
