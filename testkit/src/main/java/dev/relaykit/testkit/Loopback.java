package dev.relaykit.testkit;

/**
 * Loopback addresses for tests of what a client does when the far side is not there.
 *
 * <pre>{@code
 * int port = Loopback.refusedPort();
 * WsSession s = WsSession.builder("ws://127.0.0.1:" + port + "/ws").build();
 * s.connect();   // fails at once: the connection is refused
 * }</pre>
 *
 * <p>The testkit's name for {@link dev.relaykit.testsupport.Loopback} (module {@code test-support}, which sdk-core's
 * own tests use too); each method forwards to it.
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
        return dev.relaykit.testsupport.Loopback.refusedPort();
    }

    /**
     * Whether {@code type} is anywhere in {@code failure}'s cause chain.
     *
     * @param failure what a call threw or a future failed with
     * @param type the cause looked for
     * @return {@code true} if {@code failure} or one of its causes is a {@code type}
     */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return dev.relaykit.testsupport.Loopback.causedBy(failure, type);
    }
}
