package dev.relaykit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamGap;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.binance.stream.StreamSubscription;
import dev.relaykit.binance.userdata.UserDataEvent;
import dev.relaykit.binance.userdata.UserDataGap;
import dev.relaykit.binance.userdata.UserDataListener;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Publishes Binance spot market streams and user data to Kafka. Futures: {@link BinanceFuturesPublishing}.
 *
 * <pre>{@code
 * try (KafkaEventPublisher kafka = KafkaEventPublisher.builder("127.0.0.1:9092").topic("binance.market").build()) {
 *     StreamSubscription sub = BinancePublishing.publish(kafka, streams, List.of("btcusdt@trade", "ethusdt@bookTicker"));
 *     binance.wsApi().subscribeUserData(BinancePublishing.userData(kafka));
 * }
 * }</pre>
 *
 * <p>Market records: the payload exactly as Binance sent it (subscribed with {@link MarketStream#raw}, so nothing
 * is decoded and encoded again), keyed by the stream's symbol ({@code BTCUSDT}: one partition and one order per
 * instrument, all its streams together), header {@link RelayKitHeaders#STREAM} the stream name, event time
 * Binance's {@code E}. A reconnect gap ({@link StreamListener#onGap}) becomes a {@link GapMarker} ({@code upstream})
 * in the symbol's order. {@link MarketStream#decode} reads a value back into the typed event.
 *
 * <p>User data records: the event in Binance's documented form (RelayKit keeps user data typed, so it is encoded
 * with the events' own field names: {@code e}, {@code E}, {@code s}...; decimals as strings, times as epoch
 * milliseconds), keyed by its symbol ({@code s}) or {@code account} for account-wide events.
 */
public final class BinancePublishing {
    /** {@link RelayKitHeaders#SOURCE} of spot market stream records. */
    public static final String SPOT_MARKET = "binance.spot.market";
    /** {@link RelayKitHeaders#SOURCE} of spot user data records. */
    public static final String SPOT_USER_DATA = "binance.spot.userdata";

    private BinancePublishing() {
    }

    /**
     * Subscribes streams by name and publishes every event of them.
     *
     * @param publisher where to publish
     * @param streams the client's market streams
     * @param names stream names, e.g. {@code btcusdt@trade}
     * @return the subscription (close it to stop publishing)
     */
    public static StreamSubscription publish(KafkaEventPublisher publisher, MarketStreams streams,
            Collection<String> names) {
        Objects.requireNonNull(streams, "streams");
        List<MarketStream<JsonNode>> raw = names.stream().map(MarketStream::raw).toList();
        return streams.subscribe(raw, marketListener(publisher, SPOT_MARKET));
    }

    /**
     * A listener that publishes what it receives; subscribe it with {@link MarketStream#raw} streams so the
     * payload is Binance's own.
     *
     * @param publisher where to publish
     * @param source the {@link RelayKitHeaders#SOURCE} to write, e.g. {@link #SPOT_MARKET}
     * @return the listener
     */
    public static StreamListener<JsonNode> marketListener(KafkaEventPublisher publisher, String source) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(source, "source");
        return new StreamListener<>() {
            @Override
            public void onEvent(String stream, JsonNode event) {
                publisher.publish(source, EventJson.binanceKey(stream), stream, EventJson.eventTime(event),
                        event.toString());
            }

            @Override
            public void onGap(StreamGap gap) {
                publisher.publishGap(source, EventJson.binanceKey(gap.stream()), gap.stream(), GapMarker.UPSTREAM,
                        gap.reason(), null, gap.at());
            }
        };
    }

    /**
     * A user data listener that publishes every event ({@code binance.wsApi().subscribeUserData(...)}).
     *
     * @param publisher where to publish
     * @return the listener
     */
    public static UserDataListener userData(KafkaEventPublisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        return new UserDataListener() {
            @Override
            public void onEvent(UserDataEvent event) {
                JsonNode json = event instanceof dev.relaykit.binance.userdata.UnknownEvent u && u.raw() != null
                        ? u.raw() : EventJson.tree(event);
                publisher.publish(SPOT_USER_DATA, userKey(json), event.eventType(), event.eventTime(),
                        EventJson.text(json));
            }

            @Override
            public void onGap(UserDataGap gap) {
                publisher.publishGap(SPOT_USER_DATA, "account", null, GapMarker.UPSTREAM,
                        "user data stream reconnected after " + gap.duration(), gap.from(), gap.to());
            }
        };
    }

    /** A user data event's symbol ({@code s}, or an order's {@code o.s}), else {@code account}. */
    static String userKey(JsonNode json) {
        JsonNode s = json.path("s");
        if (!s.isTextual()) {
            s = json.path("o").path("s");
        }
        return s.isTextual() && !s.asText().isEmpty() ? s.asText() : "account";
    }
}
