package dev.relaykit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.futures.stream.FuturesSubscription;
import dev.relaykit.binance.futures.userdata.FuturesUserDataEvent;
import dev.relaykit.binance.futures.userdata.FuturesUserDataGap;
import dev.relaykit.binance.futures.userdata.FuturesUserDataListener;
import dev.relaykit.binance.futures.userdata.UnknownUserDataEvent;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Publishes Binance USD-M / COIN-M futures market streams and user data to Kafka, the way
 * {@link BinancePublishing} does for spot (same keys, headers and gap markers).
 *
 * <pre>{@code
 * FuturesSubscription sub = BinanceFuturesPublishing.publish(kafka, futuresStreams, List.of("btcusdt@markPrice@1s"));
 * }</pre>
 */
public final class BinanceFuturesPublishing {
    /** {@link RelayKitHeaders#SOURCE} of futures market stream records. */
    public static final String FUTURES_MARKET = "binance.futures.market";
    /** {@link RelayKitHeaders#SOURCE} of futures user data records. */
    public static final String FUTURES_USER_DATA = "binance.futures.userdata";

    private BinanceFuturesPublishing() {
    }

    /**
     * Subscribes futures streams by name and publishes every event of them (Binance's own payload).
     *
     * @param publisher where to publish
     * @param streams the futures client's market streams
     * @param names stream names, e.g. {@code btcusdt@aggTrade}
     * @return the subscription (close it to stop publishing)
     */
    public static FuturesSubscription publish(KafkaEventPublisher publisher, FuturesMarketStreams streams,
            Collection<String> names) {
        Objects.requireNonNull(streams, "streams");
        List<FuturesStream<JsonNode>> raw = names.stream().map(FuturesStream::raw).toList();
        return streams.subscribe(raw, BinancePublishing.marketListener(publisher, FUTURES_MARKET));
    }

    /**
     * A futures user data listener that publishes every event, keyed by its symbol ({@code s} or {@code o.s}) or
     * {@code account}.
     *
     * @param publisher where to publish
     * @return the listener
     */
    public static FuturesUserDataListener userData(KafkaEventPublisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        return new FuturesUserDataListener() {
            @Override
            public void onEvent(FuturesUserDataEvent event) {
                JsonNode json = event instanceof UnknownUserDataEvent u && u.json() != null ? u.json()
                        : EventJson.tree(event);
                publisher.publish(FUTURES_USER_DATA, BinancePublishing.userKey(json), event.eventType(),
                        EventJson.eventTime(json), EventJson.text(json));
            }

            @Override
            public void onGap(FuturesUserDataGap gap) {
                publisher.publishGap(FUTURES_USER_DATA, "account", null, GapMarker.UPSTREAM, gap.reason(), null,
                        gap.at());
            }
        };
    }
}
