package dev.relaykit.core.ws;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks on a delegate executor one at a time, in submission order, so that callbacks stay
 * ordered even on a user's thread pool. A task that throws (a {@code RuntimeException}, logged) does
 * not stop the ones after it.
 *
 * <p>Lock-free: submitting never waits for the task that is running (a lock shared by the submitting
 * thread and the draining one made them contend, and switch context, on every message of a busy
 * socket). At most one task of this executor runs at a time. An idle executor holds a few dozen
 * bytes (many connections each have one).
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(4);
 * Executor ordered = new SerialExecutor(pool);   // its tasks run one at a time, in order, on the pool
 * }</pre>
 */
public final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param delegate the executor the tasks run on
     */
    public SerialExecutor(Executor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void execute(Runnable task) {
        tasks.offer(Objects.requireNonNull(task, "task"));
        if (running.compareAndSet(false, true)) {
            try {
                delegate.execute(this::drain);
            } catch (RuntimeException e) {
                tasks.clear();
                running.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            while ((next = tasks.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // the task's own failure: the tasks queued after it still run, in order
                    org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).warn("a serialised task threw", e);
                }
            }
            running.set(false);
            // a task offered after the last poll and before the flag went down found it up: take it over
            if (tasks.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
