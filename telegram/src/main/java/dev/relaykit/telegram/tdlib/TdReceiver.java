package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TDLib's one receive loop per {@link TdJson} (so one per process for the native library: TDLib's
 * rule is that {@code td_receive} serves every client and never runs on two threads at once). It
 * reads objects, routes each by its {@code "@client_id"} to that client's sink, and does nothing else:
 * the sinks hand the work to their client's ordered dispatcher at once, so one slow listener never
 * holds up another client. The thread starts with the first client and ends when none remains; a
 * client stops being served when its {@code authorizationStateClosed} passes through the loop.
 *
 * <p><b>JVM exit.</b> TDLib requires every client to be closed before the process ends
 * (td_json_client.h: "All TDLib client instances must be closed before application termination"): a
 * process that exits with an open client runs TDLib's static {@code ClientManager} destructor while the
 * client's scheduler threads still run, which fails a {@code CHECK} in {@code SchedulerGuard} and aborts
 * the whole process (SIGABRT, exit code 134), an end no Java code can catch. A shutdown hook therefore sends
 * TDLib's {@code close} to every client still served and waits (up to {@value #EXIT_CLOSE_SECONDS} s) for
 * the loops to end, that is for every client's {@code authorizationStateClosed}; the loop's own
 * {@code td_receive} is over by then too, so none runs while TDLib's exit handlers do.
 */
final class TdReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(TdReceiver.class);
    private static final Map<TdJson, TdReceiver> LOOPS = new IdentityHashMap<>();
    /** Short enough that a loop with no client left ends soon; TDLib returns at once when there is work. */
    private static final double RECEIVE_TIMEOUT_SECONDS = 0.5;
    /** How long the JVM's exit waits for open clients to reach Closed. */
    static final long EXIT_CLOSE_SECONDS = 10;
    private static final String EXIT_CLOSE = "{\"@type\":\"close\",\"@extra\":\"relaykit-exit-close\"}";
    private static boolean exitHookAdded; // guarded by LOOPS

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
            if (!exitHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(TdReceiver::closeAllAtExit, "relaykit-tdlib-exit"));
                exitHookAdded = true;
            }
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

    /**
     * The shutdown hook: TDLib's {@code close} to every client still served, then a bounded wait for every
     * loop to end (each ends once its last client reported Closed).
     */
    static void closeAllAtExit() {
        List<TdReceiver> loops;
        synchronized (LOOPS) {
            loops = new ArrayList<>(LOOPS.values());
        }
        // only the native library aborts; a JSON-level fake (tests) has nothing to flush
        loops.removeIf(r -> !(r.td instanceof NativeTdJson));
        if (loops.isEmpty()) {
            return;
        }
        for (TdReceiver r : loops) {
            for (Integer id : r.clients.keySet()) {
                LOG.info("JVM exit: closing TDLib client {}, still open (TDLib aborts a process that exits with an"
                        + " open client)", id);
                r.td.send(id, EXIT_CLOSE);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_CLOSE_SECONDS);
        for (TdReceiver r : loops) {
            Thread t;
            synchronized (LOOPS) {
                t = r.thread;
            }
            if (t == null) {
                continue;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.error("JVM exit: TDLib clients {} did not report authorizationStateClosed within {} s of close;"
                        + " TDLib may abort the process as it exits", r.clients.keySet(), EXIT_CLOSE_SECONDS);
            }
        }
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
        if ("updateAuthorizationState".equals(node.path("@type").asText())
                && "authorizationStateClosed".equals(node.path("authorization_state").path("@type").asText())) {
            // TDLib sends nothing more for it; the loop may end without waiting for the client's dispatcher
            clients.remove(id.asInt());
        }
    }
}
