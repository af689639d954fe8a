package dev.relaykit.core.ws;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A session's default dispatcher: one thread that runs queued items in order.
 *
 * <p>Items are either {@link Runnable}s or message payloads handed to a handler, so that the hot path
 * (a message arriving) allocates nothing but a queue node. The producer (the socket's reader thread)
 * never blocks: it appends to a lock-free queue and wakes the dispatcher only when it is parked; the
 * dispatcher spins briefly before parking so that a steady stream costs no wake-ups.
 */
final class EventLoop implements Executor {
    private static final int SPINS = Integer.getInteger("rk.spins", 2000);

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<Object> handler;
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean stopping;

    EventLoop(String threadName, Consumer<Object> handler) {
        this.handler = handler;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void execute(Runnable task) {
        submit(task);
    }

    /** Queues a payload or task; dropped silently once the loop is shut down. */
    void submit(Object item) {
        if (stopping) {
            return;
        }
        queue.offer(item);
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs what is queued, then ends the thread. */
    void shutdown() {
        stopping = true;
        LockSupport.unpark(thread);
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(unit.toMillis(timeout));
        return !thread.isAlive();
    }

    private void loop() {
        int idle = 0;
        while (true) {
            Object item = queue.poll();
            if (item != null) {
                idle = 0;
                try {
                    if (item instanceof Runnable r) {
                        r.run();
                    } else {
                        handler.accept(item);
                    }
                } catch (RuntimeException | Error e) {
                    // callbacks report their own failures; nothing may end this loop early
                }
                continue;
            }
            if (stopping) {
                return;
            }
            if (++idle < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            if (queue.isEmpty() && !stopping) {
                LockSupport.park(this);
            }
            parked = false;
            idle = 0;
        }
    }
}
