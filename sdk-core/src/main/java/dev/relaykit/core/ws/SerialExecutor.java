package dev.relaykit.core.ws;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks on a delegate executor one at a time, in submission order, so that callbacks stay
 * ordered even on a user's thread pool. A task that throws (a {@code RuntimeException}, logged) does
 * not stop the ones after it.
 *
 * <pre>{@code
 * Executor ordered = new SerialExecutor(myPool);
 * }</pre>
 */
public final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    /**
     * @param delegate the executor the tasks run on
     */
    public SerialExecutor(Executor delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            delegate.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (tasks) {
                running = false;
                tasks.clear();
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // the task's own failure: the tasks queued after it still run, in order
                org.slf4j.LoggerFactory.getLogger(SerialExecutor.class).warn("a serialised task threw", e);
            }
        }
    }
}
