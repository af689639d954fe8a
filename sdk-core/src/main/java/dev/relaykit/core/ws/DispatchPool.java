package dev.relaykit.core.ws;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's one shared dispatch pool: the threads that run every session's callbacks when the user
 * gave no executor of their own. Each session keeps its order through its own {@link SerialExecutor}
 * (at most one of its tasks runs at a time), so a session never needs a thread of its own: 1,000
 * sessions share these few threads.
 *
 * <p>Bounded: {@code max(4, cores)} threads, or the system property {@code relaykit.dispatch.threads}.
 * Daemon threads named {@code relaykit-dispatch-N}, created when there is work, ending after 30 s
 * without any, so a process with no session open holds none. Its queue holds at most one entry per
 * executor with work waiting, so it never refuses a task.
 */
final class DispatchPool {
    /** The number of threads (four at least, so one slow listener does not hold every session back). */
    static final int THREADS = Integer.getInteger("relaykit.dispatch.threads",
            Math.max(4, Runtime.getRuntime().availableProcessors()));

    private DispatchPool() {
    }

    /** Created on first use: a program that gives every session its own executor never starts it. */
    private static final class Holder {
        static final ThreadPoolExecutor POOL = create();
    }

    static ThreadPoolExecutor get() {
        return Holder.POOL;
    }

    /** True when some executor is waiting for a thread of the pool (so no thread should spin for another). */
    static boolean othersWaiting() {
        return !Holder.POOL.getQueue().isEmpty();
    }

    private static ThreadPoolExecutor create() {
        AtomicInteger seq = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "relaykit-dispatch-" + seq.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
