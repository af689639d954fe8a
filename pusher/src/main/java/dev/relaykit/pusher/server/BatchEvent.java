package dev.relaykit.pusher.server;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One event of a batch trigger ({@code POST /apps/[app_id]/batch_events}): each event names its
 * own single channel. A batch holds at most 10 events.
 *
 * <pre>{@code
 * List<ChannelInfo> answers = pusher.triggerBatch(List.of(
 *         BatchEvent.of("orders-eu", "order-filled", "{\"id\":1}"),
 *         BatchEvent.of("presence-desk", "order-filled", Map.of("id", 2)).withInfo(ChannelAttribute.USER_COUNT)));
 * }</pre>
 *
 * @param channel the channel
 * @param event the event name, 1 to 200 characters
 * @param data the data as sent
 * @param socketId a connection to leave out, or {@code null}
 * @param info attributes of the channel to report in the answer; empty for none
 */
public record BatchEvent(String channel, String event, String data, String socketId, Set<ChannelAttribute> info) {

    /**
     * Checks the event.
     *
     * @param channel a valid channel name
     * @param event the event name
     * @param data the data as sent, not {@code null}
     * @param socketId a socket id or {@code null}
     * @param info attributes to report, not {@code null}
     */
    public BatchEvent {
        Limits.channel(channel);
        Limits.eventName(event);
        Objects.requireNonNull(data, "data");
        Limits.socketId(socketId);
        info = info.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(info));
        if (info.contains(ChannelAttribute.USER_COUNT) && !channel.startsWith("presence-")) {
            throw new IllegalArgumentException("user_count is only reported for presence channels, not for " + channel);
        }
    }

    /**
     * @param channel the channel
     * @param event the event name
     * @param data a {@code String} sent as it is, or anything else written as JSON
     * @return the event
     */
    public static BatchEvent of(String channel, String event, Object data) {
        return new BatchEvent(channel, event, Limits.data(data), null, Set.of());
    }

    /**
     * @param socketId the connection to leave out
     * @return a copy of this event that excludes it
     */
    public BatchEvent excludingSocketId(String socketId) {
        return new BatchEvent(channel, event, data, Objects.requireNonNull(socketId, "socketId"), info);
    }

    /**
     * @param attributes attributes of the channel to report in the batch's answer
     * @return a copy of this event asking for them
     */
    public BatchEvent withInfo(ChannelAttribute... attributes) {
        Set<ChannelAttribute> all = EnumSet.noneOf(ChannelAttribute.class);
        all.addAll(info);
        all.addAll(Arrays.asList(attributes));
        return new BatchEvent(channel, event, data, socketId, all);
    }
}
