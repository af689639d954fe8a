package dev.relaykit.kafka.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A dispatcher in a JVM of its own, so that a test can kill it (SIGKILL) the way a crash does, with no close, no
 * commit, no goodbye to the group. Telegram updates; it prints {@code P <n>} when it owns n partitions,
 * {@code D <update_id>} when the listener has handled an update (the print is the listener's effect), and
 * {@code B <update_id>} when it reaches the update it was told to block on (and then blocks inside the listener).
 * It halts when its stdin closes (the test JVM died).
 *
 * <p>Arguments: bootstrap servers, topic, group id, the update id to block on (0: none), milliseconds of work per
 * update.
 */
public final class DispatcherProcess {
    private DispatcherProcess() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        long blockOn = Long.parseLong(args[3]);
        long workMillis = Long.parseLong(args[4]);
        Thread orphan = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test never writes; end of input means it is gone
                }
            } catch (IOException e) {
                // same
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-watch");
        orphan.setDaemon(true);
        orphan.start();
        CountDownLatch never = new CountDownLatch(1);
        KafkaWebhookDispatcher.builder()
                .topics(topic)
                .consumerConfig(WebhookTopics.consumerConfig(bootstrap, group))
                .deduplication(10_000, Duration.ofHours(1))
                .onPartitions(owned -> say("P " + owned.size()))
                .telegram(update -> {
                    if (update.updateId() == blockOn) {
                        say("B " + update.updateId());
                        never.await();
                    }
                    Thread.sleep(workMillis); // the listener's work, before its effect
                    say("D " + update.updateId());
                })
                .start();
        never.await();
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
