/**
 * Pusher Channels: {@link dev.relaykit.pusher.PusherClient}, a client for every channel kind (public,
 * private, presence, private-encrypted, cache), client events, user sign-in and watchlist events, with
 * channel authorization through your backend ({@link dev.relaykit.pusher.HttpAuthEndpoint}) or signed
 * locally ({@link dev.relaykit.pusher.ChannelAuthorizer#signing}).
 *
 * <pre>{@code
 * try (PusherClient client = PusherClient.builder("app-key").cluster("eu").build()) {
 *     client.connect().join();
 *     PusherChannel news = client.channel("news");
 *     news.bind("headline", e -> System.out.println(e.data()));
 *     news.subscribe().join();
 * }
 * }</pre>
 */
package dev.relaykit.pusher;
