package dev.relaykit.core.ws;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Ordered per key: tasks submitted with equal keys run one at a time, in submission order; tasks of
 * different keys may run side by side on the delegate. Each key maps to one of a fixed number of
 * lanes, and each lane is a {@link SerialExecutor} (the SDK's one ordered executor), so two keys
 * that share a lane also share its order. The WhatsApp webhook uses it to keep each conversation's
 * events in order while different conversations run in parallel.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(8);
 * KeyedExecutor byChat = new KeyedExecutor(pool, 64);
 * byChat.execute("chat-1", () -> System.out.println("a"));
 * byChat.execute("chat-1", () -> System.out.println("b, after a"));
 * byChat.execute("chat-2", () -> System.out.println("c, maybe beside a or b"));
 * }</pre>
 */
public final class KeyedExecutor {
    private final SerialExecutor[] lanes;

    /**
     * @param delegate the executor every lane runs on
     * @param lanes the number of lanes, a power of two (the most keys that can run side by side)
     * @throws IllegalArgumentException if {@code lanes} is not a positive power of two
     */
    public KeyedExecutor(Executor delegate, int lanes) {
        Objects.requireNonNull(delegate, "delegate");
        if (lanes <= 0 || Integer.bitCount(lanes) != 1) {
            throw new IllegalArgumentException("lanes must be a positive power of two, not " + lanes);
        }
        this.lanes = new SerialExecutor[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new SerialExecutor(delegate);
        }
    }

    /**
     * Runs a task after every task submitted before it with an equal key.
     *
     * @param key the ordering key ({@code null} is a key like any other)
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException if the delegate refuses it (see
     *     {@link SerialExecutor}); the task is then not run
     */
    public void execute(Object key, Runnable task) {
        lane(key).execute(task);
    }

    /**
     * The serial executor a key's tasks run on.
     *
     * @param key the ordering key
     * @return the key's lane (the same one every time for equal keys)
     */
    public SerialExecutor lane(Object key) {
        int h = key == null ? 0 : key.hashCode();
        return lanes[(h ^ (h >>> 16)) & (lanes.length - 1)];
    }
}
