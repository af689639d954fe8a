package dev.relaykit.kafka.webhook;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One partition's de-duplication window: the ids of its last {@code capacity} records, each with its record
 * timestamp. A record is a duplicate when a record with the same id is among them, written at most
 * {@code windowMillis} before it. The window is a function of the partition's records alone (not of when a consumer
 * read them), so a consumer that takes a partition over rebuilds exactly the window its previous owner had, by
 * reading the last {@code capacity} records before the committed offset.
 *
 * <p>Memory is bounded by {@code capacity} entries. Not thread-safe: one partition has one reader.
 */
final class DedupWindow {
    private final int capacity;
    private final long windowMillis;
    private final ArrayDeque<Entry> records = new ArrayDeque<>();
    private final Map<String, Slot> byId = new HashMap<>();

    private record Entry(String id, long timestamp) {
    }

    private static final class Slot {
        int count;
        long latest;
    }

    DedupWindow(int capacity, long windowMillis) {
        this.capacity = capacity;
        this.windowMillis = windowMillis;
    }

    /** @return whether a record with this id is in the window and at most the window's time before {@code timestamp} */
    boolean contains(String id, long timestamp) {
        Slot s = byId.get(id);
        return s != null && timestamp - s.latest <= windowMillis;
    }

    /** Adds a record (a duplicate too: the window is the last records, whatever they were). */
    void add(String id, long timestamp) {
        if (capacity == 0) {
            return;
        }
        records.addLast(new Entry(id, timestamp));
        Slot s = byId.computeIfAbsent(id, k -> new Slot());
        s.count++;
        s.latest = Math.max(s.latest, timestamp);
        if (records.size() > capacity) {
            Entry gone = records.removeFirst();
            Slot g = byId.get(gone.id());
            if (--g.count == 0) {
                byId.remove(gone.id());
            }
        }
    }

    int size() {
        return records.size();
    }
}
