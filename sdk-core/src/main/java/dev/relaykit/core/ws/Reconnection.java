package dev.relaykit.core.ws;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Where a session's next connection attempt goes and whether there is one: the reconnect policy
 * and its backoff, the attempt count, failover over the endpoints (or the endpoint supplier), and
 * the rule that the first connection gets one pass over the list and, unless asked to keep trying,
 * no more.
 *
 * <p>No lock of its own: the session calls it only while holding its state lock.
 */
final class Reconnection {
    /** What follows a connection attempt that ended or a connection that dropped. */
    enum Verdict {
        /** The first pass over the endpoints is not done: try the next one at once. */
        NEXT_ENDPOINT_NOW,
        /** Wait {@link #delay()}, then try again. */
        RETRY_LATER,
        /** The first connection never opened and the user did not ask to keep trying. */
        FAIL_FIRST_CONNECT,
        /** The policy allows no more attempts. */
        GIVE_UP
    }

    private final ReconnectPolicy policy;
    private final boolean retryInitialConnect;
    private final List<HttpUrl> endpoints; // null when endpointSupplier is set
    private final Supplier<String> endpointSupplier;

    private int attempt;
    private int endpointIndex; // into endpoints: the one the next attempt uses
    private int firstPassFailures; // endpoints that failed before the first open
    private boolean everOpened;
    private long openedAtNanos; // 0: the current connection is not open

    Reconnection(WsConfig config) {
        this.policy = config.policy;
        this.retryInitialConnect = config.retryInitialConnect;
        this.endpoints = config.endpoints;
        this.endpointSupplier = config.endpointSupplier;
    }

    /** @return the endpoint the first attempt will use, or {@code null} when a supplier names it */
    HttpUrl firstEndpoint() {
        return endpoints != null ? endpoints.get(0) : null;
    }

    /** @return the number of endpoints, or 0 when a supplier names them */
    int endpointCount() {
        return endpoints != null ? endpoints.size() : 0;
    }

    /**
     * @return the endpoint of the next attempt (the supplier is asked now)
     * @throws SetupFailure if the supplier answers null or not a WebSocket URL; its own exception if it throws
     */
    HttpUrl nextEndpoint() {
        if (endpoints != null) {
            return endpoints.get(endpointIndex);
        }
        String supplied = endpointSupplier.get();
        if (supplied == null) {
            throw new SetupFailure("the endpoint supplier returned null");
        }
        try {
            return WsSession.Builder.parse(supplied);
        } catch (IllegalArgumentException e) {
            throw new SetupFailure("the endpoint supplier's answer is " + e.getMessage());
        }
    }

    /** @return the attempt number counted so far (0 before any failure) */
    int attempt() {
        return attempt;
    }

    /** @return whether a connection of this session was ever open */
    boolean everOpened() {
        return everOpened;
    }

    boolean retriesInitialConnect() {
        return retryInitialConnect;
    }

    /**
     * The current attempt opened.
     *
     * @return whether it is a reconnect (a connection was open before)
     */
    boolean opened() {
        boolean reconnect = everOpened;
        everOpened = true;
        openedAtNanos = System.nanoTime();
        return reconnect;
    }

    /** The current attempt failed, or its open connection dropped: decides what happens next. */
    Verdict lost() {
        boolean wasOpen = openedAtNanos != 0;
        if (wasOpen && System.nanoTime() - openedAtNanos >= policy.stableAfter().toNanos()) {
            attempt = 0; // it was up long enough: the backoff starts over
        }
        openedAtNanos = 0;
        if (!wasOpen && endpoints != null) {
            // failover: an attempt that never opened moves on to the next endpoint (a drop of an open
            // connection retries the same one first)
            endpointIndex = (endpointIndex + 1) % endpoints.size();
        }
        if (!everOpened && endpoints != null && ++firstPassFailures < endpoints.size()) {
            // the first connection gets one pass over the list, at once: connect() is decided by all of them
            return Verdict.NEXT_ENDPOINT_NOW;
        }
        attempt++;
        if (!everOpened && !retryInitialConnect) {
            return Verdict.FAIL_FIRST_CONNECT;
        }
        return policy.allows(attempt) ? Verdict.RETRY_LATER : Verdict.GIVE_UP;
    }

    /** @return the wait before the next attempt, after {@link Verdict#RETRY_LATER} */
    Duration delay() {
        return policy.delay(attempt);
    }
}
