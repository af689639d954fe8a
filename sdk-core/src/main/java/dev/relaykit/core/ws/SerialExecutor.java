package dev.relaykit.core.ws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a delegate executor one at a time, in submission order, so that callbacks stay
 * ordered even on a user's thread pool. A task that throws (logged) does not stop the ones after it.
 * This is the SDK's one ordered executor: every {@code WsSession}'s callbacks, a Socket.IO client's
 * events and each lane of a {@link KeyedExecutor} (the WhatsApp webhook's per-conversation order)
 * run on one.
 *
 * <p>Lock-free: submitting never waits for the task that is running (a lock shared by the submitting
 * thread and the draining one made them contend, and switch context, on every message of a busy
 * socket). Tasks wait in a JCTools multi-producer/single-consumer queue; the first task submitted to
 * an idle executor hands one drain task to the delegate, which then runs everything queued. At most
 * one task of this executor runs at a time. An idle executor holds a few hundred bytes and no thread.
 *
 * <p>{@link #onSharedPool()} gives one on the SDK's shared dispatch pool (a few daemon threads for
 * every session of the process): a session's default dispatcher is such an executor, so 1,000
 * sessions need no thread of their own for their callbacks.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(4);
 * Executor ordered = new SerialExecutor(pool);   // its tasks run one at a time, in order, on the pool
 * }</pre>
 *
 * <p>If the delegate refuses the drain task ({@link java.util.concurrent.RejectedExecutionException}
 * or any other {@code RuntimeException}), {@link #execute} throws it and that task is dropped; tasks
 * other threads submitted meanwhile were accepted, so they run at once on the refused caller's
 * thread, in order, rather than being lost. The executor then works again as soon as the delegate
 * does.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final VarHandle SCHEDULED;

    static {
        try {
            SCHEDULED = MethodHandles.lookup().findVarHandle(SerialExecutor.class, "scheduled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The longest a shared-pool thread waits, spinning, for a busy executor's next task before it
     * gives the thread back. A steady stream (one message every few microseconds) then pays no
     * wake-up per message; an executor whose last spin caught nothing spins half as long the next
     * time, so a quiet one soon spins not at all. {@code relaykit.dispatch.spinMicros} overrides it
     * ({@code 0}: never spin).
     */
    static final long SPIN_MAX_NANOS = Long.getLong("relaykit.dispatch.spinMicros", 50) * 1000;
    /** At most this many shared-pool threads spin at once: half the cores, at least one. */
    private static final int MAX_SPINNERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final java.util.concurrent.atomic.AtomicInteger SPINNERS = new java.util.concurrent.atomic.AtomicInteger();
    /** Tasks one turn runs before a shared-pool thread checks whether other executors wait for it. */
    private static final int BATCH = 256;

    private final Executor delegate;
    private final boolean shared; // on DispatchPool: may spin, and yields to other executors
    private final Consumer<Object> handler; // runs submitted items that are not Runnables; null if none
    private final MessagePassingQueue<Object> queue;
    private final Runnable drainTask = this::drain;
    @SuppressWarnings("unused") // through SCHEDULED: 1 while a drain task is handed over or running
    private volatile int scheduled;
    private volatile Thread runner; // the thread running this executor's tasks now, if any
    private volatile boolean stopping;
    private volatile CountDownLatch terminated; // set by shutdown()
    private boolean discard; // after shutdown's last task ran; the draining thread's alone
    // adaptive spin: touched only by the draining thread (one at a time; the hand-over orders them)
    private long spinNanos;
    private long idleSinceNanos;

    /**
     * @param delegate the executor the tasks run on
     */
    public SerialExecutor(Executor delegate) {
        this(delegate, false, null);
    }

    private SerialExecutor(Executor delegate, boolean shared, Consumer<Object> handler) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.shared = shared;
        this.handler = handler;
        // a session's message queue: the JCTools queue as measured for the old per-session dispatcher
        // thread (1,024-slot chunks, two kept for reuse: a busy socket allocates none); other executors
        // hold one small chunk and keep none
        this.queue = handler != null ? new MpscUnboundedXaddArrayQueue<>(1024, 2)
                : new MpscUnboundedXaddArrayQueue<>(64, 0);
    }

    /**
     * A new serial executor on the SDK's shared dispatch pool (bounded, daemon threads named
     * {@code relaykit-dispatch-N}, created on demand and ending when idle). Its tasks must not block
     * for long: they share a few threads with every other session's callbacks.
     *
     * <pre>{@code
     * Executor events = SerialExecutor.onSharedPool();
     * events.execute(() -> System.out.println("first"));
     * events.execute(() -> System.out.println("second, never before or beside the first"));
     * }</pre>
     *
     * @return an executor that runs its tasks one at a time, in order, on the shared pool
     */
    public static SerialExecutor onSharedPool() {
        return new SerialExecutor(DispatchPool.get(), true, null);
    }

    /**
     * A session's default dispatcher: on the shared pool, with items that are not {@code Runnable}s
     * (message payloads) handed to {@code handler}, so that a message arriving allocates nothing here.
     */
    static SerialExecutor forSession(Consumer<Object> handler) {
        return new SerialExecutor(DispatchPool.get(), true, Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public void execute(Runnable task) {
        submit(Objects.requireNonNull(task, "task"));
    }

    /** Queues a task, or a payload for the handler; dropped silently once {@link #shutdown()} was called. */
    void submit(Object item) {
        if (stopping) {
            return;
        }
        queue.offer(item);
        if ((int) SCHEDULED.getVolatile(this) == 0 && SCHEDULED.compareAndSet(this, 0, 1)) {
            handOver(item);
        }
    }

    /** True on the thread running this executor's tasks now (a callback calling back in). */
    boolean isLoopThread() {
        return runner == Thread.currentThread();
    }

    /** Runs what is already queued, then nothing more: later submissions are dropped. */
    void shutdown() {
        if (stopping) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        terminated = done;
        stopping = true;
        queue.offer((Runnable) () -> {
            discard = true; // a submission that raced with shutdown() is dropped, as after it
            done.countDown();
        });
        if ((int) SCHEDULED.getVolatile(this) == 0 && SCHEDULED.compareAndSet(this, 0, 1)) {
            handOver(null);
        }
    }

    /** After {@link #shutdown()}: waits until what was queued before it has run. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch done = terminated;
        return done != null && done.await(timeout, unit);
    }

    private void handOver(Object own) {
        try {
            delegate.execute(drainTask);
        } catch (RuntimeException refused) {
            // This submission fails. What other threads queued meanwhile found the drain "scheduled" and
            // was accepted: run it here, in order, rather than lose it.
            do {
                Object item;
                while ((item = queue.poll()) != null) {
                    if (item != own) {
                        run(item);
                    }
                }
                SCHEDULED.setVolatile(this, 0);
            } while (!queue.isEmpty() && SCHEDULED.compareAndSet(this, 0, 1));
            throw refused;
        }
    }

    private void drain() {
        Thread self = Thread.currentThread();
        runner = self;
        if (shared && SPIN_MAX_NANOS > 0 && System.nanoTime() - idleSinceNanos < SPIN_MAX_NANOS) {
            spinNanos = SPIN_MAX_NANOS; // this task came soon after the last: a spin would have caught it
        }
        int budget = BATCH;
        while (true) {
            Object item = queue.relaxedPoll();
            if (item != null) {
                run(item);
                if (--budget == 0) {
                    budget = BATCH;
                    if (shared && DispatchPool.othersWaiting()) {
                        // fair to the other executors on the pool: go to the back of its queue
                        runner = null;
                        delegate.execute(drainTask);
                        return;
                    }
                }
                continue;
            }
            if (shared && spinNanos > 0 && spin()) {
                continue;
            }
            if (shared) {
                idleSinceNanos = System.nanoTime();
            }
            runner = null;
            SCHEDULED.setVolatile(this, 0);
            // a task queued after the last poll found the flag still up and left it to us
            if (queue.isEmpty() || !SCHEDULED.compareAndSet(this, 0, 1)) {
                return;
            }
            runner = self;
        }
    }

    /**
     * Waits briefly for the next task; true if one came. Never while other executors wait for a thread,
     * and on no more than {@link #MAX_SPINNERS} threads at once (spinning threads must leave the socket
     * readers and the rest of the process their cores).
     */
    private boolean spin() {
        if (SPINNERS.incrementAndGet() > MAX_SPINNERS) {
            SPINNERS.decrementAndGet();
            return false;
        }
        try {
            long start = System.nanoTime();
            int i = 0;
            while (queue.isEmpty()) {
                Thread.onSpinWait();
                if ((++i & 63) == 0 && (System.nanoTime() - start > spinNanos || DispatchPool.othersWaiting())) {
                    spinNanos = spinNanos < 2_000 ? 0 : spinNanos >> 1;
                    return false;
                }
            }
            spinNanos = SPIN_MAX_NANOS;
            return true;
        } finally {
            SPINNERS.decrementAndGet();
        }
    }

    private void run(Object item) {
        if (discard) {
            return;
        }
        try {
            if (item instanceof Runnable r) {
                r.run();
            } else {
                handler.accept(item);
            }
        } catch (RuntimeException | Error e) {
            // the task's own failure: the tasks queued after it still run, in order
            LOG.warn("a serialised task threw", e);
        }
    }
}
