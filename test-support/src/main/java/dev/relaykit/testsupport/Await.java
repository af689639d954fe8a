package dev.relaykit.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The tests' one wait for a condition that no latch or future reports: a bounded poll that returns as
 * soon as the condition holds (checked every 5 ms) and fails naming what it waited for.
 *
 * <pre>{@code
 * java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean(true);
 * Await.until(done::get, java.time.Duration.ofSeconds(10), "the job to finish");
 * }</pre>
 */
public final class Await {
    private Await() {
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @param condition checked at once, then every 5 ms
     * @param timeout the longest wait
     * @param what what is awaited, for the failure message
     * @throws TimeoutException if it does not hold within {@code timeout}
     * @throws InterruptedException if interrupted while waiting
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("waited " + timeout.toMillis() + " ms for " + what);
            }
            Thread.sleep(5);
        }
    }
}
