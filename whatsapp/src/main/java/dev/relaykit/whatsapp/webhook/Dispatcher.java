package dev.relaykit.whatsapp.webhook;

import dev.relaykit.core.ws.KeyedExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on an executor, in submission order per key (sdk-core's {@link KeyedExecutor}: a key
 * always maps to the same lane, and a lane runs one task at a time), and bounds how many wait: at
 * most {@code maxPending} tasks wait or run at once.
 */
final class Dispatcher {
    private static final int LANES = 64;

    private final KeyedExecutor lanes;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    Dispatcher(Executor executor, int maxPending) {
        this.lanes = new KeyedExecutor(executor, LANES);
        this.maxPending = maxPending;
    }

    /**
     * @throws RejectedExecutionException if {@code maxPending} tasks are already waiting, or the
     *     executor refused to run the lane; the task is then not queued
     */
    void submit(String key, Runnable task) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            throw new RejectedExecutionException(maxPending + " events are already waiting for the listener");
        }
        try {
            lanes.execute(key, () -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet(); // refused: this task never runs (tasks queued beside it still do)
            throw e;
        }
    }

    int pending() {
        return pending.get();
    }
}
