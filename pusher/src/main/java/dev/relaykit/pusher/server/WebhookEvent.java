package dev.relaykit.pusher.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a Pusher webhook (the "Webhooks" page of the Pusher docs, "Events"). Switch over the
 * records; an event name this version does not know arrives as {@link Unknown} with its JSON, so a
 * webhook Pusher adds tomorrow is never dropped.
 *
 * <pre class="java-members">{@code
 * void onEvent(WebhookEvent event) {
 *     if (event instanceof WebhookEvent.MemberAdded m) {
 *         System.out.println(m.userId() + " joined " + m.channel());
 *     } else if (event instanceof WebhookEvent.ChannelVacated v) {
 *         System.out.println(v.channel() + " is empty");
 *     }
 * }
 * }</pre>
 */
public sealed interface WebhookEvent {

    /** @return the channel the event is about ({@code null} only in an {@link Unknown} without one) */
    String channel();

    /** {@code channel_occupied}: the channel's first subscriber arrived. @param channel the channel */
    record ChannelOccupied(String channel) implements WebhookEvent {
    }

    /** {@code channel_vacated}: the channel's last subscriber left. @param channel the channel */
    record ChannelVacated(String channel) implements WebhookEvent {
    }

    /**
     * {@code member_added}: a user's first connection joined a presence channel.
     *
     * @param channel the presence channel
     * @param userId the user's id
     */
    record MemberAdded(String channel, String userId) implements WebhookEvent {
    }

    /**
     * {@code member_removed}: a user's last connection left a presence channel.
     *
     * @param channel the presence channel
     * @param userId the user's id
     */
    record MemberRemoved(String channel, String userId) implements WebhookEvent {
    }

    /**
     * {@code client_event}: a client sent a {@code client-} event on a private or presence channel.
     * On a {@code private-encrypted-} channel the data is the encrypted payload.
     *
     * @param channel the channel
     * @param event the client event's name ({@code client-...})
     * @param data its data, as the client sent it
     * @param socketId the sending connection
     * @param userId the sender's user id on a presence channel, otherwise {@code null}
     */
    record ClientEvent(String channel, String event, String data, String socketId, String userId)
            implements WebhookEvent {
    }

    /**
     * {@code cache_miss}: a client subscribed to a cache channel that holds no event yet.
     *
     * @param channel the cache channel
     */
    record CacheMiss(String channel) implements WebhookEvent {
    }

    /**
     * {@code subscription_count}: the channel's number of subscribed connections changed.
     *
     * @param channel the channel
     * @param subscriptionCount the new count
     */
    record SubscriptionCount(String channel, int subscriptionCount) implements WebhookEvent {
    }

    /**
     * An event whose name this version does not know.
     *
     * @param name the event's {@code name}
     * @param channel its {@code channel}, or {@code null}
     * @param json the whole event object
     */
    record Unknown(String name, String channel, JsonNode json) implements WebhookEvent {
    }

    /** Reads one event object of a webhook's {@code events} array. */
    static WebhookEvent from(JsonNode e) {
        String name = text(e, "name");
        String channel = text(e, "channel");
        if (name == null || channel == null) {
            return new Unknown(name, channel, e);
        }
        return switch (name) {
            case "channel_occupied" -> new ChannelOccupied(channel);
            case "channel_vacated" -> new ChannelVacated(channel);
            case "member_added" -> text(e, "user_id") == null ? new Unknown(name, channel, e)
                    : new MemberAdded(channel, text(e, "user_id"));
            case "member_removed" -> text(e, "user_id") == null ? new Unknown(name, channel, e)
                    : new MemberRemoved(channel, text(e, "user_id"));
            case "client_event" -> text(e, "event") == null ? new Unknown(name, channel, e)
                    : new ClientEvent(channel, text(e, "event"), data(e.get("data")), text(e, "socket_id"),
                            text(e, "user_id"));
            case "cache_miss" -> new CacheMiss(channel);
            case "subscription_count" -> e.path("subscription_count").canConvertToInt()
                    && e.path("subscription_count").isIntegralNumber()
                    ? new SubscriptionCount(channel, e.get("subscription_count").asInt())
                    : new Unknown(name, channel, e);
            default -> new Unknown(name, channel, e);
        };
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String data(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.asText() : v.toString(); // Pusher sends a string; keep an object as its JSON
    }
}
