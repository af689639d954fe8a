package dev.relaykit.binance.stream;

import dev.relaykit.testkit.Loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.AggTradeEvent;
import dev.relaykit.binance.model.AvgPriceEvent;
import dev.relaykit.binance.model.BookTickerEvent;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.KlineEvent;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.MiniTickerEvent;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.model.ReferencePriceEvent;
import dev.relaykit.binance.model.RollingWindowTickerEvent;
import dev.relaykit.binance.model.TickerEvent;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.testkit.FakeBinanceStreams;
import dev.relaykit.testsupport.NumberedFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Market streams against the testkit's fake Binance stream server: every documented payload, the
 * live-subscription protocol, reconnects, spreading, Binance's limits and connection rotation.
 */
class MarketStreamsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBinanceStreams fake;
    private BinanceSpot spot;
    private MarketStreams streams;

    @BeforeEach
    void start() {
        fake = FakeBinanceStreams.start();
        spot = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom("http://127.0.0.1:1", fake.baseUrl(), "ws://127.0.0.1:1/ws-api/v3"))
                .build();
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close();
        }
        spot.close();
        fake.close();
    }

    private MarketStreams streams(MarketStreams.Builder b) {
        streams = b.reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50)))
                .build();
        return streams;
    }

    private MarketStreams streams() {
        return streams(MarketStreams.builder(spot));
    }

    /** Subscribes, publishes the fixture and returns what the listener got. */
    private <T> T roundTrip(MarketStream<T> stream, String fixture) throws Exception {
        if (streams == null) {
            streams();
        }
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        List<String> names = new CopyOnWriteArrayList<>();
        StreamSubscription sub = streams.subscribe(stream, new StreamListener<T>() {
            @Override
            public void onEvent(String name, T event) {
                names.add(name);
                got.add(event);
            }

            @Override
            public void onError(String name, Throwable error) {
                got.add(error);
            }
        });
        sub.ready().get(10, TimeUnit.SECONDS);
        assertThat(fake.publish(stream.name(), FakeBinanceStreams.fixture(fixture))).isPositive();
        Object event = got.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("event of " + stream).isNotNull().isNotInstanceOf(Throwable.class);
        assertThat(names).containsExactly(stream.name());
        sub.closeAsync().get(10, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        T t = (T) event;
        return t;
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    // ------------------------------------------------------------------ payloads

    @Test
    void tradeStreamsDecodeTheirDocumentedPayloads() throws Exception {
        AggTradeEvent agg = roundTrip(MarketStream.aggTrade("BNBBTC"), "stream-aggTrade.json");
        assertThat(agg).isEqualTo(new AggTradeEvent(Instant.ofEpochMilli(1672515782136L), "BNBBTC", 12345,
                bd("0.001"), bd("100"), 100, 105, Instant.ofEpochMilli(1672515782136L), true));

        TradeEvent trade = roundTrip(MarketStream.trade("bnbbtc"), "stream-trade.json");
        assertThat(trade).isEqualTo(new TradeEvent(Instant.ofEpochMilli(1672515782136L), "BNBBTC", 12345,
                bd("0.001"), bd("100"), Instant.ofEpochMilli(1672515782136L), true));

        // the SUBSCRIBE requests as the server received them: lower-case names, numeric ids
        List<JsonNode> subscribes = fake.requests().stream().map(Json::tree)
                .filter(r -> r.path("method").asText().equals("SUBSCRIBE")).toList();
        assertThat(subscribes).extracting(r -> r.path("params").get(0).asText())
                .containsExactly("bnbbtc@aggTrade", "bnbbtc@trade");
        assertThat(subscribes).allSatisfy(r -> assertThat(r.path("id").isIntegralNumber()).isTrue());
        assertThat(fake.connections().get(0).path()).isEqualTo("/stream");
    }

    @Test
    void klineStreamsDecodeForUtcAndTheUtc8Offset() throws Exception {
        KlineEvent k = roundTrip(MarketStream.kline("BNBBTC", KlineInterval.MINUTE_1), "stream-kline.json");
        assertThat(k.eventTime()).isEqualTo(Instant.ofEpochMilli(1672515782136L));
        KlineEvent.Candle c = k.kline();
        assertThat(c.openTime()).isEqualTo(Instant.ofEpochMilli(1672515780000L));
        assertThat(c.closeTime()).isEqualTo(Instant.ofEpochMilli(1672515839999L));
        assertThat(c.interval()).isEqualTo(KlineInterval.MINUTE_1);
        assertThat(List.of(c.open(), c.close(), c.high(), c.low(), c.volume(), c.quoteVolume(),
                c.takerBuyBaseVolume(), c.takerBuyQuoteVolume()))
                .containsExactly(bd("0.0010"), bd("0.0020"), bd("0.0025"), bd("0.0015"), bd("1000"), bd("1.0000"),
                        bd("500"), bd("0.500"));
        assertThat(c.firstTradeId()).isEqualTo(100);
        assertThat(c.lastTradeId()).isEqualTo(200);
        assertThat(c.tradeCount()).isEqualTo(100);
        assertThat(c.closed()).isFalse();

        MarketStream<KlineEvent> offset = MarketStream.kline("BNBBTC", KlineInterval.HOUR_4, ZoneOffset.ofHours(8));
        assertThat(offset.name()).isEqualTo("bnbbtc@kline_4h@+08:00");
        assertThat(roundTrip(offset, "stream-kline-offset.json").kline().low()).isEqualTo(bd("0.0015"));

        assertThat(Arrays.stream(KlineInterval.values()).map(i -> MarketStream.kline("BTCUSDT", i).name()))
                .containsExactly("btcusdt@kline_1s", "btcusdt@kline_1m", "btcusdt@kline_3m", "btcusdt@kline_5m",
                        "btcusdt@kline_15m", "btcusdt@kline_30m", "btcusdt@kline_1h", "btcusdt@kline_2h",
                        "btcusdt@kline_4h", "btcusdt@kline_6h", "btcusdt@kline_8h", "btcusdt@kline_12h",
                        "btcusdt@kline_1d", "btcusdt@kline_3d", "btcusdt@kline_1w", "btcusdt@kline_1M");
        assertThat(MarketStream.kline("BTCUSDT", KlineInterval.DAY_1, ZoneOffset.UTC).name())
                .isEqualTo("btcusdt@kline_1d");
    }

    @Test
    void tickerStreamsDecodeTheirDocumentedPayloads() throws Exception {
        MiniTickerEvent mini = roundTrip(MarketStream.miniTicker("BNBBTC"), "stream-miniTicker.json");
        MiniTickerEvent expectedMini = new MiniTickerEvent(Instant.ofEpochMilli(1672515782136L), "BNBBTC",
                bd("0.0025"), bd("0.0010"), bd("0.0025"), bd("0.0010"), bd("10000"), bd("18"));
        assertThat(mini).isEqualTo(expectedMini);
        assertThat(roundTrip(MarketStream.allMiniTickers(), "stream-miniTicker-arr.json")).containsExactly(expectedMini);

        TickerEvent t = roundTrip(MarketStream.ticker("BNBBTC"), "stream-ticker.json");
        assertThat(t).isEqualTo(new TickerEvent(Instant.ofEpochMilli(1672515782136L), "BNBBTC", bd("0.0015"),
                bd("250.00"), bd("0.0018"), bd("0.0009"), bd("0.0025"), bd("10"), bd("0.0024"), bd("10"),
                bd("0.0026"), bd("100"), bd("0.0010"), bd("0.0025"), bd("0.0010"), bd("10000"), bd("18"),
                Instant.ofEpochMilli(0), Instant.ofEpochMilli(86400000), 0, 18150, 18151));

        RollingWindowTickerEvent expectedWindow = new RollingWindowTickerEvent("1hTicker",
                Instant.ofEpochMilli(1672515782136L), "BNBBTC", bd("0.0015"), bd("250.00"), bd("0.0010"),
                bd("0.0025"), bd("0.0010"), bd("0.0025"), bd("0.0018"), bd("10000"), bd("18"),
                Instant.ofEpochMilli(0), Instant.ofEpochMilli(1675216573749L), 0, 18150, 18151);
        RollingWindowTickerEvent w = roundTrip(MarketStream.ticker("BNBBTC", TickerWindow.HOUR_1),
                "stream-ticker-window.json");
        assertThat(w).isEqualTo(expectedWindow);
        assertThat(w.windowCode()).isEqualTo("1h");
        MarketStream<List<RollingWindowTickerEvent>> all = MarketStream.allTickers(TickerWindow.HOUR_1);
        assertThat(all.name()).isEqualTo("!ticker_1h@arr");
        assertThat(roundTrip(all, "stream-ticker-window-arr.json")).containsExactly(expectedWindow);
        assertThat(MarketStream.ticker("BNBBTC", TickerWindow.DAY_1).name()).isEqualTo("bnbbtc@ticker_1d");
        assertThat(MarketStream.allTickers(TickerWindow.HOUR_4).name()).isEqualTo("!ticker_4h@arr");

        BookTickerEvent book = roundTrip(MarketStream.bookTicker("BNBUSDT"), "stream-bookTicker.json");
        assertThat(book).isEqualTo(new BookTickerEvent(400900217, "BNBUSDT", bd("25.35190000"), bd("31.21000000"),
                bd("25.36520000"), bd("40.66000000")));

        AvgPriceEvent avg = roundTrip(MarketStream.avgPrice("BTCUSDT"), "stream-avgPrice.json");
        assertThat(avg).isEqualTo(new AvgPriceEvent(Instant.ofEpochMilli(1693907033000L), "BTCUSDT", "5m",
                bd("25776.86000000"), Instant.ofEpochMilli(1693907032213L)));

        ReferencePriceEvent ref = roundTrip(MarketStream.referencePrice("BAZUSD"), "stream-referencePrice.json");
        assertThat(ref).isEqualTo(new ReferencePriceEvent("BAZUSD", bd("1.00"), Instant.ofEpochMilli(1770313263917L)));
    }

    @Test
    void depthStreamsDecodeTheirDocumentedPayloads() throws Exception {
        MarketStream<OrderBookDepth> partial = MarketStream.partialDepth("BNBBTC", 10, UpdateSpeed.MS_100);
        assertThat(partial.name()).isEqualTo("bnbbtc@depth10@100ms");
        assertThat(MarketStream.partialDepth("BNBBTC", 5, UpdateSpeed.MS_1000).name()).isEqualTo("bnbbtc@depth5");
        assertThat(MarketStream.partialDepth("BNBBTC", 20, UpdateSpeed.MS_1000).name()).isEqualTo("bnbbtc@depth20");
        OrderBookDepth d = roundTrip(partial, "stream-depth-partial.json");
        assertThat(d).isEqualTo(new OrderBookDepth(160, List.of(new PriceLevel(bd("0.0024"), bd("10"))),
                List.of(new PriceLevel(bd("0.0026"), bd("100")))));

        MarketStream<DepthUpdateEvent> diff = MarketStream.diffDepth("BNBBTC", UpdateSpeed.MS_1000);
        assertThat(diff.name()).isEqualTo("bnbbtc@depth");
        assertThat(MarketStream.diffDepth("BNBBTC", UpdateSpeed.MS_100).name()).isEqualTo("bnbbtc@depth@100ms");
        DepthUpdateEvent u = roundTrip(diff, "stream-depth-update.json");
        assertThat(u).isEqualTo(new DepthUpdateEvent(Instant.ofEpochMilli(1672515782136L), "BNBBTC", 157, 160,
                List.of(new PriceLevel(bd("0.0024"), bd("10"))), List.of(new PriceLevel(bd("0.0026"), bd("100")))));

        JsonNode raw = roundTrip(MarketStream.raw("bnbbtc@depth"), "stream-depth-update.json");
        assertThat(raw.path("u").asLong()).isEqualTo(160);
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        streams();
        assertThatThrownBy(() -> MarketStream.trade(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol is required");
        assertThatThrownBy(() -> MarketStream.trade("BTC/USDT")).hasMessageContaining("not a symbol");
        assertThatThrownBy(() -> MarketStream.partialDepth("BTCUSDT", 15, UpdateSpeed.MS_100))
                .hasMessageContaining("must be 5, 10 or 20, was 15");
        assertThatThrownBy(() -> MarketStream.kline("BTCUSDT", KlineInterval.MINUTE_1, ZoneOffset.ofHours(2)))
                .hasMessageContaining("UTC and UTC+8 only");
        assertThatThrownBy(() -> KlineInterval.fromCode("2m")).hasMessageContaining("unknown kline interval '2m'");
        assertThatThrownBy(() -> MarketStream.raw("bad stream")).hasMessageContaining("not a stream name");
        assertThatThrownBy(() -> streams.subscribe(List.<MarketStream<TradeEvent>>of(), (s, e) -> { }))
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> MarketStreams.builder(spot).outgoingRateLimit(6))
                .hasMessageContaining("between 1 and 5");
        assertThat(fake.connections()).isEmpty();
        assertThat(fake.requests()).isEmpty();
    }

    // ------------------------------------------------------------------ protocol

    @Test
    void subscribeListAndUnsubscribeWithIdsAndAnswers() throws Exception {
        streams();
        StreamSubscription trades = streams.subscribe(MarketStream.trade("BTCUSDT"), (s, e) -> { });
        StreamSubscription books = streams.subscribe(MarketStream.bookTicker("ETHUSDT"), (s, e) -> { });
        trades.ready().get(10, TimeUnit.SECONDS);
        books.ready().get(10, TimeUnit.SECONDS);

        assertThat(streams.listSubscriptions()).containsExactly("btcusdt@trade", "ethusdt@bookTicker");

        trades.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(trades.isActive()).isFalse();
        assertThat(streams.listSubscriptionsAsync().get(10, TimeUnit.SECONDS)).containsExactly("ethusdt@bookTicker");

        List<JsonNode> sent = fake.requests().stream().map(Json::tree).toList();
        assertThat(sent).extracting(r -> r.path("method").asText())
                .containsSubsequence("SUBSCRIBE", "LIST_SUBSCRIPTIONS", "UNSUBSCRIBE", "LIST_SUBSCRIPTIONS");
        JsonNode unsubscribe = sent.stream().filter(r -> r.path("method").asText().equals("UNSUBSCRIBE")).findFirst()
                .orElseThrow();
        assertThat(unsubscribe.path("params").toString()).isEqualTo("[\"btcusdt@trade\"]");
        // every request carries its own id
        assertThat(sent).extracting(r -> r.path("id").asLong()).doesNotHaveDuplicates();
    }

    @Test
    void anErrorAnswerFailsTheSubscriptionWithBinancesCode() throws Exception {
        fake.limitStreamsPerConnection(2);
        streams();
        streams.subscribe(List.of(MarketStream.trade("AAAUSDT"), MarketStream.trade("BBBUSDT")), (s, e) -> { })
                .ready().get(10, TimeUnit.SECONDS);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        StreamSubscription third = streams.subscribe(MarketStream.trade("CCCUSDT"), new StreamListener<TradeEvent>() {
            @Override
            public void onEvent(String stream, TradeEvent event) {
            }

            @Override
            public void onError(String stream, Throwable error) {
                errors.add(error);
            }
        });
        assertThatThrownBy(() -> third.ready().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(BinanceApiException.class)
                .hasMessageContaining("too many streams")
                .satisfies(e -> assertThat(((BinanceApiException) e).binanceCode()).isEqualTo(2));
        assertThat(errors).singleElement().isInstanceOf(BinanceApiException.class);
        assertThat(streams.listSubscriptions()).containsExactly("aaausdt@trade", "bbbusdt@trade");
    }

    /** Records what a listener hears, in order: "event <text>" or "error <exception type>". */
    private static <T> StreamListener<T> recorder(List<String> heard, java.util.function.Function<T, Object> show) {
        return new StreamListener<>() {
            @Override
            public void onEvent(String name, T event) {
                heard.add("event " + show.apply(event));
            }

            @Override
            public void onError(String name, Throwable error) {
                heard.add("error " + error.getClass().getSimpleName());
            }
        };
    }

    @Test
    void streamsWithAndWithoutASinglePassDecoderDeliverInOrderAndReportUndecodableEvents() throws Exception {
        streams();
        MarketStream<KlineEvent> kline = MarketStream.kline("BNBBTC", KlineInterval.MINUTE_1); // general decoder
        List<String> klines = new CopyOnWriteArrayList<>();
        streams.subscribe(kline, recorder(klines, k -> k.kline().interval())).ready().get(10, TimeUnit.SECONDS);
        String good = "{\"stream\":\"bnbbtc@kline_1m\",\"data\":" + FakeBinanceStreams.fixture("stream-kline.json") + "}";
        fake.sendRaw(kline.name(), good);
        fake.sendRaw(kline.name(), "{\"stream\":\"bnbbtc@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":[1]}}");
        fake.sendRaw(kline.name(), good.substring(0, good.length() - 1)); // not JSON: logged and dropped
        fake.sendRaw(kline.name(), good);
        awaitSize(klines, 3);

        // trade has a single-pass decoder, used only while every subscriber wants TradeEvent
        MarketStream<TradeEvent> trade = MarketStream.trade("BNBBTC");
        List<String> typed = new CopyOnWriteArrayList<>();
        List<String> raw = new CopyOnWriteArrayList<>();
        streams.subscribe(trade, recorder(typed, TradeEvent::tradeId)).ready().get(10, TimeUnit.SECONDS);
        StreamSubscription rawSub = streams.subscribe(MarketStream.raw(trade.name()),
                recorder(raw, (JsonNode n) -> n.path("t").asLong()));
        rawSub.ready().get(10, TimeUnit.SECONDS);
        fake.publish(trade.name(), "{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":1,\"p\":\"0.001\",\"q\":\"1\"}");
        awaitSize(raw, 1);
        rawSub.closeAsync().get(10, TimeUnit.SECONDS);
        fake.publish(trade.name(), "{\"e\":\"trade\",\"E\":2,\"s\":\"BNBBTC\",\"t\":2,\"p\":\"0.001\",\"q\":\"1\"}");
        fake.publish(trade.name(), "{\"e\":\"trade\",\"E\":3,\"s\":\"BNBBTC\",\"t\":3,\"p\":\"cheap\",\"q\":\"1\"}");
        fake.publish(trade.name(), "{\"e\":\"trade\",\"E\":4,\"s\":\"BNBBTC\",\"t\":4,\"p\":\"0.001\",\"q\":\"1\"}");
        awaitSize(typed, 4);
        Thread.sleep(200);

        assertThat(klines).containsExactly("event MINUTE_1", "error DecodeException", "event MINUTE_1");
        assertThat(raw).containsExactly("event 1");
        assertThat(typed).containsExactly("event 1", "event 2", "error DecodeException", "event 4");
    }

    // ------------------------------------------------------------------ resilience

    @Test
    void aDroppedConnectionResubscribesEveryStreamOnceAndReportsTheGap() throws Exception {
        streams();
        List<String> events = new CopyOnWriteArrayList<>();
        List<StreamGap> gaps = new CopyOnWriteArrayList<>();
        StreamListener<JsonNode> listener = new StreamListener<>() {
            @Override
            public void onEvent(String stream, JsonNode event) {
                events.add(stream + "#" + event.path("t").asLong());
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.add(gap);
            }
        };
        List<String> names = List.of("aaausdt@trade", "bbbusdt@trade", "cccusdt@trade");
        streams.subscribe(names.stream().map(MarketStream::raw).toList(), listener).ready().get(10, TimeUnit.SECONDS);
        for (String n : names) {
            fake.publish(n, "{\"e\":\"trade\",\"t\":1}");
        }
        awaitSize(events, 3);

        fake.dropAll();
        FakeBinanceStreams.Connection again = fake.await(c -> c.open() && c.number() > 1 && c.streams().size() == 3,
                WAIT, "a reconnected connection with all streams");
        assertThat(again.streams()).containsExactlyInAnyOrderElementsOf(names);
        awaitSize(gaps, 3);
        assertThat(gaps).extracting(StreamGap::stream).containsExactlyInAnyOrderElementsOf(names);

        for (String n : names) {
            fake.publish(n, "{\"e\":\"trade\",\"t\":2}");
        }
        awaitSize(events, 6);
        Thread.sleep(200);
        assertThat(events).containsExactlyInAnyOrder("aaausdt@trade#1", "bbbusdt@trade#1", "cccusdt@trade#1",
                "aaausdt@trade#2", "bbbusdt@trade#2", "cccusdt@trade#2");
        // the new connection got one SUBSCRIBE naming each stream once
        List<JsonNode> subscribes = fake.requests().stream().map(Json::tree)
                .filter(r -> r.path("method").asText().equals("SUBSCRIBE")).toList();
        assertThat(subscribes).hasSize(2);
        assertThat(subscribes.get(1).path("params")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void elevenHundredStreamsAreSpreadOverTwoConnections() throws Exception {
        streams();
        List<MarketStream<TradeEvent>> many = IntStream.range(0, 1100)
                .mapToObj(i -> MarketStream.trade("S" + i + "USDT")).toList();
        StreamSubscription sub = streams.subscribe(many, (s, e) -> { });
        sub.ready().get(20, TimeUnit.SECONDS);

        List<FakeBinanceStreams.Connection> open = fake.openConnections();
        assertThat(open).hasSize(2);
        assertThat(open).extracting(c -> c.streams().size()).containsExactlyInAnyOrder(1024, 76);
        assertThat(streams.listSubscriptions()).hasSize(1100);
        assertThat(fake.rateLimitCloses()).isZero();
        assertThat(streams.connectionCount()).isEqualTo(2);

        sub.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(streams.connectionCount()).isZero();
    }

    @Test
    void neverSendsMoreThanFiveMessagesPerSecond() throws Exception {
        streams();
        List<StreamSubscription> subs = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 40 separate requests within ~0.8 s
            subs.add(streams.subscribe(MarketStream.trade("R" + i + "USDT"), (s, e) -> { }));
            Thread.sleep(20);
        }
        for (int i = 0; i < 20; i++) {
            subs.get(i).close();
            Thread.sleep(10);
        }
        for (StreamSubscription s : subs) {
            s.ready().get(10, TimeUnit.SECONDS);
        }
        fake.awaitTotalStreams(20, WAIT);
        assertThat(fake.rateLimitCloses()).isZero();
        assertThat(fake.connections()).hasSize(1); // never closed and reopened
        assertThat(streams.listSubscriptions()).hasSize(20);
    }

    @Test
    void connectionsAreReplacedBeforeTheyAgeOutWithoutLossOrDuplicates() throws Exception {
        streams(MarketStreams.builder(spot).maxConnectionAge(Duration.ofSeconds(2))
                .rotationOverlap(Duration.ofMillis(500)));
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<StreamGap> gaps = new CopyOnWriteArrayList<>();
        streams.subscribe(MarketStream.trade("BTCUSDT"), new StreamListener<TradeEvent>() {
            @Override
            public void onEvent(String stream, TradeEvent event) {
                ids.add(event.tradeId());
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.add(gap);
            }
        }).ready().get(10, TimeUnit.SECONDS);

        int total = NumberedFeed.publishFor(Duration.ofMillis(5500), Duration.ofMillis(5),
                n -> fake.publish("btcusdt@trade", "{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":" + n
                        + ",\"p\":\"1.5\",\"q\":\"2\",\"T\":1,\"m\":false}"));
        NumberedFeed.awaitEachOnceInOrder(ids, total, Duration.ofSeconds(10));
        assertThat(fake.connections().size()).as("connections opened (rotations)").isGreaterThanOrEqualTo(3);
        assertThat(gaps).isEmpty();
        assertThat(fake.openConnections()).hasSize(1);
    }

    /**
     * An all-symbol stream's events carry no key that grows with every event: the arrays of
     * {@code !miniTicker@arr} share their newest event time with the arrays before and after them.
     * Across rotations each array still arrives exactly once.
     */
    @Test
    void anAllSymbolStreamWithSharedEventTimesIsRotatedWithoutLossOrDuplicates() throws Exception {
        streams(MarketStreams.builder(spot).maxConnectionAge(Duration.ofSeconds(2))
                .rotationOverlap(Duration.ofMillis(500)));
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<StreamGap> gaps = new CopyOnWriteArrayList<>();
        streams.subscribe(MarketStream.allMiniTickers(), new StreamListener<List<MiniTickerEvent>>() {
            @Override
            public void onEvent(String stream, List<MiniTickerEvent> event) {
                ids.add(event.get(0).close().longValueExact()); // each array's number
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.add(gap);
            }
        }).ready().get(10, TimeUnit.SECONDS);

        String[] symbols = {"BTCUSDT", "ETHUSDT", "BNBUSDT"};
        int total = NumberedFeed.publishFor(Duration.ofMillis(5500), Duration.ofMillis(5), n -> {
            StringBuilder a = new StringBuilder("[");
            for (int i = 0; i < symbols.length; i++) {
                long eventTime = 1_000_000 + (n / 8) * 10 - i; // eight arrays in a row share the newest E
                a.append(i == 0 ? "" : ",").append("{\"e\":\"24hrMiniTicker\",\"E\":").append(eventTime)
                        .append(",\"s\":\"").append(symbols[(n + i) % symbols.length]).append("\",\"c\":\"")
                        .append(n).append("\",\"o\":\"1\",\"h\":\"2\",\"l\":\"1\",\"v\":\"3\",\"q\":\"4\"}");
            }
            fake.publish("!miniTicker@arr", a.append(']').toString());
        });
        NumberedFeed.awaitEachOnceInOrder(ids, total, Duration.ofSeconds(10));
        assertThat(fake.connections().size()).as("connections opened (rotations)").isGreaterThanOrEqualTo(3);
        assertThat(gaps).isEmpty();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }

    // ------------------------------------------------------------------ the first connect (issue 10 item 4)

    private static BinanceSpot spotWithStreamsAt(int port) {
        return BinanceSpot.builder().environment(BinanceEnvironment.custom("http://127.0.0.1:1",
                "ws://127.0.0.1:" + port, "ws://127.0.0.1:1/ws-api/v3")).build();
    }

    @Test
    void aFirstConnectToARefusedPortFailsReadyWithTheCauseAndNothingKeepsTrying() throws Exception {
        int timerBaseline = SharedTimer.queuedTasks();
        try (BinanceSpot refused = spotWithStreamsAt(Loopback.refusedPort());
             MarketStreams s = MarketStreams.builder(refused)
                     .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50))
                             .withUnlimitedAttempts())
                     .build()) {
            long start = System.nanoTime();
            StreamSubscription sub = s.subscribe(MarketStream.trade("BTCUSDT"), t -> { });
            assertThatThrownBy(() -> sub.ready().get(5, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).as(e.toString()).isTrue())
                    .hasMessageContaining("could not connect to the Binance market streams");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(s.connectionCount()).isZero();
        }
        // the failed session was dropped from the pool, so closing the streams does not reach it: if it kept
        // reconnecting (every 50 ms), its next attempt would stay queued on the SDK's one timer
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (SharedTimer.queuedTasks() > timerBaseline && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Integer> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(SharedTimer.queuedTasks());
            Thread.sleep(20);
        }
        assertThat(samples).as("no session keeps reconnecting").allMatch(n -> n <= timerBaseline);
    }

    @Test
    void withRetryInitialConnectAServerThatComesUpLaterIsReached() throws Exception {
        int port = Loopback.refusedPort();
        try (BinanceSpot later = spotWithStreamsAt(port);
             MarketStreams s = MarketStreams.builder(later)
                     .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100))
                             .withUnlimitedAttempts())
                     .retryInitialConnect(true)
                     .build()) {
            StreamSubscription sub = s.subscribe(MarketStream.trade("BTCUSDT"), t -> { });
            Thread.sleep(400);
            assertThat(sub.ready()).isNotDone();
            try (dev.relaykit.testkit.ScriptedWsServer server = dev.relaykit.testkit.ScriptedWsServer.builder().port(port).start()) {
                server.onText((client, text) -> client.send("{\"result\":null,\"id\":"
                        + dev.relaykit.core.json.Json.tree(text).path("id").asLong() + "}"));
                sub.ready().get(10, TimeUnit.SECONDS);
                assertThat(s.connectionCount()).isEqualTo(1);
            }
        }
    }
}
