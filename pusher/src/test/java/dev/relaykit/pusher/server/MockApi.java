package dev.relaykit.pusher.server;

import dev.relaykit.core.secret.Secret;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;

/** A MockWebServer on 127.0.0.1 standing in for the HTTP API, and a client builder aimed at it. */
final class MockApi implements AutoCloseable {
    static final String KEY = "278d425bdf160c739803";
    static final String SECRET = "7ad3773142a6692b25b8";

    final MockWebServer server = new MockWebServer();

    MockApi() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** @return a builder for app 3 with the docs' key and secret, sending to the mock server */
    PusherServerClient.Builder client() {
        return PusherServerClient.builder().appId("3").key(KEY).secret(Secret.of(SECRET))
                .host("127.0.0.1").port(server.getPort()).useTls(false);
    }

    @Override
    public void close() throws Exception {
        server.shutdown();
    }
}
