package dev.relaykit.binance.stream;

import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.ws.SerialExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams' timer: delayed work of the pool, the requests and the rotation, and the requests'
 * answer timeouts. It keeps time on the SDK's shared timer thread and runs the tasks one at a time,
 * in order, on the shared workers (they complete users' futures, so they stay off the timer thread);
 * they never overlap, as on the thread of its own it had before. A task that throws is logged, never
 * stops the others; after {@link #shutdown()} the streams' pending tasks are cancelled and new ones
 * dropped. No lock.
 */
final class StreamTimer {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);

    private final String name;
    private final TimerScope scheduler;

    StreamTimer(String name) {
        this.name = name;
        this.scheduler = SharedTimer.scope(null, new SerialExecutor(SharedTimer.workers()));
    }

    /** @return the scheduler, for the connections' request tables' timeouts */
    java.util.concurrent.ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Runs {@code task} every {@code periodMillis}. */
    void every(long periodMillis, Runnable task) {
        scheduler.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} now, after the timer's earlier tasks (off the caller's lock and thread). */
    void execute(Runnable task) {
        schedule(task, 0, TimeUnit.MILLISECONDS);
    }

    Future<?> schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            return scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("{}: internal task failed", name, e);
                }
            }, delay, unit);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // closed
        }
    }

    /** @return {@code f}, failed with a {@link TimeoutException} naming {@code what} if Binance has not answered in time */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, String what, Duration timeout) {
        return withTimeout(f, () -> what, timeout);
    }

    /**
     * @param what describes what was awaited, asked when the time is up (so it can say how things stood then)
     * @return {@code f}, failed with a {@link TimeoutException} naming {@code what} if Binance has not answered in time
     */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, java.util.function.Supplier<String> what,
                                         Duration timeout) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                out.complete(v);
            }
        });
        Future<?> timer = schedule(() -> out.completeExceptionally(new TimeoutException(
                "no answer from Binance to " + what.get() + " within " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        out.whenComplete((v, e) -> timer.cancel(false));
        return out;
    }

    void shutdown() {
        scheduler.shutdownNow();
    }
}
