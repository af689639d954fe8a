package dev.relaykit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * One client's view of a scheduler (the {@link SharedTimer} or the user's own): it schedules on it,
 * remembers its own pending tasks, and on {@link #shutdownNow()} (or {@link #shutdown()}, the same
 * here) cancels them and refuses new ones, leaving the scheduler itself and other clients' tasks
 * alone. A task whose client closed never runs, even if it was already due.
 *
 * <p>With a hand-off executor, a due task runs there and the timer thread only hands it over. Give
 * a {@code SerialExecutor} when the client's tasks rely on running one at a time (as they did on a
 * timer thread of their own): runs of a periodic task, and tasks due together, then never overlap.
 * Without one, tasks run on the timer thread itself and must be short and never block.
 *
 * <p>No lock: a concurrent set of pending tasks and a volatile flag.
 */
public final class TimerScope extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService scheduler;
    private final Executor handOff;
    private final Consumer<Runnable> afterClose; // null: a task scheduled after close is rejected
    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TimerScope(ScheduledExecutorService scheduler, Executor handOff, Consumer<Runnable> afterClose) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.handOff = handOff;
        this.afterClose = afterClose;
    }

    /** @return how many of this scope's tasks are scheduled and not yet done or cancelled */
    public int pendingTasks() {
        return pending.size();
    }

    // ------------------------------------------------------------------ scheduling

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Objects.requireNonNull(command, "command");
        return schedule(new OneShot<>(command, Executors.callable(command, null)), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Objects.requireNonNull(callable, "callable");
        return schedule(new OneShot<>(() -> {
            try {
                callable.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callable), delay, unit);
    }

    private <V> ScheduledFuture<V> schedule(OneShot<V> task, long delay, TimeUnit unit) {
        if (closed && afterClose != null) {
            afterClose.accept(task.command); // the client wants it now, to find itself closed and say so
            task.cancel(false);
            return task;
        }
        admit(task);
        try {
            task.timer = scheduler.schedule(task::fire, delay, unit);
        } catch (RejectedExecutionException e) {
            pending.remove(task);
            throw e;
        }
        if (closed || task.isCancelled()) {
            task.cancel(false); // closed (or cancelled) while it was being scheduled
            task.timer.cancel(false);
        }
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, tick -> scheduler.scheduleAtFixedRate(tick, initialDelay, period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, tick -> scheduler.scheduleWithFixedDelay(tick, initialDelay, delay, unit));
    }

    /** Admits a periodic task, then {@code start}s its ticks on the scheduler. */
    private ScheduledFuture<?> periodic(Runnable command, java.util.function.Function<Runnable, ScheduledFuture<?>> start) {
        Periodic task = new Periodic(Objects.requireNonNull(command, "command"));
        admit(task);
        try {
            task.timer = start.apply(task::tick);
        } catch (RejectedExecutionException e) {
            pending.remove(task);
            throw e;
        }
        if (closed) {
            task.cancel(false);
        }
        return task;
    }

    /** Runs {@code command} as soon as possible: on the hand-off executor if there is one, else the timer thread. */
    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    private void admit(Pending task) {
        if (closed) {
            throw new RejectedExecutionException("the client that owns this timer scope is closed");
        }
        pending.add(task);
    }

    // ------------------------------------------------------------------ closing

    /** The same as {@link #shutdownNow()}: a client's close cancels its tasks, it never waits for timers. */
    @Override
    public void shutdown() {
        shutdownNow();
    }

    /**
     * Cancels every task of this scope that has not run (a periodic one stops) and refuses new ones.
     * The scheduler underneath keeps running for everyone else.
     *
     * @return the one-shot tasks cancelled before they finished (normally: before they started), for a
     *     client that must still answer what they would have answered; this scope does not run them
     */
    @Override
    public List<Runnable> shutdownNow() {
        closed = true;
        List<Runnable> neverRan = new ArrayList<>();
        for (Pending task : List.copyOf(pending)) {
            if (task.cancel(false) && task instanceof OneShot<?> once) {
                neverRan.add(once.command);
            }
        }
        pending.clear();
        return neverRan;
    }

    @Override
    public boolean isShutdown() {
        return closed;
    }

    @Override
    public boolean isTerminated() {
        return closed && pending.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    // ------------------------------------------------------------------ tasks

    /** A task this scope still has to account for. */
    private interface Pending {
        boolean cancel(boolean mayInterruptIfRunning);
    }

    /** A one-shot task: fired by the scheduler, run there or on the hand-off executor, unless its client closed. */
    private final class OneShot<V> extends FutureTask<V> implements ScheduledFuture<V>, Pending {
        final Runnable command;
        volatile ScheduledFuture<?> timer;

        OneShot(Runnable command, Callable<V> callable) {
            super(callable);
            this.command = command;
        }

        /** On the timer thread: runs the task or hands it over. */
        void fire() {
            if (closed) {
                cancel(false);
            } else if (handOff == null) {
                run();
            } else {
                try {
                    handOff.execute(this);
                } catch (RejectedExecutionException e) {
                    setException(e); // the hand-off executor is shut down: the task cannot run
                }
            }
        }

        @Override
        public void run() {
            if (closed) {
                cancel(false); // its client closed between the timer and now
                return;
            }
            super.run();
        }

        @Override
        protected void done() {
            pending.remove(this);
            ScheduledFuture<?> t = timer;
            if (isCancelled() && t != null) {
                t.cancel(false); // leave no entry in the scheduler's queue
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            ScheduledFuture<?> t = timer;
            return t == null ? 0 : t.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    /** A repeating check, always on the timer thread. A run that throws stops it (as with any scheduler). */
    private final class Periodic implements ScheduledFuture<Object>, Pending {
        final Runnable command;
        volatile ScheduledFuture<?> timer;
        private volatile boolean cancelled;

        Periodic(Runnable command) {
            this.command = command;
        }

        /** On the timer thread: runs the check or hands it over. */
        void tick() {
            if (closed || cancelled) {
                cancel(false);
            } else if (handOff == null) {
                runOnce();
            } else {
                try {
                    handOff.execute(this::runOnce);
                } catch (RejectedExecutionException e) {
                    cancel(false); // the hand-off executor is shut down: the check cannot run any more
                }
            }
        }

        private void runOnce() {
            if (closed || cancelled) {
                return;
            }
            try {
                command.run();
            } catch (RuntimeException | Error e) {
                LoggerFactory.getLogger(TimerScope.class).warn("a periodic task threw and stops", e);
                cancel(false);
                throw e;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean first = !cancelled;
            cancelled = true;
            pending.remove(this);
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            return first;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            ScheduledFuture<?> t = timer;
            return cancelled || (t != null && t.isDone());
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return timer.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                TimeoutException {
            return timer.get(timeout, unit);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            ScheduledFuture<?> t = timer;
            return t == null ? 0 : t.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    @Override
    public String toString() {
        return "TimerScope[" + pending.size() + " pending" + (closed ? ", closed" : "") + "]";
    }

}
