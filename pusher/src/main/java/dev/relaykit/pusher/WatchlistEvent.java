package dev.relaykit.pusher;

import java.util.List;

/**
 * A watchlist event after user sign-in: users of the signed-in user's watchlist came online or went offline.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.user().watchlist(e -> System.out.println(e.name() + ": " + e.userIds()));
 * }</pre>
 *
 * @param name {@code "online"} or {@code "offline"}
 * @param userIds the users concerned
 */
public record WatchlistEvent(String name, List<String> userIds) {
}
