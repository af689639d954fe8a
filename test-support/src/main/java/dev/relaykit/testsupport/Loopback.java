package dev.relaykit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback addresses for tests of what a client does when the far side is not there.
 *
 * <pre>{@code
 * int port = Loopback.refusedPort();
 * WsSession s = WsSession.builder("ws://127.0.0.1:" + port + "/ws").build();
 * s.connect();   // fails at once: the connection is refused
 * }</pre>
 */
public final class Loopback {
    private Loopback() {
    }

    /**
     * A port on 127.0.0.1 that nothing listens on: it was free a moment ago and was closed again, so
     * connecting to it is refused (until something else happens to bind it).
     *
     * @return the port
     */
    public static int refusedPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * Whether {@code type} is anywhere in the cause chain of {@code failure}, the failure itself included:
     * what a test asks of an error that wraps the network's own (a {@code ConnectException} inside a
     * {@code TransportException} inside an {@code ExecutionException}).
     *
     * @param failure the failure
     * @param type the type looked for
     * @return whether the chain holds one
     */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
