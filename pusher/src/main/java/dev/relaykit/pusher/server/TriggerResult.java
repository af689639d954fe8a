package dev.relaykit.pusher.server;

import java.util.Map;

/**
 * Pusher's answer to a trigger: the attributes asked for with
 * {@link TriggerRequest.Builder#info(ChannelAttribute...)}, per channel. Empty when none were
 * asked for (Pusher then answers {@code {}}).
 *
 * <pre>{@code
 * TriggerResult r = pusher.trigger(TriggerRequest.builder().channel("presence-lobby").event("ping").data("{}")
 *         .info(ChannelAttribute.USER_COUNT).build());
 * Integer users = r.channels().get("presence-lobby").userCount();
 * }</pre>
 *
 * @param channels channel name to what Pusher reported about it
 */
public record TriggerResult(Map<String, ChannelInfo> channels) {

    /**
     * @param channels channel name to its attributes; copied
     */
    public TriggerResult {
        channels = Map.copyOf(channels);
    }
}
