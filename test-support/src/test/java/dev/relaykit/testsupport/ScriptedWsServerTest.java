package dev.relaykit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.drafts.Draft;
import org.junit.jupiter.api.Test;

/**
 * The scripted server against the JDK's own WebSocket client.
 *
 * <p>The regression test forces, step by step, the interleaving behind a rare CI flake (a Binance WebSocket API
 * request with no answer in 10 s, although the fake had answered it): Java-WebSocket's selector thread, having just
 * read a request, runs its write step for the connection on stale readiness and finds nothing queued; the worker
 * thread answers the request (queue, then ask for write interest); then the selector thread sets the connection's
 * interest back to read-only. Without a repair the answer stays queued, unwritten, until the server sends something
 * else on that connection.
 */
class ScriptedWsServerTest {

    @Test
    void anAnswerQueuedWhileTheSelectorFinishesAnEmptyWriteStillReachesTheClient() throws Exception {
        PausingFactory factory = new PausingFactory();
        ScriptedWsServer.Builder builder = ScriptedWsServer.builder();
        builder.plainFactory = factory;
        CountDownLatch answerQueued = new CountDownLatch(1);
        factory.answerQueued = answerQueued;
        try (ScriptedWsServer server = builder.start()) {
            server.onText((client, text) -> {
                // answer only once the selector thread is inside its write step, past its look at the queue
                await(factory.paused);
                client.send("answer:" + text);
                answerQueued.countDown();
            });
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(server.uri(), new Collecting(received)).get(10, TimeUnit.SECONDS);
            try {
                // a frame the server sends by itself: the selector thread writes it in a step of its own, after
                // which the connection's key keeps its "writable" readiness, so the selector will run the write
                // step again right after reading the next request (the stale readiness the race needs)
                server.awaitClient(Duration.ofSeconds(5)).send("hello");
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");

                factory.armed = true;
                ws.sendText("two", true).get(5, TimeUnit.SECONDS);

                assertThat(factory.paused.await(5, TimeUnit.SECONDS))
                        .as("the selector thread ran its write step with nothing queued, after reading the request")
                        .isTrue();
                assertThat(received.poll(5, TimeUnit.SECONDS))
                        .as("the answer the script sent while the selector thread was in that write step")
                        .isEqualTo("answer:two");
                assertThat(server.writesUnstuck()).as("written by the repair, not by chance").isPositive();
            } finally {
                ws.abort();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects whole text messages. */
    private static final class Collecting implements WebSocket.Listener {
        private final BlockingQueue<String> into;
        private final StringBuilder partial = new StringBuilder();

        Collecting(BlockingQueue<String> into) {
            this.into = into;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                into.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    /**
     * Gives plain connections a channel that, once armed and after it has read something, holds the selector thread
     * in Java-WebSocket's write step ({@code SocketChannelIOHelper.batch}, which asks a wrapped channel
     * {@code isNeedWrite()} when the connection's queue was empty) until the script has queued its answer.
     */
    private static final class PausingFactory implements WebSocketServerFactory {
        final CountDownLatch paused = new CountDownLatch(1);
        volatile CountDownLatch answerQueued;
        volatile boolean armed;
        volatile boolean readWhileArmed;

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
            return new WebSocketImpl(a, d);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
            return new WebSocketImpl(a, drafts);
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return new PausingChannel(channel, this);
        }

        @Override
        public void close() {
        }
    }

    /** A plain channel with the pause described on {@link PausingFactory}; on the selector thread only. */
    private static final class PausingChannel implements WrappedByteChannel {
        private final SocketChannel channel;
        private final PausingFactory f;

        PausingChannel(SocketChannel channel, PausingFactory f) {
            this.channel = channel;
            this.f = f;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            if (n > 0 && f.armed) {
                f.readWhileArmed = true;
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public boolean isNeedWrite() {
            if (f.armed && f.readWhileArmed) {
                f.armed = false;
                f.paused.countDown();
                await(f.answerQueued);
            }
            return false;
        }

        @Override
        public void writeMore() {
        }

        @Override
        public boolean isNeedRead() {
            return false;
        }

        @Override
        public int readMore(ByteBuffer dst) {
            return 0;
        }

        @Override
        public boolean isBlocking() {
            return channel.isBlocking();
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
