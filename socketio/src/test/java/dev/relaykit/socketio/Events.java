package dev.relaykit.socketio;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Waiting for events the tests' listeners queue. */
final class Events {
    /** How long a test waits for an event a live server should send. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private Events() {
    }

    /**
     * @return the next queued event named {@code name}, skipping others
     * @throws AssertionError if none arrives within {@link #WAIT}
     */
    static SocketEvent next(BlockingQueue<SocketEvent> q, String name) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            SocketEvent e = q.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.name().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no '" + name + "' event within " + WAIT);
    }
}
