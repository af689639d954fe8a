package dev.relaykit.pusher;

/**
 * Receives events. Listeners run on the client's dispatcher, one at a time and in the order the events
 * arrived, never on the socket's reader thread; a listener that throws is logged and the others still run.
 *
 * <pre>{@code
 * PusherEventListener print = e -> System.out.println(e.channel() + " " + e.event() + " " + e.data());
 * }</pre>
 */
@FunctionalInterface
public interface PusherEventListener {
    /** @param event the event */
    void onEvent(PusherEvent event);
}
