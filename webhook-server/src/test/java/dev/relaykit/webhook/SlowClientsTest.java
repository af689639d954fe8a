package dev.relaykit.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.WhatsAppWebhookSender;
import dev.relaykit.testkit.WhatsAppWebhookSender.Payload;
import dev.relaykit.whatsapp.webhook.WebhookHandler;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #10, item 1: four clients that sent the headers and one byte of the body took every thread
 * of the old JDK-HttpServer-based server, and a signed delivery then got no answer at all. Here
 * hundreds of stalled clients, plus some that drip a byte at a time (never idle, so an idle timeout
 * alone would never cut them), share the server with 100 valid deliveries.
 */
class SlowClientsTest {
    static final Secret SECRET = Secret.of("slow-clients-secret");
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);
    /** Longer than the request timeout, so that only the whole-request deadline can explain a cut at ~1.5 s. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(8);
    static final long SLACK_MS = 1500;

    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    @Timeout(60)
    void stalledAndDrippingClientsAreCutOnTimeWhileEveryValidDeliveryIsAnsweredWithinASecond() throws Exception {
        WebhookHandler handler = WebhookHandler.builder().appSecret(SECRET)
                .listener(e -> deliveries.computeIfAbsent(((MessageEvent) e).id(), k -> new AtomicInteger()).incrementAndGet())
                .build();
        WebhookServer server = WebhookServer.builder().route("/webhook", handler).host("127.0.0.1").port(0)
                .requestTimeout(REQUEST_TIMEOUT).idleTimeout(IDLE_TIMEOUT)
                .maxThreads(6) // far fewer threads than slow clients: a slow client must not hold one
                .start();
        toClose.add(server);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());

        byte[] body = Payload.text("491700000000", "x".repeat(900)).toJson().getBytes(StandardCharsets.UTF_8);
        String fullHeaders = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-Hub-Signature-256: " + WhatsAppWebhookSender.signatureHeader(body, SECRET) + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] midBody = concat(fullHeaders.getBytes(StandardCharsets.US_ASCII), new byte[] {body[0]});
        byte[] midHeaders = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: applic".getBytes(StandardCharsets.US_ASCII);

        Selector selector = Selector.open();
        toClose.add(selector);
        Map<SocketChannel, Long> openedAt = new HashMap<>();
        List<SocketChannel> drippers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 420; i++) {
            SocketChannel c = SocketChannel.open(address);
            toClose.add(c);
            openedAt.put(c, System.nanoTime());
            if (i < 200) {
                c.write(ByteBuffer.wrap(midBody));
            } else if (i < 400) {
                c.write(ByteBuffer.wrap(midHeaders));
            } else {
                c.write(ByteBuffer.wrap(i % 2 == 0 ? midHeaders : midBody));
                drippers.add(c);
            }
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
        }
        // the drippers send one more byte every 200 ms: never idle, never complete
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        toClose.add(drip::shutdownNow);
        drip.scheduleAtFixedRate(() -> drippers.forEach(c -> {
            try {
                c.write(ByteBuffer.wrap(new byte[] {'a'}));
            } catch (IOException e) {
                // cut by the server: what the test waits for
            }
        }), 200, 200, TimeUnit.MILLISECONDS);
        assertThat(System.nanoTime() - start).as("420 connections opened well before the first may be cut")
                .isLessThan(REQUEST_TIMEOUT.toNanos() / 2);

        // 100 valid, signed deliveries from 10 threads, each timed
        WhatsAppWebhookSender meta = new WhatsAppWebhookSender("http://127.0.0.1:" + server.port() + "/webhook", SECRET);
        toClose.add(meta);
        ExecutorService posters = Executors.newFixedThreadPool(10);
        toClose.add(posters::shutdownNow);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "wamid.valid-" + i;
            String from = "4917000" + (i % 10);
            results.add(posters.submit(() -> {
                long t0 = System.nanoTime();
                int status = meta.send(Payload.text(from, "hello " + id).messageId(id));
                long t1 = System.nanoTime();
                return new long[] {status, TimeUnit.NANOSECONDS.toMillis(t1 - t0), TimeUnit.NANOSECONDS.toMillis(t1 - start)};
            }));
        }
        // meanwhile this thread watches the slow connections: each must be cut (EOF or reset) after the
        // request timeout, not before
        Map<SocketChannel, Long> cutAt = new HashMap<>();
        ByteBuffer sink = ByteBuffer.allocate(4096);
        long giveUp = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + TimeUnit.MILLISECONDS.toNanos(SLACK_MS + 2000);
        while (cutAt.size() < openedAt.size() && System.nanoTime() < giveUp) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel c = (SocketChannel) key.channel();
                int n;
                try {
                    sink.clear();
                    n = c.read(sink);
                } catch (IOException reset) {
                    n = -1;
                }
                if (n < 0) {
                    cutAt.put(c, System.nanoTime());
                    key.cancel();
                }
            }
            selector.selectedKeys().clear();
        }
        for (Future<long[]> f : results) {
            long[] r = f.get(10, TimeUnit.SECONDS);
            assertThat(r[0]).as("status").isEqualTo(200);
            assertThat(r[1]).as("milliseconds to the answer").isLessThan(1000);
            assertThat(r[2]).as("answered while every slow client still held its connection")
                    .isLessThan(REQUEST_TIMEOUT.toMillis());
        }

        assertThat(cutAt).as("connections cut").hasSize(openedAt.size());
        long latest = cutAt.entrySet().stream().mapToLong(e -> e.getValue() - openedAt.get(e.getKey())).max().orElse(0);
        System.out.println("slowest cut " + TimeUnit.NANOSECONDS.toMillis(latest) + " ms after its connection opened");
        for (Map.Entry<SocketChannel, Long> e : cutAt.entrySet()) {
            long afterOpen = TimeUnit.NANOSECONDS.toMillis(e.getValue() - openedAt.get(e.getKey()));
            long afterStart = TimeUnit.NANOSECONDS.toMillis(e.getValue() - start);
            assertThat(afterStart).as("cut no earlier than the request timeout").isGreaterThanOrEqualTo(REQUEST_TIMEOUT.toMillis());
            assertThat(afterOpen).as("cut within the request timeout plus slack")
                    .isLessThanOrEqualTo(REQUEST_TIMEOUT.toMillis() + SLACK_MS);
        }

        // each valid delivery reached the listener exactly once
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (deliveries.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(deliveries).hasSize(100);
        assertThat(deliveries.values()).allMatch(n -> n.get() == 1);
        assertThat(server.openConnections()).as("only the sender's keep-alive connections may remain").isLessThanOrEqualTo(10);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
