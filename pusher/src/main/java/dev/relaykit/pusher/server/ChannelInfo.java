package dev.relaykit.pusher.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the HTTP API reported about one channel. Counts are {@code null} unless they were asked
 * for (see {@link ChannelAttribute}) and Pusher answered them.
 *
 * <pre>{@code
 * ChannelInfo lobby = pusher.channel("presence-lobby", ChannelAttribute.USER_COUNT);
 * if (lobby.occupied()) {
 *     System.out.println(lobby.userCount() + " users in the lobby");
 * }
 * }</pre>
 *
 * @param name the channel name
 * @param occupied whether at least one connection is subscribed (channels in a list always are)
 * @param userCount distinct users on a presence channel, or {@code null} when not reported
 * @param subscriptionCount subscribed connections, or {@code null} when not reported
 */
public record ChannelInfo(String name, boolean occupied, Integer userCount, Integer subscriptionCount) {

    static ChannelInfo from(String name, JsonNode node, boolean occupiedByDefault) {
        JsonNode occ = node.get("occupied");
        boolean occupied = occ != null && occ.isBoolean() ? occ.asBoolean() : occupiedByDefault;
        return new ChannelInfo(name, occupied, count(node, "user_count"), count(node, "subscription_count"));
    }

    private static Integer count(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToInt() && v.isIntegralNumber() ? v.asInt() : null;
    }
}
