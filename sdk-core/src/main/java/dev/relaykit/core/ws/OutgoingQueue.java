package dev.relaykit.core.ws;

import dev.relaykit.core.internal.SharedTimer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * What a session sends, on its way to the socket: a bounded queue of the user's messages (the
 * session's own subscription frames are not counted against the bound), the outgoing rate limit
 * (at most N messages in any one-second window), and back-pressure when OkHttp's own buffer is
 * deep. While the rate limit or the buffer holds messages back, one task on the session's timer
 * sends them when there is room; the futures of what it sent are completed off the timer thread.
 *
 * <p>One lock, its own. The session calls {@link #open}, {@link #close} and {@link #sendInternal}
 * while holding its state lock (so the order is always session lock, then this one); this class
 * never calls back into the session.
 */
final class OutgoingQueue {
    /** Stop handing frames to OkHttp while its own buffer holds more than this (it closes the socket at 16 MiB). */
    private static final long SOCKET_HIGH_WATER_BYTES = 1 << 20;

    /** One message; {@code future} is null for the session's own frames. */
    record Message(String text, ByteString bytes, CompletableFuture<Void> future, boolean internal) {
    }

    private final String name;
    private final int capacity;
    private final long[] sendTimes; // ring of the last N send times (nanos); null = no rate limit
    private final ScheduledExecutorService timer;
    private final Supplier<ConnectionState> state; // for messages only
    // completes the futures of messages the timer sent, in order, off the timer thread (a caller may have chained onto them)
    private final SerialExecutor completions = new SerialExecutor(SharedTimer.workers());
    final AtomicLong messagesOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();

    private final Object lock = new Object();
    // --- guarded by lock ---
    private WebSocket socket; // null while not open
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private int userQueued;
    private int sendIndex;
    private boolean drainScheduled;
    // --- end guarded ---

    OutgoingQueue(WsConfig config, ScheduledExecutorService timer, Supplier<ConnectionState> state) {
        this.name = config.name;
        this.capacity = config.queueCapacity;
        this.sendTimes = config.messagesPerSecond > 0 ? new long[config.messagesPerSecond] : null;
        this.timer = timer;
        this.state = state;
    }

    /**
     * A connection opened: {@code firstFrames} (the subscriptions) go first, before anything sent after this returns.
     */
    void open(WebSocket socket, List<String> firstFrames) {
        synchronized (lock) {
            this.socket = socket;
            for (String frame : firstFrames) {
                queue.add(new Message(frame, null, null, true));
            }
            drainLocked(null);
        }
    }

    /** @return the messages not sent; the queue is closed until the next {@link #open} */
    List<Message> close() {
        synchronized (lock) {
            socket = null;
            List<Message> unsent = new ArrayList<>(queue);
            queue.clear();
            userQueued = 0;
            drainScheduled = false;
            return unsent;
        }
    }

    /**
     * Queues a user's message.
     *
     * @throws NotConnectedException if no connection is open
     * @throws OutgoingQueueFullException if the bound is reached
     */
    CompletableFuture<Void> send(Message m) {
        synchronized (lock) {
            if (socket == null) {
                throw new NotConnectedException("cannot send: session " + name + " is " + state.get());
            }
            if (userQueued >= capacity) {
                throw new OutgoingQueueFullException("outgoing queue of session " + name + " is full ("
                        + capacity + " messages waiting" + (sendTimes != null
                        ? ", rate limit " + sendTimes.length + "/s" : "") + "); message not queued");
            }
            userQueued++;
            queue.add(m);
            drainLocked(null);
        }
        return m.future();
    }

    /** Queues a frame of the session's own (a subscription); dropped when no connection is open. */
    void sendInternal(String text) {
        synchronized (lock) {
            if (socket == null) {
                return;
            }
            queue.add(new Message(text, null, null, true));
            drainLocked(null);
        }
    }

    private void drainFromTimer() {
        List<Runnable> done = new ArrayList<>();
        synchronized (lock) {
            drainScheduled = false;
            drainLocked(done);
        }
        if (!done.isEmpty()) {
            completions.execute(() -> done.forEach(Runnable::run));
        }
    }

    /**
     * Hands queued frames to the socket as fast as the rate limit allows. Caller holds the lock.
     *
     * @param deferred null to complete the senders' futures here; else where to put their completions
     */
    private void drainLocked(List<Runnable> deferred) {
        WebSocket s = socket;
        if (s == null || drainScheduled) {
            return;
        }
        while (!queue.isEmpty()) {
            long now = System.nanoTime();
            long waitNanos = 0;
            if (sendTimes != null) {
                long oldest = sendTimes[sendIndex];
                if (oldest != 0 && now - oldest < 1_000_000_000L) {
                    waitNanos = 1_000_000_000L - (now - oldest);
                }
            }
            if (waitNanos == 0 && s.queueSize() > SOCKET_HIGH_WATER_BYTES) {
                waitNanos = TimeUnit.MILLISECONDS.toNanos(5);
            }
            if (waitNanos > 0) {
                drainScheduled = true;
                try {
                    timer.schedule(this::drainFromTimer, waitNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    drainScheduled = false; // closing
                }
                return;
            }
            Message o = queue.poll();
            if (!o.internal()) {
                userQueued--;
            }
            boolean accepted = o.text() != null ? s.send(o.text()) : s.send(o.bytes());
            if (sendTimes != null) {
                sendTimes[sendIndex] = now == 0 ? 1 : now;
                sendIndex = (sendIndex + 1) % sendTimes.length;
            }
            if (accepted) {
                messagesOut.incrementAndGet();
                bytesOut.addAndGet(o.text() != null ? WsSession.utf8Length(o.text()) : o.bytes().size());
            }
            CompletableFuture<Void> f = o.future();
            if (f != null) {
                if (deferred != null) {
                    deferred.add(() -> complete(f, accepted));
                } else {
                    complete(f, accepted);
                }
            }
        }
    }

    private static void complete(CompletableFuture<Void> f, boolean accepted) {
        if (accepted) {
            f.complete(null);
        } else {
            f.completeExceptionally(new NotConnectedException("the socket refused the message (it is closing); not sent"));
        }
    }

    /** Fails the futures of messages that were not sent. */
    static void failAll(List<Message> unsent, String why) {
        for (Message o : unsent) {
            if (o.future() != null) {
                o.future().completeExceptionally(new NotConnectedException(why));
            }
        }
    }
}
