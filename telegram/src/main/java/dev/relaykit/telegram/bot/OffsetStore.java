package dev.relaykit.telegram.bot;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where long polling keeps the next {@code getUpdates} offset (the last handled {@code update_id}
 * plus one), so that a restarted bot neither loses nor repeats an update. {@link #save(long)} is
 * called after the listener has handled each update and before the next one is delivered.
 *
 * <pre>{@code
 * Path file = Path.of("telegram.offset");
 * OffsetStore store = new OffsetStore() {
 *     public long load() throws IOException {
 *         return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
 *     }
 *     public void save(long nextOffset) throws IOException {
 *         Files.writeString(file, Long.toString(nextOffset));
 *     }
 * };
 * bot.longPolling(update -> System.out.println(update)).offsetStore(store).start();
 * }</pre>
 */
public interface OffsetStore {
    /**
     * @return the offset to start from; 0 for "whatever Telegram has unconfirmed"
     * @throws Exception if it cannot be read (polling then does not start)
     */
    long load() throws Exception;

    /**
     * @param nextOffset the last handled {@code update_id} + 1
     * @throws Exception if it cannot be written (logged; polling goes on)
     */
    void save(long nextOffset) throws Exception;

    /**
     * @param start the first offset
     * @return a store in memory (the default, starting at 0): a restarted process gets the updates
     *     Telegram still holds unconfirmed, which may include the last ones handled before it stopped
     */
    static OffsetStore inMemory(long start) {
        AtomicLong offset = new AtomicLong(start);
        return new OffsetStore() {
            @Override
            public long load() {
                return offset.get();
            }

            @Override
            public void save(long nextOffset) {
                offset.set(nextOffset);
            }
        };
    }
}
