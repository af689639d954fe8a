package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REAL libtdjson (TDLib 1.8.67), offline: the authorization flow from parameters to the phone
 * number question, then close; several clients on TDLib's one receive loop.
 */
class TdClientNativeTest {

    private static TdClient.Builder client(NativeTdJson td, Path dir) {
        return TdClient.builder(td).apiId(94575).apiHash("a3406de8d171bb422bb6ddf3bbd800e2")
                .databaseDirectory(dir.resolve("db")).filesDirectory(dir.resolve("files"))
                .databases(false, false, false);
    }

    @Test
    void realTdlibGoesFromParametersToThePhoneNumberAndClosesToClosed(@TempDir Path dir) {
        NativeTdJson td = RealTdLib.load();
        List<AuthorizationState> seen = new CopyOnWriteArrayList<>();
        TdClient c = client(td, dir).listener(new TdListener() {
            @Override
            public void onAuthorizationState(TdClient client, AuthorizationState state) {
                seen.add(state);
            }
        }).build();
        c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(30));
        c.close();
        assertThat(c.closedFuture()).isDone();
        assertThat(seen).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                "WaitTdlibParameters", "WaitPhoneNumber", "Closing", "Closed");
        assertThat(c.authorizationState()).isInstanceOf(AuthorizationState.Closed.class);
    }

    @Test
    void manyClientsShareOneReceiveLoopWhichStopsWhenTheLastCloses(@TempDir Path dir) throws Exception {
        NativeTdJson td = RealTdLib.load();
        List<TdClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(client(td, dir.resolve("c" + i)).build());
        }
        TdReceiver loop = TdReceiver.running(td);
        assertThat(loop.running()).isTrue();
        assertThat(loop.clients()).isEqualTo(8);
        for (TdClient c : clients) {
            c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(30));
        }
        assertThat(clients).extracting(TdClient::clientId).doesNotHaveDuplicates();
        // a raw request to one client is answered to that client only
        assertThat(clients.get(3).send(TdClient.function("getOption").put("name", "version"))
                .path("value").asText()).isEqualTo("1.8.67");
        for (TdClient c : clients) {
            c.close();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (loop.running() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(loop.running()).as("the receive loop ends when no client remains").isFalse();
        assertThat(TdReceiver.running(td)).isNull();
        // a new client starts a loop again
        try (TdClient again = client(td, dir.resolve("again")).build()) {
            again.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(30));
            assertThat(TdReceiver.running(td).running()).isTrue();
        }
    }
}
