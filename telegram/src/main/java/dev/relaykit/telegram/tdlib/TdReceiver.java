package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TDLib's one receive loop per {@link TdJson} (so one per process for the native library: TDLib's
 * rule is that {@code td_receive} serves every client and never runs on two threads at once). It
 * reads objects, routes each by its {@code "@client_id"} to that client's sink, and does nothing else:
 * the sinks hand the work to their client's ordered dispatcher at once, so one slow listener never
 * holds up another client. The thread starts with the first client and ends when none remains.
 */
final class TdReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(TdReceiver.class);
    private static final Map<TdJson, TdReceiver> LOOPS = new IdentityHashMap<>();
    /** Short enough that a loop with no client left ends soon; TDLib returns at once when there is work. */
    private static final double RECEIVE_TIMEOUT_SECONDS = 0.5;

    private final TdJson td;
    private final Map<Integer, Consumer<JsonNode>> clients = new ConcurrentHashMap<>();
    private Thread thread; // guarded by LOOPS

    private TdReceiver(TdJson td) {
        this.td = td;
    }

    /**
     * Routes {@code clientId}'s objects to {@code sink}, starting {@code td}'s loop if none runs.
     * Under the one lock that also ends a loop, so a {@code TdJson} never has two loops at once.
     *
     * @return the loop now serving the client
     */
    static TdReceiver register(TdJson td, int clientId, Consumer<JsonNode> sink) {
        synchronized (LOOPS) {
            TdReceiver r = LOOPS.computeIfAbsent(td, TdReceiver::new);
            r.clients.put(clientId, sink);
            if (r.thread == null) {
                r.thread = new Thread(r::run, "relaykit-tdlib-receive");
                r.thread.setDaemon(true);
                r.thread.start();
            }
            return r;
        }
    }

    /** @return the loop of {@code td}, or {@code null} if none runs */
    static TdReceiver running(TdJson td) {
        synchronized (LOOPS) {
            return LOOPS.get(td);
        }
    }

    /** Stops routing {@code clientId}; the loop ends after its current wait when no client remains. */
    void unregister(int clientId) {
        clients.remove(clientId);
    }

    /** @return whether the loop's thread is running */
    boolean running() {
        synchronized (LOOPS) {
            return thread != null;
        }
    }

    /** @return how many clients the loop serves */
    int clients() {
        return clients.size();
    }

    private void run() {
        while (true) {
            synchronized (LOOPS) {
                if (clients.isEmpty()) {
                    thread = null;
                    LOOPS.remove(td);
                    return;
                }
            }
            String text;
            try {
                text = td.receive(RECEIVE_TIMEOUT_SECONDS);
            } catch (RuntimeException | Error e) {
                LOG.error("td_receive failed; the TDLib receive loop goes on", e);
                continue;
            }
            if (text != null) {
                route(text);
            }
        }
    }

    private void route(String text) {
        JsonNode node;
        try {
            node = Json.tree(text);
        } catch (RuntimeException e) {
            LOG.warn("unreadable object from td_receive dropped ({} chars)", text.length(), e);
            return;
        }
        JsonNode id = node.get("@client_id");
        Consumer<JsonNode> sink = id == null ? null : clients.get(id.asInt());
        if (sink == null) {
            LOG.debug("{} for client {}, which RelayKit does not serve, dropped", node.path("@type").asText(), id);
            return;
        }
        try {
            sink.accept(node);
        } catch (RuntimeException e) {
            LOG.error("client {} refused an object; the TDLib receive loop goes on", id, e);
        }
    }
}
