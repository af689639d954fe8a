package dev.relaykit.core.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The SDK's one timer thread: every client's delays, timeouts and periodic checks (WebSocket
 * reconnects, heartbeats and watchdogs, rate-limited sends, REST retries and budget waits, request
 * timeouts) share it, unless the user hands a client a {@code ScheduledExecutorService} of their own.
 *
 * <p>The thread ({@code relaykit-timer}, a daemon) is created on first use and ends by itself
 * {@value #IDLE_SECONDS} s after its queue empties, so a process with no pending timer has no timer
 * thread. No client ever reaches the executor itself: each gets a {@link TimerScope} over it, which
 * tracks that client's tasks and cancels them on close. One client cannot shut the timer down for
 * the others, and a closed client leaves no task behind.
 *
 * <p>The thread only keeps time. A task on it must be short and never block (a lock held briefly, a
 * non-blocking send, a flag); work that may take long (signing, user suppliers, completing a
 * future a user may have chained onto) is handed off with
 * {@link #scope(ScheduledExecutorService, Executor)}'s second argument.
 *
 * <pre>{@code
 * TimerScope timer = SharedTimer.scope(null, null);            // this client's tasks on the shared thread
 * timer.schedule(() -> System.out.println("tick"), 1, TimeUnit.SECONDS);
 * timer.shutdownNow();                                          // on close: cancels this client's tasks only
 * }</pre>
 */
public final class SharedTimer {
    /** How long the idle thread waits for new work before it ends. */
    static final long IDLE_SECONDS = 10;

    private static volatile ScheduledThreadPoolExecutor executor;

    private SharedTimer() {
    }

    /**
     * A scope for one client.
     *
     * @param supplied the user's own scheduler, or {@code null} for the shared thread; either way the
     *     scope never shuts it down
     * @param handOff where due one-shot tasks run, or {@code null} to run them on the timer thread
     *     itself (only for short, non-blocking work)
     * @return a new scope; {@link TimerScope#shutdownNow()} cancels what it scheduled
     */
    public static TimerScope scope(ScheduledExecutorService supplied, Executor handOff) {
        return new TimerScope(supplied != null ? supplied : executor(), handOff, null);
    }

    /**
     * A scope for a client that must answer every call, even one whose next step is scheduled in the
     * moment it closes: a one-shot task scheduled after {@link TimerScope#shutdownNow()} is given to
     * {@code afterClose} at once (for example {@code Runnable::run}, so that it finds the client closed
     * and fails its call) instead of being rejected.
     *
     * @param supplied the user's own scheduler, or {@code null} for the shared thread
     * @param handOff where due one-shot tasks run, or {@code null} for the timer thread
     * @param afterClose takes one-shot tasks scheduled after close
     * @return a new scope
     */
    public static TimerScope scope(ScheduledExecutorService supplied, Executor handOff, Consumer<Runnable> afterClose) {
        return new TimerScope(supplied != null ? supplied : executor(), handOff,
                java.util.Objects.requireNonNull(afterClose, "afterClose"));
    }

    /**
     * Where RelayKit hands timer work off to: the shared OkHttp client's dispatcher pool (daemon
     * threads made on demand that end after 60 s idle), which every process using the SDK has already.
     * Wrap it in a {@code SerialExecutor} for tasks that must run one at a time.
     *
     * @return the shared worker pool
     */
    public static Executor workers() {
        return dev.relaykit.core.net.HttpClients.shared().dispatcher().executorService();
    }

    /** @return tasks waiting on the shared thread (cancelled ones are removed at once); 0 before first use */
    public static int queuedTasks() {
        ScheduledThreadPoolExecutor e = executor;
        return e == null ? 0 : e.getQueue().size();
    }

    private static ScheduledThreadPoolExecutor executor() {
        ScheduledThreadPoolExecutor e = executor;
        if (e == null) {
            synchronized (SharedTimer.class) {
                e = executor;
                if (e == null) {
                    e = new ScheduledThreadPoolExecutor(1, r -> {
                        Thread t = new Thread(r, "relaykit-timer");
                        t.setDaemon(true);
                        return t;
                    });
                    // a cancelled task leaves the queue at once: a closed client leaves nothing queued
                    e.setRemoveOnCancelPolicy(true);
                    e.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
                    e.allowCoreThreadTimeOut(true); // the last worker stays while tasks are queued
                    executor = e;
                }
            }
        }
        return e;
    }
}
