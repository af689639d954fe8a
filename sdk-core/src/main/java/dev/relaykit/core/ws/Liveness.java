package dev.relaykit.core.ws;

import dev.relaykit.core.TransportException;
import dev.relaykit.core.internal.OkHttpSupport;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.WebSocket;

/**
 * Whether one open connection is alive: the heartbeat (a ping that OkHttp sends must be answered by
 * a pong within the timeout) and the silence watchdog (some message must arrive within the silence
 * timeout; pongs do not count). One periodic check on the session's timer, started when the
 * connection opens and stopped when it ends; a new connection gets a new instance.
 *
 * <p>No lock: the check's fields are touched only by the check itself (runs of one periodic task
 * never overlap), and the frame count has one writer, the socket's reader thread.
 */
final class Liveness {
    /** Told once the connection is found dead. */
    interface Verdict {
        void dead(SessionError.Kind kind, TransportException why);
    }

    private final WebSocket socket;
    private final Duration pongTimeout; // null: no heartbeat check
    private final Duration silenceTimeout; // null: no watchdog
    private final Verdict verdict;
    private final AtomicLong framesRead = new AtomicLong(); // written by the reader thread only
    private volatile ScheduledFuture<?> task;
    private volatile boolean stopped;
    // the check's own
    private long seenFrames;
    private long activityNanos;
    private int pingsSeen;
    private long pingOutstandingSince = -1;

    private Liveness(WebSocket socket, Duration pongTimeout, Duration silenceTimeout, Verdict verdict) {
        this.socket = socket;
        this.pongTimeout = pongTimeout;
        this.silenceTimeout = silenceTimeout;
        this.verdict = verdict;
        this.activityNanos = System.nanoTime();
    }

    /**
     * Starts watching a connection that just opened.
     *
     * @return the monitor, or {@code null} when neither heartbeat nor watchdog is configured
     */
    static Liveness start(WsConfig config, WebSocket socket, ScheduledExecutorService timer, Verdict verdict) {
        if (config.pongTimeout == null && config.silenceTimeout == null) {
            return null;
        }
        Liveness l = new Liveness(socket, config.pongTimeout, config.silenceTimeout, verdict);
        long shortest = Math.min(l.pongTimeout != null ? l.pongTimeout.toMillis() : Long.MAX_VALUE,
                l.silenceTimeout != null ? l.silenceTimeout.toMillis() : Long.MAX_VALUE);
        // A quarter of the shortest timeout: a dead connection is found within 1.25x its timeout, and a process
        // with many sessions pays little for it (with a 250 ms cap, 1,000 sessions on a 20 s heartbeat took 7% of a
        // core in ticks alone; IdleSessions measures it).
        long tick = Math.max(10, shortest / 4);
        try {
            l.task = timer.scheduleAtFixedRate(l::check, tick, tick, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // the session is closing
        }
        return l;
    }

    /** On the reader thread: a data frame arrived. */
    void frameRead() {
        framesRead.lazySet(framesRead.get() + 1); // single writer: an ordered store, no fence on the hot path
    }

    /** The connection ended: no more checks. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long frames = framesRead.get();
        if (frames != seenFrames) {
            seenFrames = frames;
            activityNanos = now;
        } else if (silenceTimeout != null && now - activityNanos > silenceTimeout.toNanos()) {
            stop();
            verdict.dead(SessionError.Kind.SILENCE, new TransportException(
                    "no message for " + silenceTimeout.toMillis() + " ms (watchdog); dropping the connection"));
            return;
        }
        int[] counts = pongTimeout != null ? OkHttpSupport.pingCounts(socket) : null;
        if (counts == null) {
            return;
        }
        int sent = counts[0];
        int received = counts[1];
        if (received >= sent) {
            pingOutstandingSince = -1;
        } else if (pingOutstandingSince < 0 || sent != pingsSeen) {
            if (pingOutstandingSince < 0) {
                pingOutstandingSince = now;
            }
            pingsSeen = sent;
        } else if (now - pingOutstandingSince > pongTimeout.toNanos()) {
            stop();
            verdict.dead(SessionError.Kind.HEARTBEAT_TIMEOUT, new TransportException(
                    "no pong within " + pongTimeout.toMillis() + " ms of a ping; dropping the connection",
                    new SocketTimeoutException("pong timeout")));
        }
    }
}
