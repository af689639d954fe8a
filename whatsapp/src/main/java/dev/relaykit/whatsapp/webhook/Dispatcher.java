package dev.relaykit.whatsapp.webhook;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on an executor, in submission order per key: a key always maps to the same lane, and a
 * lane runs one task at a time. At most {@code maxPending} tasks wait or run at once.
 */
final class Dispatcher {
    private static final int LANES = 64;

    private final Executor executor;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final Lane[] lanes = new Lane[LANES];

    Dispatcher(Executor executor, int maxPending) {
        this.executor = executor;
        this.maxPending = maxPending;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
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
        Runnable counted = () -> {
            try {
                task.run();
            } finally {
                pending.decrementAndGet();
            }
        };
        int h = key == null ? 0 : key.hashCode();
        try {
            lanes[(h ^ (h >>> 16)) & (LANES - 1)].add(counted);
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    int pending() {
        return pending.get();
    }

    private final class Lane implements Runnable {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        void add(Runnable task) {
            synchronized (this) {
                tasks.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            try {
                executor.execute(this);
            } catch (RuntimeException e) {
                boolean others;
                synchronized (this) {
                    tasks.remove(task);
                    others = !tasks.isEmpty();
                    running = others;
                }
                if (others) {
                    run(); // tasks another thread queued meanwhile were accepted: run them here rather than lose them
                }
                throw e;
            }
        }

        @Override
        public void run() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                next.run(); // never throws: the handler's tasks catch everything themselves
            }
        }
    }
}
