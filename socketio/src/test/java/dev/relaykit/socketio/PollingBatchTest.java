package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.socketio.peer.NodePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Over long-polling, emits are queued and POSTed in batches, one POST at a time, and keep their order. */
class PollingBatchTest {

    @ParameterizedTest
    @EnumSource(value = dev.relaykit.socketio.peer.Generation.class, names = {"V4", "V2"})
    void aBurstOfEmitsArrivesCompleteAndInOrder(dev.relaykit.socketio.peer.Generation gen) throws Exception {
        try (NodePeer peer = NodePeer.start(gen);
             SocketIoClient client = SocketIoClient.builder(peer.url())
                     .generation(gen == dev.relaykit.socketio.peer.Generation.V4 ? Generation.V3_V4 : Generation.V1_V2)
                     .transport(TransportMode.POLLING).build()) {
            SocketIoSocket socket = client.socket("/");
            List<Integer> echoed = new CopyOnWriteArrayList<>();
            socket.on("echo", e -> echoed.add(e.arg(0).asInt()));
            socket.connect().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 300; i++) {
                socket.emit("echo", i); // queued; never a blocking HTTP call on this thread
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (echoed.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                expected.add(i);
            }
            assertThat(echoed).containsExactlyElementsOf(expected);
            assertThat(socket.isConnected()).isTrue();
        }
    }
}
