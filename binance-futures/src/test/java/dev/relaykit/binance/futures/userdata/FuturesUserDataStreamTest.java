package dev.relaykit.binance.futures.userdata;

import static dev.relaykit.binance.futures.Fakes.WAIT;
import static dev.relaykit.binance.futures.Fakes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.futures.CoinmFutures;
import dev.relaykit.binance.futures.Fakes;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import dev.relaykit.testkit.FakeBinanceStreams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listen-key lifecycle against the fake, with a clock the test moves: keep-alive on time,
 * expiry and -1125 lead to a new key and a new connection with a gap callback, events keep coming,
 * and close() keeps or deletes the key as configured.
 */
class FuturesUserDataStreamTest {
    private final FakeBinanceFuturesStreams fake = FakeBinanceFuturesStreams.start();
    private final UsdmFutures futures = Fakes.usdm(fake);
    private final MovableClock clock = new MovableClock();
    private final Recorder recorder = new Recorder();
    private FuturesUserDataStream user;

    @AfterEach
    void tearDown() {
        if (user != null) {
            user.close();
        }
        futures.close();
        fake.close();
    }

    /** A clock that moves only when told to. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-06-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Recorder implements FuturesUserDataListener {
        final List<FuturesUserDataEvent> events = new CopyOnWriteArrayList<>();
        final List<FuturesUserDataGap> gaps = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(FuturesUserDataEvent event) {
            events.add(event);
        }

        @Override
        public void onGap(FuturesUserDataGap gap) {
            gaps.add(gap);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        long count(Class<?> type) {
            return events.stream().filter(type::isInstance).count();
        }
    }

    private FuturesUserDataStream start(FuturesUserDataStream.Builder b) throws Exception {
        user = b.clock(clock).checkInterval(Duration.ofMillis(20)).build();
        user.start().get(10, TimeUnit.SECONDS);
        return user;
    }

    @Test
    void connectsWithTheChangeNoticesQueryFormAndDeliversTypedEvents() throws Exception {
        start(futures.userData(recorder));
        FakeBinanceStreams.Connection c = fake.awaitUserDataConnection(WAIT);
        assertThat(c.route()).isEqualTo("private");
        assertThat(c.path()).startsWith("/private/ws?listenKey=" + fake.liveListenKey() + "&events=")
                .contains("ORDER_TRADE_UPDATE").contains("ALGO_UPDATE").contains("listenKeyExpired");
        assertThat(fake.listenKeyRequests("POST")).isEqualTo(1);

        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-ORDER_TRADE_UPDATE.json"));
        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-GRID_UPDATE.json"));
        await(() -> recorder.events.size() == 2, "two events");
        assertThat(recorder.events.get(0)).isInstanceOf(OrderTradeUpdate.class);
        assertThat(((OrderTradeUpdate) recorder.events.get(0)).order().orderId()).isEqualTo(8886774L);
        assertThat(recorder.events.get(1)).isInstanceOfSatisfying(UnknownUserDataEvent.class,
                u -> assertThat(u.json().path("gu").path("si").asLong()).isEqualTo(176057));
        assertThat(user.toString()).doesNotContain(fake.liveListenKey());
    }

    @Test
    void keepAlivesGoOutOnTimeByTheClock() throws Exception {
        start(futures.userData(recorder).keepAliveInterval(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(29));
        Thread.sleep(300); // many timer ticks: none may send a keep-alive before 30 minutes
        assertThat(fake.listenKeyRequests("PUT")).isZero();

        clock.advance(Duration.ofMinutes(1));
        await(() -> fake.listenKeyRequests("PUT") == 1, "the first keep-alive");
        Thread.sleep(200);
        assertThat(fake.listenKeyRequests("PUT")).as("one per interval, not one per tick").isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));
        await(() -> fake.listenKeyRequests("PUT") == 2, "the second keep-alive");
        // the fake counts a PUT when it arrives, the stream once its answer is back
        await(() -> user.keepAliveCount() == 2, "the second keep-alive answered");
        assertThat(user.keepAliveCount()).isEqualTo(2);
        assertThat(fake.issuedListenKeys()).hasSize(1);
        assertThat(recorder.gaps).isEmpty();
    }

    @Test
    void anExpiredKeyIsReplacedAndReconnectedWithAGapAndEventsGoOn() throws Exception {
        start(futures.userData(recorder));
        fake.awaitUserDataConnection(WAIT);
        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-ACCOUNT_UPDATE.json"));
        await(() -> recorder.count(AccountUpdate.class) == 1, "the first event");

        String old = fake.expireListenKey();
        await(() -> recorder.gaps.size() == 1, "a gap after the new connection");
        assertThat(recorder.count(ListenKeyExpiredEvent.class)).isEqualTo(1);
        assertThat(fake.issuedListenKeys()).hasSize(2);
        String renewed = fake.liveListenKey();
        assertThat(renewed).isNotEqualTo(old);
        FakeBinanceStreams.Connection now = fake.awaitUserDataConnection(WAIT);
        assertThat(now.listenKeys()).containsExactly(renewed);
        fake.streams().await(c -> !c.open() && c.listenKeys().contains(old), WAIT, "the old connection closed");

        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-TRADE_LITE.json"));
        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-ALGO_UPDATE.json"));
        await(() -> recorder.count(TradeLite.class) == 1 && recorder.count(AlgoUpdate.class) == 1,
                "events on the new connection");
        assertThat(recorder.count(TradeLite.class)).as("delivered once").isEqualTo(1);
        assertThat(user.renewalCount()).isEqualTo(1);
        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void aKeepAliveAnswered1125LeadsToANewKeyAndConnection() throws Exception {
        start(futures.userData(recorder));
        fake.awaitUserDataConnection(WAIT);
        fake.forgetListenKey(); // gone on Binance's side, no event
        clock.advance(Duration.ofMinutes(30));
        await(() -> recorder.gaps.size() == 1, "a gap after the new connection");
        assertThat(recorder.gaps.get(0).reason()).contains("-1125");
        assertThat(fake.listenKeyRequests("PUT")).isGreaterThanOrEqualTo(1);
        assertThat(fake.issuedListenKeys()).hasSize(2);
        fake.awaitUserDataConnection(WAIT);
        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-MARGIN_CALL.json"));
        await(() -> recorder.count(MarginCall.class) == 1, "an event on the new connection");
    }

    @Test
    void anOldConnectionIsReplacedBeforeItAgesOutWithoutDuplicates() throws Exception {
        start(futures.userData(recorder).maxConnectionAge(Duration.ofHours(23)).overlap(Duration.ofMillis(400)));
        fake.awaitUserDataConnection(WAIT);
        clock.advance(Duration.ofHours(23));
        fake.streams().await(c -> c.open() && c.number() == 2, WAIT, "a second connection");
        // both connections carry the key now: an event pushed to both arrives once
        assertThat(fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-ACCOUNT_CONFIG_UPDATE-leverage.json")))
                .isEqualTo(2);
        await(() -> recorder.count(AccountConfigUpdate.class) == 1, "the event");
        fake.streams().await(c -> !c.open() && c.number() == 1, WAIT, "the old connection closed");
        Thread.sleep(100);
        assertThat(recorder.count(AccountConfigUpdate.class)).isEqualTo(1);
        assertThat(recorder.gaps).isEmpty();
        assertThat(fake.issuedListenKeys()).hasSize(1);
    }

    @Test
    void aLostConnectionReconnectsAndReportsAGap() throws Exception {
        start(futures.userData(recorder));
        fake.awaitUserDataConnection(WAIT);
        fake.streams().dropAll();
        await(() -> recorder.gaps.size() == 1, "a gap");
        fake.awaitUserDataConnection(WAIT);
        fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-TRADE_LITE.json"));
        await(() -> recorder.count(TradeLite.class) == 1, "events after the reconnect");
    }

    @Test
    void closeKeepsTheKeyByDefaultAndDeletesItWhenAsked() throws Exception {
        start(futures.userData(recorder));
        user.close();
        assertThat(fake.listenKeyRequests("DELETE")).isZero();
        assertThat(fake.liveListenKey()).isNotNull();

        start(futures.userData(recorder).onClose(FuturesUserDataStream.CloseAction.DELETE_KEY));
        user.close();
        assertThat(fake.listenKeyRequests("DELETE")).isEqualTo(1);
        assertThat(fake.liveListenKey()).isNull();
    }

    @Test
    void coinmUsesThePathFormOnItsSingleHost() throws Exception {
        try (FakeBinanceFuturesStreams coin = FakeBinanceFuturesStreams.startCoinm();
             CoinmFutures client = Fakes.coinm(coin);
             FuturesUserDataStream s = client.userData(recorder).clock(clock).checkInterval(Duration.ofMillis(20))
                     .build()) {
            s.start().get(10, TimeUnit.SECONDS);
            FakeBinanceStreams.Connection c = coin.awaitUserDataConnection(WAIT);
            assertThat(c.path()).isEqualTo("/ws/" + coin.liveListenKey());
            assertThat(coin.rest().requests()).allMatch(r -> r.getUrl().startsWith("/dapi/v1/listenKey"));
            coin.pushUserData(FakeBinanceFuturesStreams.fixture("user-ACCOUNT_UPDATE.json"));
            await(() -> recorder.count(AccountUpdate.class) == 1, "the event");
        }
    }
}
