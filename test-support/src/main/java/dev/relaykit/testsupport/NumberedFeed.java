package dev.relaykit.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A numbered feed for tests of connections that are replaced while messages flow (rotation before a server's age
 * limit, failover): publish messages 1, 2, 3, ... for a while, then check that the listener saw each one exactly
 * once and in order. A gap or a duplicate fails with the runs of consecutive numbers, so the failure shows where.
 *
 * <pre>{@code
 * List<Long> ids = new CopyOnWriteArrayList<>();          // the listener under test adds each message's number
 * java.util.function.IntConsumer publish = n -> { };       // the fake server sends message n, e.g. {"t":n}
 * int total = NumberedFeed.publishFor(Duration.ofMillis(5500), Duration.ofMillis(5), publish);
 * NumberedFeed.awaitEachOnceInOrder(ids, total, Duration.ofSeconds(10));
 * }</pre>
 */
public final class NumberedFeed {
    /** How long to keep listening after the last expected message: a duplicate arriving late still fails. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private NumberedFeed() {
    }

    /**
     * Publishes numbered messages until {@code duration} has passed.
     *
     * @param duration how long to keep publishing (longer than the connection age under test, to span rotations)
     * @param pause the pause after each message
     * @param publish sends message number {@code n} (1, 2, 3, ...)
     * @return how many messages were published
     * @throws InterruptedException if interrupted while pausing
     */
    public static int publishFor(Duration duration, Duration pause, IntConsumer publish) throws InterruptedException {
        int n = 0;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            publish.accept(++n);
            Thread.sleep(pause.toMillis());
        }
        return n;
    }

    /**
     * Waits until {@code received} holds {@code total} numbers (at most {@code wait}), listens a little longer for
     * late duplicates, then checks it is exactly 1..total.
     *
     * @param received the numbers the listener saw, in arrival order (a thread-safe list)
     * @param total how many were published
     * @param wait the longest to wait for them
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError naming the runs received, if one is missing, repeated or out of order
     */
    public static void awaitEachOnceInOrder(List<Long> received, int total, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (received.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(SETTLE.toMillis());
        List<Long> got = List.copyOf(received);
        List<Long> expected = new ArrayList<>(total);
        for (long i = 1; i <= total; i++) {
            expected.add(i);
        }
        if (!got.equals(expected)) {
            throw new AssertionError("expected every message 1.." + total + " once, in order; got " + got.size()
                    + " as runs " + runs(got));
        }
    }

    /** Runs of consecutive numbers, e.g. {@code 1..40 38..90}: where a gap or a duplicate is. */
    static String runs(List<Long> ids) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            int start = i;
            while (i + 1 < ids.size() && ids.get(i + 1) == ids.get(i) + 1) {
                i++;
            }
            b.append(ids.get(start)).append("..").append(ids.get(i)).append(' ');
        }
        return b.toString().trim();
    }
}
