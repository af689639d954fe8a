package dev.relaykit.pusher.server;

/**
 * An attribute the HTTP API can report about a channel, asked for with the {@code info} parameter
 * of a trigger, a channel list or a channel query.
 *
 * <pre>{@code
 * ChannelInfo info = pusher.channel("presence-lobby", ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT);
 * }</pre>
 */
public enum ChannelAttribute {
    /** {@code user_count}: distinct users on a presence channel; Pusher refuses it for other channels. */
    USER_COUNT("user_count"),
    /**
     * {@code subscription_count}: connections subscribed to the channel; Pusher answers it only when
     * the app has subscription counting switched on in its dashboard.
     */
    SUBSCRIPTION_COUNT("subscription_count");

    private final String wireName;

    ChannelAttribute(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name in the HTTP API, for example {@code user_count} */
    public String wireName() {
        return wireName;
    }
}
