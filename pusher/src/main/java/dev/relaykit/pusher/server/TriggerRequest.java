package dev.relaykit.pusher.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One event to trigger on one or more channels, as {@code POST /apps/[app_id]/events} takes it.
 * Checked when built: 1 to 100 valid channel names, an event name of 1 to 200 characters, a
 * well-formed socket id to exclude; the data size (10 KB by default) and the encrypted-channel
 * rules are checked by the client, which knows its plan's limit and its master key.
 *
 * <pre>{@code
 * TriggerRequest request = TriggerRequest.builder()
 *         .channels("orders-eu", "orders-us")
 *         .event("order-filled")
 *         .data(Map.of("id", 42, "qty", "0.5"))       // written as JSON; a String is sent as it is
 *         .excludeSocketId("1234.1234")                // the connection that caused it sees nothing
 *         .build();
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param channels the channels, in order, without duplicates
 * @param event the event name
 * @param data the event data as sent (usually JSON text)
 * @param socketId the connection to leave out, or {@code null}
 * @param info attributes to report per channel in the answer; empty for none
 */
public record TriggerRequest(List<String> channels, String event, String data, String socketId, Set<ChannelAttribute> info) {

    /**
     * Checks the request as the builder does.
     *
     * @param channels 1 to 100 channel names
     * @param event the event name, 1 to 200 characters
     * @param data the data as sent, not {@code null}
     * @param socketId a socket id ({@code 1234.1234}) or {@code null}
     * @param info attributes to report, not {@code null}
     */
    public TriggerRequest {
        Objects.requireNonNull(channels, "channels");
        channels = List.copyOf(new LinkedHashSet<>(channels));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a trigger needs at least one channel");
        }
        if (channels.size() > Limits.MAX_CHANNELS_PER_TRIGGER) {
            throw new IllegalArgumentException("a trigger names " + channels.size() + " channels; Pusher allows at most "
                    + Limits.MAX_CHANNELS_PER_TRIGGER);
        }
        channels.forEach(Limits::channel);
        Limits.eventName(event);
        Objects.requireNonNull(data, "data");
        Limits.socketId(socketId);
        info = info.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(info));
        if (info.contains(ChannelAttribute.USER_COUNT)) {
            for (String c : channels) {
                if (!c.startsWith("presence-")) {
                    throw new IllegalArgumentException("user_count is only reported for presence channels, not for " + c);
                }
            }
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TriggerRequest}. Channels, event and data are required. */
    public static final class Builder {
        private final List<String> channels = new ArrayList<>();
        private String event;
        private String data;
        private String socketId;
        private final Set<ChannelAttribute> info = EnumSet.noneOf(ChannelAttribute.class);

        private Builder() {
        }

        /**
         * @param channel a channel to trigger on; may be called again for more
         * @return this builder
         */
        public Builder channel(String channel) {
            channels.add(Objects.requireNonNull(channel, "channel"));
            return this;
        }

        /**
         * @param channels channels to trigger on, added to any already named
         * @return this builder
         */
        public Builder channels(String... channels) {
            return channels(Arrays.asList(channels));
        }

        /**
         * @param channels channels to trigger on, added to any already named
         * @return this builder
         */
        public Builder channels(List<String> channels) {
            channels.forEach(this::channel);
            return this;
        }

        /**
         * @param event the event name, 1 to 200 characters
         * @return this builder
         */
        public Builder event(String event) {
            this.event = event;
            return this;
        }

        /**
         * @param data a {@code String} is sent as it is (send JSON text for pusher-js to parse);
         *     anything else is written as JSON with the shared mapper
         * @return this builder
         */
        public Builder data(Object data) {
            this.data = Limits.data(data);
            return this;
        }

        /**
         * Leaves one connection out, usually the one whose action caused the event (it has already
         * updated itself). See "Excluding event recipients" in the Pusher docs.
         *
         * @param socketId the connection's socket id, {@code digits.digits}
         * @return this builder
         */
        public Builder excludeSocketId(String socketId) {
            this.socketId = Objects.requireNonNull(socketId, "socketId");
            return this;
        }

        /**
         * Asks Pusher to report these attributes of every channel in its answer.
         *
         * @param attributes the attributes
         * @return this builder
         */
        public Builder info(ChannelAttribute... attributes) {
            info.addAll(Arrays.asList(attributes));
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException naming the first value Pusher would refuse
         * @throws NullPointerException if the event or the data is missing
         */
        public TriggerRequest build() {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(data, "data");
            return new TriggerRequest(channels, event, data, socketId, info);
        }
    }
}
