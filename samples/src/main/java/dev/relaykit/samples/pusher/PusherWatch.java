package dev.relaykit.samples.pusher;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.pusher.ChannelAuthorizer;
import dev.relaykit.pusher.HttpAuthEndpoint;
import dev.relaykit.pusher.Member;
import dev.relaykit.pusher.PresenceChannel;
import dev.relaykit.pusher.PusherChannel;
import dev.relaykit.pusher.PusherClient;
import dev.relaykit.pusher.PusherEvent;
import dev.relaykit.pusher.crypto.PusherSigner;
import dev.relaykit.pusher.server.PusherServerClient;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.testkit.pusher.PusherServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Subscribes to a public channel and a presence channel and prints their events and members.
 *
 * <p>Offline by default: a testkit {@link PusherServer} on 127.0.0.1 plays Pusher, the presence channel is
 * authorized by local signing ({@link PusherSigner}), and a backend ({@link PusherServerClient}, the signed
 * HTTP API) triggers a few events, including one on a {@code private-encrypted-} channel that the client
 * decrypts. Against Pusher, set:
 * <ul>
 *   <li>{@code PUSHER_APP_KEY} and {@code PUSHER_CLUSTER} (e.g. {@code eu});</li>
 *   <li>{@code PUSHER_AUTH_URL} (your backend's auth endpoint, as pusher-js uses it) or
 *       {@code PUSHER_APP_SECRET} (signs here: only on a trusted machine);</li>
 *   <li>optionally {@code PUSHER_USER_ID} (the presence member id when signing here; default {@code relaykit-sample}).</li>
 * </ul>
 * It then prints what arrives until Ctrl-C. {@code ./relaykit pusher [public-channel [presence-channel]]}.
 */
public final class PusherWatch {
    /** The app key of the offline server (not a secret: Pusher app keys are public). */
    static final String OFFLINE_KEY = "relaykit-sample-key";
    private static final String OFFLINE_APP_ID = "4242";
    // an offline-only secret and master key for the local server; never used against Pusher
    private static final String OFFLINE_SECRET = "offline-sample-secret";
    private static final byte[] OFFLINE_MASTER_KEY = "relaykit-offline-sample-32-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PusherWatch() {
    }

    /**
     * What the offline run saw, for its test.
     *
     * @param events the events printed, as {@code channel event data}
     * @param members the presence members after both joined, by id
     * @param decrypted the decrypted data of the encrypted event
     */
    public record Report(List<String> events, List<String> members, String decrypted) {
    }

    /** Where the sample connects when run against Pusher, read from the environment. */
    record Live(String key, String cluster, String authUrl, Secret secret, String userId) {
        /**
         * @param env the environment variables
         * @return the settings, or {@code null} without {@code PUSHER_APP_KEY} (run offline)
         * @throws IllegalArgumentException naming the variable to set
         */
        static Live from(Map<String, String> env) {
            String key = blankToNull(env.get("PUSHER_APP_KEY"));
            if (key == null) {
                return null;
            }
            String cluster = blankToNull(env.get("PUSHER_CLUSTER"));
            if (cluster == null) {
                throw new IllegalArgumentException("PUSHER_APP_KEY is set: set PUSHER_CLUSTER too (e.g. eu, us2, mt1)");
            }
            String authUrl = blankToNull(env.get("PUSHER_AUTH_URL"));
            String secret = blankToNull(env.get("PUSHER_APP_SECRET"));
            if (authUrl == null && secret == null) {
                throw new IllegalArgumentException("the presence channel needs authorization: set PUSHER_AUTH_URL (your"
                        + " backend's auth endpoint) or PUSHER_APP_SECRET (signs here, trusted machines only)");
            }
            String user = env.getOrDefault("PUSHER_USER_ID", "relaykit-sample");
            return new Live(key, cluster, authUrl, secret == null ? null : Secret.of(secret), user);
        }

        /** @return the authorizer: the auth URL when given, else local signing */
        ChannelAuthorizer authorizer() {
            if (authUrl != null) {
                return ChannelAuthorizer.http(HttpAuthEndpoint.builder(authUrl).build());
            }
            return ChannelAuthorizer.signing(new PusherSigner(key, secret), c -> presenceData(userId), null);
        }

        @Override
        public String toString() {
            return "Live[" + key + ", " + cluster + (authUrl != null ? ", " + authUrl : ", signing here") + "]";
        }
    }

    /**
     * Runs the sample: offline unless {@code PUSHER_APP_KEY} is set.
     *
     * @param args optional public channel name (default {@code orders}) and presence channel name
     *     (default {@code presence-lobby})
     */
    public static void main(String[] args) {
        String publicChannel = args.length > 0 ? args[0] : "orders";
        String presenceChannel = args.length > 1 ? args[1] : "presence-lobby";
        SampleRun.main("pusher", () -> {
            Live live = Live.from(System.getenv());
            if (live == null) {
                runOffline(publicChannel, presenceChannel, System.out);
            } else {
                runLive(live, publicChannel, presenceChannel, System.out);
            }
        });
    }

    /**
     * Against Pusher: subscribes and prints until the process is stopped.
     */
    static void runLive(Live live, String publicChannel, String presenceChannel, PrintStream out) throws Exception {
        PusherClient client = PusherClient.builder(live.key()).cluster(live.cluster())
                .channelAuthorizer(live.authorizer()).build();
        try {
            watch(client, "Pusher cluster " + live.cluster(), publicChannel, presenceChannel, out);
            out.println("printing events until Ctrl-C");
            new CountDownLatch(1).await();
        } finally {
            client.close();
        }
    }

    /**
     * Offline: starts a local Pusher server, subscribes, has a second member join, triggers events through the
     * signed HTTP API (one encrypted), prints all of it and stops everything.
     *
     * @param publicChannel the public channel
     * @param presenceChannel the presence channel (starts with {@code presence-})
     * @param out where to print
     * @return what was seen
     * @throws Exception if a step fails
     */
    public static Report runOffline(String publicChannel, String presenceChannel, PrintStream out) throws Exception {
        String encryptedChannel = "private-encrypted-notes";
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        try (PusherServer server = PusherServer.builder().appId(OFFLINE_APP_ID).key(OFFLINE_KEY).secret(OFFLINE_SECRET).start();
             PusherServerClient backend = PusherServerClient.builder().appId(OFFLINE_APP_ID).key(OFFLINE_KEY)
                     .secret(Secret.of(OFFLINE_SECRET)).host("127.0.0.1").port(server.httpPort()).useTls(false)
                     .encryptionMasterKeyBase64(Base64.getEncoder().encodeToString(OFFLINE_MASTER_KEY)).build()) {
            PusherSigner signer = new PusherSigner(OFFLINE_KEY, Secret.of(OFFLINE_SECRET));
            PusherClient client = offlineClient(server, signer, "alice");
            PusherClient other = offlineClient(server, signer, "bob");
            try {
                CountDownLatch expected = new CountDownLatch(3);
                client.bindGlobal(e -> {
                    if (!e.event().startsWith("pusher")) {
                        events.add(e.channel() + " " + e.event() + " " + e.data());
                        expected.countDown();
                    }
                });
                PresenceChannel room = watch(client, "the local Pusher server at " + server.wsUrl(), publicChannel,
                        presenceChannel, out);
                PusherChannel notes = SampleRun.await(out, "subscribing to " + encryptedChannel,
                        client.subscribe(encryptedChannel), WAIT);
                StringBuilder decrypted = new StringBuilder();
                notes.bind("note", e -> decrypted.append(e.data()));
                CountDownLatch joined = new CountDownLatch(1);
                room.onMemberAdded(m -> joined.countDown());
                SampleRun.step(out, "bob connects and joins " + presenceChannel, () -> {
                    other.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    return other.subscribePresence(presenceChannel).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                });
                if (!joined.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new SampleRun.Failure("bob's member_added did not arrive", null);
                }
                List<String> members = room.members().stream().map(Member::id).sorted().collect(Collectors.toList());
                SampleRun.step(out, "the backend triggers events through the signed HTTP API at " + server.httpUrl(), () -> {
                    backend.trigger(publicChannel, "price", Map.of("symbol", "BTCUSD", "price", "64250.5"));
                    backend.trigger(presenceChannel, "announcement", Map.of("text", "standup in 5 minutes"));
                    backend.trigger(encryptedChannel, "note", Map.of("text", "only members can read this"));
                    return null;
                });
                if (!expected.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new SampleRun.Failure("the triggered events did not all arrive; got " + events, null);
                }
                out.println("the server relayed the encrypted event as ciphertext; the client decrypted: " + decrypted);
                return new Report(List.copyOf(events), members, decrypted.toString());
            } finally {
                other.close();
                client.close();
            }
        }
    }

    private static PusherClient offlineClient(PusherServer server, PusherSigner signer, String userId) {
        return PusherClient.builder(OFFLINE_KEY).host("127.0.0.1").port(server.wsPort()).tls(false)
                .channelAuthorizer(ChannelAuthorizer.signing(signer, c -> presenceData(userId), OFFLINE_MASTER_KEY))
                .build();
    }

    /** Connects, subscribes to both channels, and prints every event and member change. */
    private static PresenceChannel watch(PusherClient client, String where, String publicChannel, String presenceChannel,
                                         PrintStream out) {
        client.bindGlobal(e -> {
            if (!e.event().startsWith("pusher")) {
                out.println("event " + describe(e));
            }
        });
        SampleRun.await(out, "connecting to " + where, client.connect(), WAIT);
        SampleRun.await(out, "subscribing to " + publicChannel, client.subscribe(publicChannel), WAIT);
        PresenceChannel room = SampleRun.await(out, "subscribing to " + presenceChannel + " (authorized)",
                client.subscribePresence(presenceChannel), WAIT);
        out.println("members of " + presenceChannel + ": " + room.members().stream().map(Member::id).sorted().toList()
                + ", me=" + room.me().map(Member::id).orElse("?"));
        room.onMemberAdded(m -> out.println("member joined " + presenceChannel + ": " + m.id() + " " + m.info()));
        room.onMemberRemoved(m -> out.println("member left " + presenceChannel + ": " + m.id()));
        return room;
    }

    private static String describe(PusherEvent e) {
        return e.channel() + " " + e.event() + " " + e.data();
    }

    private static String presenceData(String userId) {
        return "{\"user_id\":\"" + userId.replace("\"", "") + "\",\"user_info\":{\"name\":\"" + userId.replace("\"", "") + "\"}}";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
