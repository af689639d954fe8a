package dev.relaykit.core.ws;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * A session's default dispatcher: one thread that runs queued items in order.
 *
 * <p>Items are either {@link Runnable}s or message payloads handed to a handler, so that the hot path
 * (a message arriving) allocates nothing of its own. The producer (the socket's reader thread) never
 * blocks: it appends to a JCTools multi-producer/single-consumer array queue (other threads post
 * state changes) and wakes the dispatcher only when it is parked; the dispatcher spins briefly
 * before parking so that a steady stream costs no wake-ups. Measured in
 * {@code benchmarks/WsThroughputBenchmark}: a lock-based executor queue or a
 * {@code ConcurrentLinkedQueue} here cost 20-30 % of the bare socket's message rate.
 */
final class EventLoop implements Executor {
    /** How long an idle dispatcher spins before it parks (measured: 50 us keeps a busy stream wake-up free). */
    private static final long SPIN_NANOS = 50_000;

    private final MessagePassingQueue<Object> queue = new MpscUnboundedXaddArrayQueue<>(1024);
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
        long idleSince = 0;
        int idle = 0;
        while (true) {
            Object item = queue.relaxedPoll();
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
            // Spin a little before parking: a steady stream then never pays for a wake-up.
            if (idle++ == 0) {
                idleSince = System.nanoTime();
            }
            if ((idle & 63) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
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
