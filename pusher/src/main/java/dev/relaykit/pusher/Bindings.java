package dev.relaykit.pusher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners by event name plus listeners of every event; copy-on-write, so emitting takes no lock. */
final class Bindings {
    private static final Logger LOG = LoggerFactory.getLogger(Bindings.class);
    private final Map<String, List<PusherEventListener>> byEvent = new ConcurrentHashMap<>();
    private final List<PusherEventListener> all = new CopyOnWriteArrayList<>();

    Binding bind(String event, PusherEventListener listener) {
        java.util.Objects.requireNonNull(event, "event");
        java.util.Objects.requireNonNull(listener, "listener");
        List<PusherEventListener> list = byEvent.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    Binding bindAll(PusherEventListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        all.add(listener);
        return () -> all.remove(listener);
    }

    void unbind(String event) {
        byEvent.remove(event);
    }

    void unbindAll() {
        byEvent.clear();
        all.clear();
    }

    /** Delivers to the event's listeners, then to those of every event; a listener that throws is logged. */
    void emit(PusherEvent event) {
        List<PusherEventListener> named = byEvent.get(event.event());
        if (named != null) {
            named.forEach(l -> deliver(l, event));
        }
        all.forEach(l -> deliver(l, event));
    }

    private static void deliver(PusherEventListener l, PusherEvent event) {
        try {
            l.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("a listener of {} on {} threw", event.event(), event.channel(), e);
        }
    }
}
