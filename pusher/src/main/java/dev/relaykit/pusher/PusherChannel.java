package dev.relaykit.pusher;

import dev.relaykit.pusher.crypto.EncryptedChannels;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A channel of a {@link PusherClient}: bind listeners to its events, trigger client events on it,
 * unsubscribe. A channel stays subscribed across reconnects: after each one the client subscribes it
 * again, with a fresh authorization for the new socket id.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * PusherChannel orders = client.channel("private-orders");
 * orders.bind("order-filled", e -> System.out.println(e.json()));   // bind first: nothing is missed
 * orders.subscribe().get(10, TimeUnit.SECONDS);
 * orders.trigger("client-ack", Map.of("id", 42));
 * orders.unsubscribe();
 * }</pre>
 *
 * <p>Besides your own events, a channel's listeners see the protocol's channel events under their
 * pusher-js names: {@code pusher:subscription_succeeded}, {@code pusher:subscription_error},
 * {@code pusher:subscription_count}, {@code pusher:cache_miss}, and on presence channels
 * {@code pusher:member_added} / {@code pusher:member_removed}.
 */
public class PusherChannel {

    /** What kind of channel a name makes. */
    public enum Kind {
        /** No prefix (or {@code cache-}): anyone with the app key may subscribe. */
        PUBLIC,
        /** {@code private-}: needs an authorization. */
        PRIVATE,
        /** {@code private-encrypted-}: needs an authorization carrying a shared secret; events are encrypted end to end. */
        PRIVATE_ENCRYPTED,
        /** {@code presence-}: needs an authorization with channel data; has members. */
        PRESENCE;

        /**
         * @param channel a channel name
         * @return its kind
         */
        public static Kind of(String channel) {
            if (channel.startsWith(EncryptedChannels.PREFIX)) {
                return PRIVATE_ENCRYPTED;
            }
            if (channel.startsWith("private-")) {
                return PRIVATE;
            }
            if (channel.startsWith("presence-")) {
                return PRESENCE;
            }
            return PUBLIC;
        }
    }

    final PusherClient client;
    final String name;
    final Kind kind;
    final boolean cache;
    final Bindings bindings = new Bindings();

    // --- the subscription; confined to the client's dispatcher except where volatile ---
    volatile boolean subscribed;
    volatile Integer subscriptionCount;
    volatile boolean wanted; // subscribe() called and unsubscribe() not since
    CompletableFuture<Void> pending; // guarded by this: the future of the subscribe() under way
    long attempt; // which subscribe attempt an authorization belongs to
    byte[] key; // private-encrypted: the shared secret of the last authorization
    boolean decryptRetryUsed; // one fresh authorization per failing run, as pusher-js (reset by a good message)
    boolean reauthorizing;
    final ArrayDeque<Runnable> heldWhileReauthorizing = new ArrayDeque<>();

    PusherChannel(PusherClient client, String name) {
        this.client = client;
        this.name = name;
        this.kind = Kind.of(name);
        this.cache = name.startsWith("cache-") || name.startsWith("private-cache-")
                || name.startsWith("private-encrypted-cache-") || name.startsWith("presence-cache-");
    }

    /** @return the channel name */
    public String name() {
        return name;
    }

    /** @return the kind, from the name's prefix */
    public Kind kind() {
        return kind;
    }

    /** @return whether this is a cache channel ({@code cache-}, {@code private-cache-}, {@code private-encrypted-cache-}, {@code presence-cache-}) */
    public boolean isCache() {
        return cache;
    }

    /** @return whether the server has confirmed the subscription on the current connection */
    public boolean isSubscribed() {
        return subscribed;
    }

    /**
     * @return the last {@code pusher:subscription_count} the server sent (the app must enable subscription
     *     counting), or empty before any
     */
    public OptionalInt subscriptionCount() {
        Integer c = subscriptionCount;
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /**
     * Subscribes (after the connection is established, with an authorization for private, encrypted
     * and presence channels). Calling it while a subscription is under way returns the same future.
     *
     * @return completes when the server confirms; fails with {@link AuthorizationException},
     *     {@link SubscriptionException}, {@link PusherTimeoutException} (no answer within the client's
     *     subscribe timeout) or {@link PusherException} (the client closed or failed). The channel stays
     *     registered after a failure: the next reconnect tries again, or call {@code subscribe()} again.
     */
    public CompletableFuture<Void> subscribe() {
        return client.subscribe(this);
    }

    /** Unsubscribes and forgets the channel (its listeners too); a pending {@link #subscribe()} fails. */
    public void unsubscribe() {
        client.unsubscribe(this);
    }

    /**
     * @param event an event name
     * @param listener called for each such event on this channel
     * @return the binding; unbind it to stop
     */
    public Binding bind(String event, PusherEventListener listener) {
        return bindings.bind(event, listener);
    }

    /**
     * @param listener called for every event on this channel, protocol events included
     * @return the binding
     */
    public Binding bindAll(PusherEventListener listener) {
        return bindings.bindAll(listener);
    }

    /** @param event removes every listener of this event name */
    public void unbind(String event) {
        bindings.unbind(event);
    }

    /** Removes every listener of this channel. */
    public void unbindAll() {
        bindings.unbindAll();
    }

    /**
     * Triggers a client event: sent to the channel's other subscribers, never echoed back to this one.
     * Client events go out at most 10 per second per connection (Pusher's limit): beyond it they wait
     * in a queue (up to the client's {@linkplain PusherClient.Builder#clientEventQueueCapacity capacity})
     * and go out in order, never dropped.
     *
     * <pre>{@code
     * PusherChannel chat = PusherClient.builder("app-key").cluster("eu").build().channel("private-chat");
     * chat.trigger("client-typing", Map.of("user", "ann")).join();
     * }</pre>
     *
     * @param event the event name, starting with {@code client-}
     * @param data the data: serialised to JSON by Jackson (a {@code String} goes as a JSON string)
     * @return completes when the event is handed to the socket; fails if the connection is lost first
     * @throws ClientEventException at once, nothing sent, if the name lacks {@code client-}, the channel is
     *     public or private-encrypted, it is not subscribed, or the queue is full
     */
    public CompletableFuture<Void> trigger(String event, Object data) {
        Objects.requireNonNull(event, "event");
        if (!event.startsWith("client-")) {
            throw new ClientEventException("client event names must start with \"client-\"; got " + event);
        }
        if (kind == Kind.PUBLIC) {
            throw new ClientEventException("client events are allowed on private- and presence- channels only; "
                    + name + " is public");
        }
        if (kind == Kind.PRIVATE_ENCRYPTED) {
            throw new ClientEventException("client events are not supported on private-encrypted channels ("
                    + name + "): Pusher libraries do not encrypt them");
        }
        if (!subscribed) {
            throw new ClientEventException("channel " + name + " is not subscribed (yet): the server would refuse the event");
        }
        return client.triggerClientEvent(this, event, data);
    }

    @Override
    public String toString() {
        return "PusherChannel[" + name + (subscribed ? ", subscribed" : "") + "]";
    }
}
