package dev.relaykit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The signed-in user of a connection: {@link #signin()} sends {@code pusher:signin} (with the
 * {@link UserAuthenticator}'s answer) and, after {@code pusher:signin_success}, listens on the user's
 * server-to-user channel ({@code #server-to-user-<id>}) and to watchlist events. Sign-in is redone after
 * every reconnect.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.user().bind("balance-changed", e -> System.out.println(e.data()));
 * client.user().watchlist(e -> System.out.println(e.name() + " " + e.userIds()));
 * JsonNode me = client.user().signin().get(10, TimeUnit.SECONDS);   // the user_data your backend signed
 * }</pre>
 */
public final class PusherUser {
    private final PusherClient client;
    final Bindings bindings = new Bindings();
    final List<Consumer<WatchlistEvent>> watchlist = new CopyOnWriteArrayList<>();
    volatile JsonNode userData; // set on signin_success, cleared when the connection drops
    volatile boolean requested;
    CompletableFuture<JsonNode> pending; // guarded by this

    PusherUser(PusherClient client) {
        this.client = client;
    }

    /**
     * Signs in now if connected (else once connected), and after every reconnect.
     *
     * @return completes with the signed user data on {@code pusher:signin_success}; fails with
     *     {@link AuthorizationException}, {@link PusherErrorException} (the server refused it),
     *     {@link PusherTimeoutException} or {@link PusherException} (no authenticator, client closed)
     */
    public CompletableFuture<JsonNode> signin() {
        return client.signin();
    }

    /** @return whether the current connection is signed in */
    public boolean isSignedIn() {
        return userData != null;
    }

    /** @return the signed user data of the current connection, or {@code null} when not signed in */
    public JsonNode userData() {
        return userData;
    }

    /**
     * @param event an event name sent to this user (the server API's "send to user")
     * @param listener called for each such event
     * @return the binding
     */
    public Binding bind(String event, PusherEventListener listener) {
        return bindings.bind(event, listener);
    }

    /**
     * @param listener called for every event sent to this user
     * @return the binding
     */
    public Binding bindAll(PusherEventListener listener) {
        return bindings.bindAll(listener);
    }

    /**
     * @param listener called with each watchlist event ({@code online} / {@code offline})
     * @return the binding
     */
    public Binding watchlist(Consumer<WatchlistEvent> listener) {
        watchlist.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> watchlist.remove(listener);
    }
}
