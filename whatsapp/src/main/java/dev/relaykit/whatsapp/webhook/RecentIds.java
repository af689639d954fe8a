package dev.relaykit.whatsapp.webhook;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The keys of recently accepted events: at most {@code capacity}, each forgotten after
 * {@code windowNanos}. Insertion order is time order, so expiry and eviction both take from the head.
 */
final class RecentIds {
    private final int capacity;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    RecentIds(int capacity, long windowNanos, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
    }

    /** @return {@code true} if the key was not seen within the window (and is now recorded) */
    synchronized boolean claim(String key) {
        if (capacity == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue() < windowNanos) {
                break;
            }
            it.remove();
        }
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        if (seen.size() > capacity) {
            Iterator<String> eldest = seen.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    /** Forgets a key claimed for an event that could not be dispatched, so a redelivery is accepted. */
    synchronized void release(String key) {
        seen.remove(key);
    }
}
