package dev.relaykit.kafka.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What reached a listener, counted per id, with a causal wait (the recording thread wakes the waiter). */
final class Deliveries {
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    synchronized void record(String id) {
        counts.merge(id, 1, Integer::sum);
        order.add(id);
        notifyAll();
    }

    synchronized int count(String id) {
        return counts.getOrDefault(id, 0);
    }

    synchronized int total() {
        return order.size();
    }

    synchronized List<String> inOrder() {
        return List.copyOf(order);
    }

    synchronized Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** Waits until every id has arrived at least once. */
    void awaitAll(Collection<String> ids, Duration timeout) throws InterruptedException {
        await(d -> ids.stream().allMatch(id -> d.counts.containsKey(id)), timeout,
                () -> "missing " + ids.stream().filter(id -> count(id) == 0).toList());
    }

    /** Waits until at least {@code n} deliveries arrived. */
    void awaitTotal(int n, Duration timeout) throws InterruptedException {
        await(d -> d.order.size() >= n, timeout, () -> n + " deliveries, got " + total());
    }

    synchronized void await(Predicate<Deliveries> condition, Duration timeout, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
