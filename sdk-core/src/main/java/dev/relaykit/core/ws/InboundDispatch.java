package dev.relaykit.core.ws;

import dev.relaykit.core.DecodeException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a session tells its listeners, in order, on its dispatcher and never on the socket's
 * reader thread: incoming messages (counted, checked against the size limit and the expected frame
 * type, then delivered), state changes and errors. The dispatcher is the session's own
 * {@link SerialExecutor} on the SDK's shared dispatch pool unless the user gave an executor (then wrapped in a {@link SerialExecutor}).
 *
 * <p>No lock: listeners sit in a copy-on-write list, and the incoming counters have one writer, the
 * dispatcher.
 */
final class InboundDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);

    private final WsSession session;
    private final String name;
    private final long maxIncomingBytes;
    private final FrameType expected;
    private final Executor dispatcher;
    private final SerialExecutor loop; // the default dispatcher (on the shared pool); null when the user gave an executor
    final List<WsListener> listeners = new CopyOnWriteArrayList<>();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    volatile long lastMessageAtMillis;

    InboundDispatch(WsSession session, WsConfig config, Executor userDispatcher, WsListener first) {
        this.session = session;
        this.name = config.name;
        this.maxIncomingBytes = config.maxIncomingBytes;
        this.expected = config.expected;
        if (first != null) {
            listeners.add(first);
        }
        if (userDispatcher != null) {
            this.loop = null;
            // an executor that is already serial keeps the order by itself: no second queue in front of it
            this.dispatcher = userDispatcher instanceof SerialExecutor serial ? serial : new SerialExecutor(userDispatcher);
        } else {
            // ordered on the SDK's shared dispatch pool: no thread of the session's own
            this.loop = SerialExecutor.forSession(this::handleIncoming);
            this.dispatcher = loop;
        }
    }

    /** On the socket's reader thread: as little as possible, then hand over to the dispatcher. */
    void incoming(Object payload) {
        if (loop != null) {
            loop.submit(payload);
        } else {
            dispatch(() -> handleIncoming(payload));
        }
    }

    /** On the dispatcher: count, check, deliver a text ({@code String}) or binary ({@code ByteString}) message. */
    private void handleIncoming(Object payload) {
        String text = payload instanceof String t ? t : null;
        ByteString bytes = text == null ? (ByteString) payload : null;
        long size = text != null ? WsSession.utf8Length(text) : bytes.size();
        lastMessageAtMillis = System.currentTimeMillis();
        messagesIn.lazySet(messagesIn.get() + 1); // the dispatcher is the only writer
        bytesIn.lazySet(bytesIn.get() + size);
        if (size > maxIncomingBytes) {
            notifyError(SessionError.Kind.OVERSIZED_MESSAGE, "discarded a " + size
                    + "-byte message; the limit is " + maxIncomingBytes + " bytes", null);
            return;
        }
        if ((text != null && expected == FrameType.BINARY) || (bytes != null && expected == FrameType.TEXT)) {
            notifyError(SessionError.Kind.UNEXPECTED_FRAME_TYPE, "discarded a " + (text != null ? "text" : "binary")
                    + " message; this session expects " + expected, null);
            return;
        }
        byte[] array = bytes != null ? bytes.toByteArray() : null;
        for (WsListener l : listeners) {
            try {
                if (text != null) {
                    l.onText(session, text);
                } else {
                    l.onBinary(session, listeners.size() == 1 ? array : array.clone());
                }
            } catch (RuntimeException | Error e) {
                listenerFailed(e);
            }
        }
    }

    private void listenerFailed(Throwable e) {
        if (e instanceof DecodeException) {
            notifyError(SessionError.Kind.MALFORMED_MESSAGE, e.getMessage(), e);
        } else {
            notifyError(SessionError.Kind.LISTENER, "listener threw " + e, e);
        }
    }

    /** Publishes a state change, from any thread, through the dispatcher. */
    void stateChanged(StateChange change) {
        dispatch(() -> {
            for (WsListener l : listeners) {
                try {
                    l.onStateChange(session, change);
                } catch (RuntimeException | Error e) {
                    listenerFailed(e);
                }
            }
        });
    }

    /** Reports an error from any thread, through the dispatcher. */
    void report(SessionError.Kind kind, String message, Throwable cause) {
        SessionError error = new SessionError(kind, message, cause, Instant.now());
        dispatch(() -> notifyError(error));
    }

    /** Delivers an error to the listeners; on the dispatcher. */
    private void notifyError(SessionError.Kind kind, String message, Throwable cause) {
        notifyError(new SessionError(kind, message, cause, Instant.now()));
    }

    private void notifyError(SessionError error) {
        LOG.debug("{}: {}: {}", name, error.kind(), error.message());
        for (WsListener l : listeners) {
            try {
                l.onError(session, error);
            } catch (RuntimeException | Error e) {
                LOG.warn("{}: onError listener threw while handling {}", name, error.kind(), e);
            }
        }
    }

    private void dispatch(Runnable task) {
        try {
            dispatcher.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: event after shutdown dropped", name);
        }
    }

    /** Ends the session's own dispatcher thread once it has delivered what it holds (waits up to 5 s). */
    void shutdown() {
        if (loop != null) {
            loop.shutdown();
            if (!loop.isLoopThread()) {
                try {
                    if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.warn("{}: a listener is still running 5 s after close()", name);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
